package io.payout.orchestrator.console;

import java.time.Instant;

/** One business date's daily reconciliation, in brief, as the reconciliation page lists it. */
public record ReportDay(String businessDate, int checked, int matched, int mismatched, int unanswered,
                        Instant finishedAt) {
}
