package io.payout.orchestrator.withdrawal;

import io.payout.model.EventSource;

/** Every kind of evidence about a withdrawal that the transition table knows how to answer. */
public enum EvidenceKind {
    /** The new request itself (only ever the first row of a history). */
    REQUEST(EventSource.REQUEST),
    /** Synchronous answer 00000000 + trans_stat P: accepted, processing. */
    SYNC_PROCESSING(EventSource.SYNC_RESPONSE),
    /** Synchronous answer 00000000 + trans_stat S: accepted (the money still moves later). */
    SYNC_SUCCESS(EventSource.SYNC_RESPONSE),
    /** A definitive refusal (00000000 + F, or a definitive error code): Huifu will not move money. */
    SYNC_REFUSED(EventSource.SYNC_RESPONSE),
    /** Timeout, I/O error, 5xx, rate limit, 20000000, 99999999: the outcome is unknown. */
    SYNC_UNKNOWN(EventSource.SYNC_RESPONSE),
    /** 02 accounting notice, acct_status S: the balance was debited. */
    ACCOUNTING_DEBITED(EventSource.NOTIFICATION),
    /** 02 accounting notice, acct_status F: the debit failed, no money moved. */
    ACCOUNTING_FAILED(EventSource.NOTIFICATION),
    /** 01 result notice, trans_status S: paid to the card. */
    RESULT_PAID(EventSource.NOTIFICATION),
    /** 01 result notice, trans_status F with acct_status B: the payout failed and the funds were booked back. */
    RESULT_FAILED_BOOKED_BACK(EventSource.NOTIFICATION),
    /** 01 result notice, trans_status F without B: failed, never debited. */
    RESULT_FAILED(EventSource.NOTIFICATION),
    /** A notice that only says Huifu has the serial and is still working (status P, or a msg_type we do not know). */
    NOTICE_PENDING(EventSource.NOTIFICATION),
    /** Query: trans_status S. */
    QUERY_SUCCESS(EventSource.QUERY),
    /** Query: trans_status F. */
    QUERY_FAILED(EventSource.QUERY),
    /** Query: trans_status P. */
    QUERY_PROCESSING(EventSource.QUERY),
    /** Query: Huifu has no such serial. */
    QUERY_NOT_FOUND(EventSource.QUERY),
    /** Query: unanswered (timeout, I/O error, 5xx, rate limit, an answer that cannot be trusted); ask again later. */
    QUERY_UNKNOWN(EventSource.QUERY),
    /** An operator moves a non-final withdrawal to SUCCEEDED. */
    RESOLVE_SUCCEEDED(EventSource.OPERATOR),
    /** An operator moves a non-final withdrawal to REFUNDED. */
    RESOLVE_REFUNDED(EventSource.OPERATOR),
    /** An operator moves a non-final withdrawal to FAILED. */
    RESOLVE_FAILED(EventSource.OPERATOR),
    /** A check before the send failed (CONTRACT.md §6): the serial was never sent. */
    CHECK_FAILED(EventSource.CHECK);

    private final EventSource source;

    EvidenceKind(EventSource source) {
        this.source = source;
    }

    public EventSource source() {
        return source;
    }
}
