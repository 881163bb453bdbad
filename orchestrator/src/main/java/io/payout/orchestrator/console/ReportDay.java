package io.payout.orchestrator.console;

import java.time.Instant;

/**
 * One business date's daily reconciliation, in brief, as the reconciliation page lists it; {@code runBy} is who re-ran
 * it from the console, null when the schedule or the API ran it.
 */
public record ReportDay(String businessDate, int checked, int matched, int mismatched, int unanswered,
                        Instant finishedAt, String runBy) {
}
