package io.payout.sandbox.behavior;

/** The faults the sandbox can inject, by the point where each one is decided. */
public enum Fault {
    /** Encashment: processed, but the HTTP answer is withheld until the caller has long given up. */
    NO_ANSWER,
    /** Encashment or query: HTTP 500 without processing. */
    HTTP_5XX,
    /** Encashment or query: HTTP 502 (backend timeout) without processing. */
    HTTP_502,
    /** Encashment or query: HTTP 911 or 914 without processing. */
    RATE_LIMIT,
    /** A notification is never sent. */
    NOTIFY_DROP,
    /** A notification is delivered twice. */
    NOTIFY_DUPLICATE,
    /** The 01 result notification is sent before the 02 accounting notification. */
    NOTIFY_REORDER,
    /** A notification waits a random time up to {@code notify_delay_ms} (not available as a one-shot). */
    NOTIFY_DELAY,
    /** The bank payout fails and the funds are booked back: 01 with trans_status F, acct_status B. */
    PAYOUT_FAIL,
    /** A notification carries a signature that does not verify. */
    BAD_NOTIFY_SIGN
}
