package io.payout.orchestrator.account;

/**
 * Where an account request is on its way through Huifu. A step that changes something at Huifu
 * ({@link #OPEN_USER}, {@link #SEND}) records its serial before the call; when that call's answer is lost the next
 * step is the lookup ({@link #FIND_USER}, {@link #FIND_CHANGE}), never the same change under a new serial.
 */
public enum ApplicationStep {
    /** {@code v2/user/basicdata/indv|ent}. */
    OPEN_USER,
    /** After a lost opening: {@code v2/user/list/query} by certificate number. */
    FIND_USER,
    /** The change itself: user business open or modify, merchant base-data modify, or the SMS code. */
    SEND,
    /** After a lost change: the detail query shows whether it happened. */
    FIND_CHANGE,
    /** An application with an {@code apply_no}: waits for the audit notice, asks the status query when due. */
    FOLLOW,
    /** Approved, or a {@code REFRESH}: the detail query reads the account's cards and configuration. */
    READ_DETAIL,
    /** Final, or waiting for an operator. */
    DONE
}
