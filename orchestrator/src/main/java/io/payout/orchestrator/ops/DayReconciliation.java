package io.payout.orchestrator.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.payout.orchestrator.reconciliation.ReconciliationReport;

/**
 * A date's reconciliation as {@code GET /api/reconciliation/{date}} shows it: the daily report's fields as they
 * always were (absent when the report was not run), and the statement's findings under {@code statement}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DayReconciliation(@JsonUnwrapped ReconciliationReport report, StatementDay.View statement) {
}
