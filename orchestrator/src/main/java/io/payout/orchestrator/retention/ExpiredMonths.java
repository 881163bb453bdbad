package io.payout.orchestrator.retention;

/** What becomes of an archive month past keeping. */
public enum ExpiredMonths {
    /** Detached from the archive and kept as tables of their own ({@code archived_withdrawals_p202501}, …), to be
     *  exported (pg_dump) and then dropped by an operator. */
    DETACH,
    /** Dropped. */
    DROP
}
