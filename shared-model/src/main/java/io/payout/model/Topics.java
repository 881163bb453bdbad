package io.payout.model;

/** Default topic names of CONTRACT.md §1; every service lets configuration override them. */
public final class Topics {
    public static final String WITHDRAWAL_REQUESTS = "withdrawal.requests";
    public static final String WITHDRAWAL_OUTCOMES = "withdrawal.outcomes";
    public static final String WITHDRAWAL_REJECTIONS = "withdrawal.rejections";
    public static final String HUIFU_NOTIFICATIONS = "huifu.notifications";

    /** Kafka header names that repeat fields of WithdrawalStatusChanged. */
    public static final String HEADER_EVENT_ID = "event_id";
    public static final String HEADER_STATUS = "status";

    private Topics() {
    }

    /** The key of a {@code huifu.notifications} record: {@code huifu_id:req_seq_id}. */
    public static String notificationKey(String huifuId, String reqSeqId) {
        return huifuId + ":" + reqSeqId;
    }
}
