package io.payout.orchestrator.huifu;

import java.util.Locale;

/**
 * Huifu's account paths the orchestrator calls (ACCOUNTS.md A2–A7), each with whether it changes something at Huifu.
 * A changing call whose answer was lost is never sent again under a new serial before a lookup shows it did not
 * happen (CONTRACT.md §6); a query can simply be asked again.
 */
public enum AccountOperation {
    OPEN_INDIVIDUAL("/v2/user/basicdata/indv", true),
    OPEN_ENTERPRISE("/v2/user/basicdata/ent", true),
    USER_LIST_QUERY("/v2/user/list/query", false),
    USER_BUSINESS_OPEN("/v2/user/busi/open", true),
    USER_BUSINESS_MODIFY("/v2/user/busi/modify", true),
    USER_DETAIL_QUERY("/v2/user/basicdata/query", false),
    USER_APPLY_QUERY("/v2/user/apply/query", false),
    MERCHANT_SMS_SEND("/v2/merchant/basicdata/sms/send", true),
    MERCHANT_MODIFY("/v2/merchant/basicdata/modify", true),
    MERCHANT_STATUS_QUERY("/v2/merchant/basicdata/status/query", false),
    MERCHANT_DETAIL_QUERY("/v2/merchant/basicdata/query", false);

    private final String path;
    private final boolean changing;

    AccountOperation(String path, boolean changing) {
        this.path = path;
        this.changing = changing;
    }

    public String path() {
        return path;
    }

    public boolean changing() {
        return changing;
    }

    /** The {@code operation} tag of {@code huifu_calls_total} and {@code huifu_call_latency_seconds}. */
    String metricName() {
        return "account_" + name().toLowerCase(Locale.ROOT);
    }
}
