package io.payout.sandbox.api;

import io.payout.sandbox.SandboxKeys;
import io.payout.sandbox.account.MerchantAccounts;
import io.payout.sandbox.account.UserAccounts;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.Faults;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.Withdrawals;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Huifu's paths, exactly as Huifu has them: the gateway checks, the sync faults, then the business handlers. Each
 * call gives a {@link Reply}: the answer, and whether a NO_ANSWER fault withholds it. HTTP is
 * {@link HuifuApiServlet}'s business.
 */
final class HuifuApi {

    static final String ENCASHMENT = "/v2/trade/settlement/encashment";
    static final String ENCASHMENT_LEGACY = "/v2/trade/settlement/enchashment";
    static final String QUERY = "/v2/trade/settlement/query";
    static final String DM_QUOTA = "/v2/trade/settlement/enchashment/dmamt/query";
    static final String FILE_QUERY = "/v2/trade/check/filequery";
    static final String FILE_REPLAY = "/v2/trade/check/replay";
    static final String USER_OPEN_INDIVIDUAL = "/v2/user/basicdata/indv";
    static final String USER_OPEN_ENTERPRISE = "/v2/user/basicdata/ent";
    static final String USER_LIST_QUERY = "/v2/user/list/query";
    static final String USER_BUSINESS_OPEN = "/v2/user/busi/open";
    static final String USER_BUSINESS_MODIFY = "/v2/user/busi/modify";
    static final String USER_DETAIL_QUERY = "/v2/user/basicdata/query";
    static final String USER_APPLY_QUERY = "/v2/user/apply/query";
    static final String MERCHANT_SMS_SEND = "/v2/merchant/basicdata/sms/send";
    static final String MERCHANT_MODIFY = "/v2/merchant/basicdata/modify";
    static final String MERCHANT_STATUS_QUERY = "/v2/merchant/basicdata/status/query";
    static final String MERCHANT_DETAIL_QUERY = "/v2/merchant/basicdata/query";
    static final String[] PATHS = {ENCASHMENT, ENCASHMENT_LEGACY, QUERY, DM_QUOTA, FILE_QUERY, FILE_REPLAY,
        USER_OPEN_INDIVIDUAL, USER_OPEN_ENTERPRISE, USER_LIST_QUERY, USER_BUSINESS_OPEN, USER_BUSINESS_MODIFY,
        USER_DETAIL_QUERY, USER_APPLY_QUERY, MERCHANT_SMS_SEND, MERCHANT_MODIFY, MERCHANT_STATUS_QUERY,
        MERCHANT_DETAIL_QUERY};
    static final HuifuAnswer WITHHELD_TIMEOUT = HuifuAnswer.gateway(502, "Backend timeout");

    /** The answer, or for a NO_ANSWER fault the answer that is never sent ({@code withheld}). */
    record Reply(HuifuAnswer answer, boolean withheld) {
    }

    private final HuifuGateway gateway;
    private final EncashmentHandler encashment;
    private final QueryHandler queries;
    private final StatementHandler statements;
    private final UserAccounts users;
    private final MerchantAccounts merchants;
    private final Faults faults;
    private final SerialLog serials;
    private final SandboxKeys keys;
    private final Clock clock;

    HuifuApi(String sysId, SandboxKeys keys, Withdrawals withdrawals, Ledger ledger, Lifecycle lifecycle,
             SettlementClock settlementClock, StatementHandler statements, UserAccounts users,
             MerchantAccounts merchants, Faults faults, SerialLog serials, Clock clock) {
        this.gateway = new HuifuGateway(sysId, keys);
        this.encashment = new EncashmentHandler(withdrawals, ledger, lifecycle, settlementClock, clock);
        this.queries = new QueryHandler(withdrawals, ledger);
        this.statements = statements;
        this.users = users;
        this.merchants = merchants;
        this.faults = faults;
        this.serials = serials;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A POST to the Huifu path {@code endpoint} (one of the constants above); {@code uri} is the request URI as
     * sent, which the serial log records and the fault decisions of queries include; {@code baseUrl} is the address
     * the request came in on, where statement download links point.
     */
    Reply post(String endpoint, String uri, String contentType, byte[] body, String baseUrl) {
        return switch (endpoint) {
            case ENCASHMENT, ENCASHMENT_LEGACY -> encashment(uri, contentType, body);
            case QUERY -> answerQuery(uri, contentType, body, "org_req_seq_id", queries::settlementQuery);
            case DM_QUOTA -> answerQuery(uri, contentType, body, "acct_id", queries::dmQuota);
            case FILE_QUERY -> answerQuery(uri, contentType, body, "file_date",
                    data -> statements.fileQuery(data, baseUrl));
            case FILE_REPLAY -> answerQuery(uri, contentType, body, "req_seq_id", statements::replay);
            // The account paths take the query faults: refused unprocessed (5xx, 502, rate limit), or processed
            // and the answer lost (NO_ANSWER), by rate, per serial; those that change an account also take a
            // one-shot NO_ANSWER, so a test can lose exactly one opening's or one change's answer.
            case USER_OPEN_INDIVIDUAL -> answerChange(uri, contentType, body, users::openIndividual);
            case USER_OPEN_ENTERPRISE -> answerChange(uri, contentType, body, users::openEnterprise);
            case USER_LIST_QUERY -> answerQuery(uri, contentType, body, "req_seq_id", users::listByCertificate);
            case USER_BUSINESS_OPEN -> answerChange(uri, contentType, body, users::businessOpen);
            case USER_BUSINESS_MODIFY -> answerChange(uri, contentType, body, users::businessModify);
            case USER_DETAIL_QUERY -> answerQuery(uri, contentType, body, "req_seq_id", users::detailQuery);
            case USER_APPLY_QUERY -> answerQuery(uri, contentType, body, "req_seq_id", users::applyQuery);
            case MERCHANT_SMS_SEND -> answerQuery(uri, contentType, body, "req_seq_id", merchants::sendSmsCode);
            case MERCHANT_MODIFY -> answerChange(uri, contentType, body, merchants::modify);
            case MERCHANT_STATUS_QUERY -> answerQuery(uri, contentType, body, "req_seq_id", merchants::statusQuery);
            case MERCHANT_DETAIL_QUERY -> answerQuery(uri, contentType, body, "req_seq_id", merchants::detailQuery);
            default -> throw new IllegalArgumentException("not a Huifu path: " + endpoint);
        };
    }

    private Reply encashment(String path, String contentType, byte[] body) {
        HuifuGateway.Admission admission = gateway.admit(contentType, body);
        Map<String, String> data = admission.data();
        String huifuId = data.get("huifu_id");
        String reqDate = data.get("req_date");
        String reqSeqId = data.get("req_seq_id");
        if (admission.refusal() != null) {
            log(path, data, admission.refusal(), null, null, true, null);
            return new Reply(admission.refusal(), false);
        }
        String[] id = {reqDate, reqSeqId, "arrival-" + serials.arrival("encashment", huifuId, reqDate, reqSeqId)};
        HuifuAnswer refused = gatewayFault(true, huifuId, id);
        if (refused != null) {
            log(path, data, refused, null, null, true, faultName(refused));
            return new Reply(refused, false);
        }
        // Decided before processing, applied after: the withdrawal happens, only the answer is lost.
        boolean noAnswer = faults.strikes(Fault.NO_ANSWER, huifuId, id);
        EncashmentHandler.Outcome outcome = encashment.handle(data);
        HuifuAnswer response = HuifuAnswer.signed(outcome.data(), keys.huifuPrivateKey());
        log(path, data, response, outcome, outcome.hfSeqId(), !noAnswer, noAnswer ? Fault.NO_ANSWER.name() : null);
        return new Reply(response, noAnswer);
    }

    private Reply answerQuery(String path, String contentType, byte[] body, String identityField,
                              Function<Map<String, String>, Map<String, ?>> handler) {
        return answer(path, contentType, body, identityField, handler, false);
    }

    /** @param oneShots whether a one-shot NO_ANSWER applies too (the calls that change an account) */
    private Reply answer(String path, String contentType, byte[] body, String identityField,
                         Function<Map<String, String>, Map<String, ?>> handler, boolean oneShots) {
        HuifuGateway.Admission admission = gateway.admit(contentType, body);
        if (admission.refusal() != null) {
            return new Reply(admission.refusal(), false);
        }
        Map<String, String> data = admission.data();
        String huifuId = data.get("huifu_id");
        String target = data.getOrDefault(identityField, data.get("org_hf_seq_id"));
        String[] id = {path, target, "arrival-" + serials.arrival(path, huifuId, data.get("org_req_date"), target)};
        HuifuAnswer refused = gatewayFault(false, huifuId, id);
        if (refused != null) {
            return new Reply(refused, false);
        }
        HuifuAnswer response = HuifuAnswer.signed(handler.apply(data), keys.huifuPrivateKey());
        return new Reply(response, oneShots ? faults.strikes(Fault.NO_ANSWER, huifuId, id)
                : faults.strikesByRate(Fault.NO_ANSWER, huifuId, id));
    }

    private Reply answerChange(String path, String contentType, byte[] body,
                               Function<Map<String, String>, Map<String, ?>> handler) {
        return answer(path, contentType, body, "req_seq_id", handler, true);
    }

    /** Faults that refuse a request at the gateway, unprocessed. One-shot switches apply to encashments only. */
    private HuifuAnswer gatewayFault(boolean encashmentRequest, String huifuId, String[] id) {
        if (strikes(encashmentRequest, Fault.RATE_LIMIT, huifuId, id)) {
            int status = faults.choice("rate_limit_code", huifuId, id) < 0.5 ? 911 : 914;
            return HuifuAnswer.gateway(status, "Rate limited");
        }
        if (strikes(encashmentRequest, Fault.HTTP_5XX, huifuId, id)) {
            return HuifuAnswer.gateway(500, "Backend error");
        }
        if (strikes(encashmentRequest, Fault.HTTP_502, huifuId, id)) {
            return HuifuAnswer.gateway(502, "Backend timeout");
        }
        return null;
    }

    private boolean strikes(boolean encashmentRequest, Fault fault, String huifuId, String[] id) {
        return encashmentRequest ? faults.strikes(fault, huifuId, id) : faults.strikesByRate(fault, huifuId, id);
    }

    private void log(String path, Map<String, String> data, HuifuAnswer response,
                     EncashmentHandler.Outcome outcome, String hfSeqId, boolean answered, String fault) {
        int status = response.status();
        String respCode = outcome != null ? outcome.respCode() : status == 200 ? "10000000" : null;
        String respDesc = outcome != null ? outcome.respDesc() : status == 200 ? "无效参数" : response.body();
        serials.add(new SerialView(path, data.get("huifu_id"), data.get("req_date"),
                data.get("req_seq_id"), status, respCode, respDesc, outcome == null ? null : outcome.transStat(),
                hfSeqId, answered, fault, clock.instant()));
    }

    private static String faultName(HuifuAnswer refused) {
        int status = refused.status();
        return status == 500 ? Fault.HTTP_5XX.name() : status == 502 ? Fault.HTTP_502.name() : Fault.RATE_LIMIT.name();
    }
}
