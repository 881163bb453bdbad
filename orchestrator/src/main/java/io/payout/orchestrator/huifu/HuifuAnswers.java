package io.payout.orchestrator.huifu;

import io.payout.model.Amount;
import java.util.Objects;

/**
 * The one table that turns Huifu's answers into outcomes (PROTOCOL.md §1, §3.2, §5.1, §7, §9). Pure: no I/O.
 * <p>
 * The default is UNKNOWN. A wrong "Refused" lets the withdrawal fail while Huifu may still pay it (and the
 * upstream may then pay again); a wrong "NotFound" lets the orchestrator submit a second serial for money
 * Huifu already moves. So an answer is definitive only when it is signed, for our serial, and listed here.
 */
final class HuifuAnswers {

    static final String OK = "00000000";
    static final String INVALID_PARAMETER = "10000000";
    static final String DUPLICATE_SERIAL = "20000000";
    static final String TOO_FREQUENT = "20000001";
    static final String NO_SUCH_TRANSACTION = "20000004";
    static final String UNKNOWN_ACCOUNT = "22000002";
    static final String NOT_OPENED = "22000004";
    static final String CONFIGURATION = "22000005";
    static final String LEGACY_NO_SUCH_ORDER = "23000001";
    static final String AMOUNT_OR_BALANCE = "23000003";
    static final String BUSINESS_FAILURE = "90000000";

    static final int HTTP_OK = 200;
    static final int HTTP_RATE_LIMITED = 911;
    static final int HTTP_RATE_LIMITED_TOO = 914;

    private HuifuAnswers() {
    }

    /** Huifu's synchronous answer to {@code POST /v2/trade/settlement/encashment}. */
    static SubmitOutcome submission(Exchange exchange, SubmitCommand sent) {
        String transport = transportProblem(exchange);
        if (transport != null) {
            return new SubmitOutcome.Unknown(transport, exchange.field("resp_code"), isRateLimited(exchange));
        }
        if (!echoes(exchange.field("huifu_id"), sent.huifuId())
                || !echoes(exchange.field("req_seq_id"), sent.reqSeqId())
                || !echoes(exchange.field("req_date"), sent.reqDate())) {
            // A signed answer about another serial says nothing about ours.
            return new SubmitOutcome.Unknown("answer is for another serial", exchange.field("resp_code"), false);
        }
        String code = exchange.field("resp_code");
        String desc = exchange.field("resp_desc");
        String stat = firstPresent(exchange.field("trans_stat"), exchange.field("trans_status"));
        if (code == null) {
            return new SubmitOutcome.Unknown("answer has no resp_code", null, false);
        }
        return switch (code) {
            // Processed: the result is in trans_stat; P and S mean Huifu took the serial and will move the money.
            case OK -> TransStatus.of(stat).map(status -> switch (status) {
                case PROCESSING, SUCCEEDED -> (SubmitOutcome) new SubmitOutcome.Accepted(status,
                        exchange.field("hf_seq_id"), code, desc);
                // Processed and failed, e.g. insufficient balance: Huifu will not pay this serial.
                case FAILED -> new SubmitOutcome.Refused(code, desc);
            })
                    // No (or an unheard-of) trans_stat: processed but with unknown result; query.
                    .orElseGet(() -> new SubmitOutcome.Unknown("resp_code 00000000 without a known trans_stat",
                            code, false));
            // Invalid parameter (format, length, req_date not today): refused before Huifu took the serial.
            case INVALID_PARAMETER -> refusal(code, desc, stat);
            // Unknown or disabled huifu_id: there is no account to pay from.
            case UNKNOWN_ACCOUNT -> refusal(code, desc, stat);
            // Withdrawal permission or this cash type not opened: refused for this account.
            case NOT_OPENED -> refusal(code, desc, stat);
            // Configuration error, e.g. unknown token_no: there is no card to pay to.
            case CONFIGURATION -> refusal(code, desc, stat);
            // Amount check failed or balance insufficient: refused, nothing debited.
            case AMOUNT_OR_BALANCE -> refusal(code, desc, stat);
            // Business failure (可用余额不足, 交易受限, 单日限额, DM取现额度不足): refused.
            case BUSINESS_FAILURE -> refusal(code, desc, stat);
            // Duplicate serial: Huifu already has this serial (perhaps from our own lost attempt); query it.
            case DUPLICATE_SERIAL -> new SubmitOutcome.Unknown("duplicate serial", code, false);
            // Too frequent: not processed as far as we know, but only a query can say; slow down.
            case TOO_FREQUENT -> new SubmitOutcome.Unknown("too frequent", code, true);
            // 99999999/98888888 system error, 91111119 channel error, 00000100 processing, anything new: query.
            default -> new SubmitOutcome.Unknown("resp_code " + code, code, false);
        };
    }

    /** Huifu's answer to {@code POST /v2/trade/settlement/query} for one serial. */
    static QueryOutcome query(Exchange exchange, QueryCommand asked) {
        String transport = transportProblem(exchange);
        if (transport != null) {
            return new QueryOutcome.Unknown(transport, exchange.field("resp_code"), isRateLimited(exchange));
        }
        if (!echoes(exchange.field("huifu_id"), asked.huifuId())
                || !echoes(exchange.field("org_req_seq_id"), asked.reqSeqId())
                || !echoes(exchange.field("org_req_date"), asked.reqDate())) {
            // The state of another serial must never be taken for ours.
            return new QueryOutcome.Unknown("answer is for another serial", exchange.field("resp_code"), false);
        }
        String code = exchange.field("resp_code");
        String desc = exchange.field("resp_desc");
        String status = firstPresent(exchange.field("trans_status"), exchange.field("trans_stat"));
        if (code == null) {
            return new QueryOutcome.Unknown("answer has no resp_code", null, false);
        }
        return switch (code) {
            // The query worked: trans_status is the withdrawal's state.
            // S paid, F failed, P processing: Huifu knows the serial.
            case OK -> TransStatus.of(status).map(known -> (QueryOutcome) new QueryOutcome.Found(known,
                            firstPresent(exchange.field("org_hf_seq_id"), exchange.field("hf_seq_id")),
                            amountOrNull(exchange.field("cash_amt")), amountOrNull(exchange.field("fee_amt")),
                            code, firstPresent(exchange.field("trans_desc"), desc)))
                    // Known serial without a state we understand: ask again later.
                    .orElseGet(() -> new QueryOutcome.Unknown("resp_code 00000000 without a known trans_status",
                            code, false));
            // 交易不存在: Huifu has no such serial, so it never moved money for it.
            case NO_SUCH_TRANSACTION -> new QueryOutcome.NotFound(code, desc);
            // Older "order does not exist" code seen in an official SDK test (weak evidence, PROTOCOL.md §5.1).
            case LEGACY_NO_SUCH_ORDER -> new QueryOutcome.NotFound(code, desc);
            // Too frequent: the query was not answered; slow down.
            case TOO_FREQUENT -> new QueryOutcome.Unknown("too frequent", code, true);
            // System errors, invalid query parameters, anything new: the serial's state is still unknown.
            default -> new QueryOutcome.Unknown("resp_code " + code, code, false);
        };
    }

    /** Why the exchange carries no trusted business answer, or null when it does (HTTP 200, verified). */
    static String transportProblem(Exchange exchange) {
        if (exchange.httpStatus() == Exchange.NOT_SENT) {
            // Held back by our own concurrency limit: nothing reached Huifu, but unknown only ever leads to a query.
            return exchange.problem();
        }
        if (isRateLimited(exchange)) {
            // 911/914: Huifu's gateway throttled the call before the business layer saw it.
            return "rate limited (HTTP " + exchange.httpStatus() + ")";
        }
        if (exchange.httpStatus() == Exchange.NO_ANSWER) {
            // Timeout or I/O error: the request may or may not have reached Huifu.
            return exchange.problem();
        }
        if (exchange.httpStatus() != HTTP_OK) {
            // 5xx/502/512 gateway errors, 921/922/923 signature trouble, 404/412: the result is not known.
            return "HTTP " + exchange.httpStatus();
        }
        if (exchange.data() == null) {
            // Unreadable or unverifiable body: anyone could have written it, so it proves nothing.
            return exchange.problem();
        }
        return null;
    }

    /** Huifu's gateway throttled us, or our own limit did: either way the caller should slow down. */
    static boolean isRateLimited(Exchange exchange) {
        return exchange.httpStatus() == HTTP_RATE_LIMITED || exchange.httpStatus() == HTTP_RATE_LIMITED_TOO
                || exchange.httpStatus() == Exchange.NOT_SENT;
    }

    /** A refusal code that comes with trans_stat P or S contradicts itself; only a query can settle it. */
    private static SubmitOutcome refusal(String code, String desc, String stat) {
        if ("P".equals(stat) || "S".equals(stat)) {
            return new SubmitOutcome.Unknown("refusal code with trans_stat " + stat, code, false);
        }
        return new SubmitOutcome.Refused(code, desc);
    }

    /** An echoed identifier is fine when absent, and must match when present. */
    private static boolean echoes(String answered, String sent) {
        return answered == null || answered.isEmpty() || Objects.equals(answered, sent);
    }

    private static String firstPresent(String first, String second) {
        return first != null && !first.isEmpty() ? first : second;
    }

    private static Amount amountOrNull(String text) {
        if (text == null || !Amount.FORMAT.matcher(text).matches()) {
            return null;
        }
        return Amount.parse(text);
    }
}
