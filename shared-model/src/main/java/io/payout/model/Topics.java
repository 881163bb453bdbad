package io.payout.model;

/** Default topic names of CONTRACT.md §1; every service lets configuration override them. */
public final class Topics {
    public static final String WITHDRAWAL_REQUESTS = "withdrawal.requests";
    public static final String WITHDRAWAL_OUTCOMES = "withdrawal.outcomes";
    public static final String WITHDRAWAL_REJECTIONS = "withdrawal.rejections";
    public static final String HUIFU_NOTIFICATIONS = "huifu.notifications";
    /** Account audit notices, gateway to orchestrator (CONTRACT.md §6). */
    public static final String HUIFU_ACCOUNT_NOTICES = "huifu.account-notices";
    /** Account requests, upstream to orchestrator, and what the orchestrator answers (CONTRACT.md §6). */
    public static final String ACCOUNT_REQUESTS = "account.requests";
    public static final String ACCOUNT_REJECTIONS = "account.rejections";
    public static final String ACCOUNT_UPDATES = "account.updates";

    /** Kafka header names that repeat fields of WithdrawalStatusChanged. */
    public static final String HEADER_EVENT_ID = "event_id";
    public static final String HEADER_STATUS = "status";
    /** W3C Trace Context: on a request it starts the withdrawal's trace, which its outcome records continue. */
    public static final String HEADER_TRACEPARENT = "traceparent";

    private Topics() {
    }

    /** Who set a record aside: a header of every record on a quarantine topic ({@code gateway}, {@code orchestrator}). */
    public static final String HEADER_QUARANTINED_BY = "quarantined_by";
    /** Why a record was set aside: a header of every record on a quarantine topic. */
    public static final String HEADER_REASON = "reason";

    /**
     * Where the records of {@code topic} go that are valid but cannot be processed (CONTRACT.md §3): kept, counted
     * and replayable, never blocking the records behind them.
     */
    public static String quarantineOf(String topic) {
        return topic + ".quarantine";
    }

    /**
     * The key of a {@code huifu.notifications} record: {@code huifu_id:req_seq_id}, so every notice of one serial
     * lands on one partition. A notice without huifu_id (it is optional) is keyed {@code :req_seq_id}.
     */
    public static String notificationKey(String huifuId, String reqSeqId) {
        return huifuId + ":" + reqSeqId;
    }
}
