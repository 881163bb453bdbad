package io.payout.orchestrator.ops;

import io.payout.orchestrator.reconciliation.statement.StatementBreaks;
import io.payout.orchestrator.reconciliation.statement.StatementFetches;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What the statement reconciliation of one trade date found, as the operations API shows it both beside the daily
 * report and on its own: {@code no_breaks} says plainly when the day had none, {@code statements} how far each
 * account's statement got ({@code reconciled}: every one was matched).
 */
@Component
class StatementDay {

    private final StatementBreaks breaks;
    private final StatementFetches fetches;

    StatementDay(StatementBreaks breaks, StatementFetches fetches) {
        this.breaks = breaks;
        this.fetches = fetches;
    }

    View of(String tradeDate) {
        List<BreakView> views = breaks.of(tradeDate).stream().map(BreakView::of).toList();
        List<StatementFetches.Fetch> statements = fetches.of(tradeDate);
        boolean reconciled = !statements.isEmpty()
                && statements.stream().allMatch(f -> f.state() == StatementFetches.State.MATCHED);
        return new View(tradeDate, views.isEmpty(), views.stream().filter(BreakView::open).count(), reconciled,
                statements.stream().map(StatementView::of).toList(), views);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record View(String tradeDate, boolean noBreaks, long open, boolean reconciled, List<StatementView> statements,
                List<BreakView> breaks) {

        boolean known() {
            return !statements.isEmpty() || !breaks.isEmpty();
        }

        /** The breaks as CSV, header first; a last comment line says so when the day had none. */
        String csv() {
            StringBuilder csv = new StringBuilder(BreakView.CSV_HEADER).append("\r\n");
            breaks.forEach(b -> csv.append(b.csv()).append("\r\n"));
            if (breaks.isEmpty()) {
                csv.append("# no breaks on ").append(tradeDate).append("\r\n");
            }
            return csv.toString();
        }
    }
}
