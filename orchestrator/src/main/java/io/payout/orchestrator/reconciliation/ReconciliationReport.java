package io.payout.orchestrator.reconciliation;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.huifu.TransStatus;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The daily reconciliation of one business date (Beijing req_date, yyyyMMdd). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReconciliationReport(String businessDate, Instant startedAt, Instant finishedAt, int checked,
                                   int matched, int mismatched, int unanswered, List<ReconciliationLine> lines) {

    public ReconciliationReport {
        lines = List.copyOf(lines);
    }

    /** The lines as CSV (RFC 4180 quoting of the free-text detail), header first. */
    public String csv() {
        StringBuilder out = new StringBuilder(ReconciliationLine.CSV_HEADER).append("\r\n");
        lines.forEach(line -> out.append(line.csv()).append("\r\n"));
        return out.toString();
    }

    /** How our state reads in Huifu's trans_status terms: S, F, or P for anything still open. */
    static TransStatus expectedTransStatus(WithdrawalStatus status) {
        return switch (status) {
            case SUCCEEDED -> TransStatus.SUCCEEDED;
            case FAILED, REFUNDED -> TransStatus.FAILED;
            case REQUESTED, PROCESSING, ACCOUNTED -> TransStatus.PROCESSING;
        };
    }
}
