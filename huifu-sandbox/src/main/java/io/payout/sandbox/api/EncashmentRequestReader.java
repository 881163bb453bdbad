package io.payout.sandbox.api;

import static io.payout.sandbox.api.FieldRules.firstProblem;
import static io.payout.sandbox.api.FieldRules.oneOf;
import static io.payout.sandbox.api.FieldRules.optional;
import static io.payout.sandbox.api.FieldRules.required;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.sandbox.lifecycle.SerialKey;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.WithdrawalRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/** Checks an encashment {@code data} against PROTOCOL.md §3.1: required fields, lengths, enums, today's date. */
final class EncashmentRequestReader {

    private static final DateTimeFormatter REQ_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** Either a request, or the 10000000 description of what is wrong with it. */
    record Read(WithdrawalRequest request, String problem) {
    }

    private final Clock clock;

    EncashmentRequestReader(Clock clock) {
        this.clock = clock;
    }

    Read read(Map<String, String> data) {
        String problem = firstProblem(
                required(data, "req_date", 8),
                required(data, "req_seq_id", 128),
                required(data, "cash_amt", 14),
                required(data, "huifu_id", 32),
                required(data, "into_acct_date_type", 3),
                required(data, "token_no", 20),
                optional(data, "acct_id", 32),
                optional(data, "enchashment_channel", 2),
                optional(data, "fee_type", 1),
                optional(data, "remark", 100),
                optional(data, "notify_url", 128),
                oneOf(data, "into_acct_date_type", Set.of("D0", "T1", "D1", "DM", "T0")),
                oneOf(data, "enchashment_channel", Set.of("00", "10")),
                oneOf(data, "fee_type", Set.of("1", "2")),
                reqDateProblem(data.get("req_date")),
                notifyUrlProblem(data.get("notify_url")));
        if (problem != null) {
            return new Read(null, problem);
        }
        Amount cash;
        try {
            cash = Amount.parseCashAmount("cash_amt", data.get("cash_amt"));
        } catch (IllegalArgumentException e) {
            return new Read(null, "cash_amt格式错误");
        }
        // The official demos send T0; we read it as the doc's D0 [I].
        String typeText = data.get("into_acct_date_type");
        IntoAcctDateType type = IntoAcctDateType.valueOf(typeText.equals("T0") ? "D0" : typeText);
        String notifyUrl = data.get("notify_url");
        SerialKey key = new SerialKey(data.get("huifu_id"), data.get("req_date"), data.get("req_seq_id"));
        return new Read(new WithdrawalRequest(key, blankToNull(data.get("acct_id")), data.get("token_no"), type, cash,
                blankToNull(notifyUrl)), null);
    }

    private String reqDateProblem(String reqDate) {
        if (reqDate == null || reqDate.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(reqDate, REQ_DATE);
        } catch (RuntimeException e) {
            return "req_date格式错误(yyyyMMdd)";
        }
        // Always the real Beijing date: the settlement clock's compression never applies here.
        return date.equals(LocalDate.now(clock.withZone(SettlementClock.BEIJING))) ? null : "请求日期必须是当前日期";
    }

    private static String notifyUrlProblem(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        return url.startsWith("http://") || url.startsWith("https://") ? null : "notify_url格式错误";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
