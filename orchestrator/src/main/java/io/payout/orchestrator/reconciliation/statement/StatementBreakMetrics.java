package io.payout.orchestrator.reconciliation.statement;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code statement.breaks.open{class}} (Prometheus {@code statement_breaks_open}): breaks no operator has explained
 * yet, over all trade dates. A gauge of open breaks rather than a counter, so that every instance reports the same
 * number and explaining a break lowers it. Refreshed from the database on the timer of the withdrawal gauges, never
 * on a scrape.
 */
@Component
class StatementBreakMetrics {

    private final StatementBreaks breaks;
    private final Map<BreakClass, AtomicLong> open = new EnumMap<>(BreakClass.class);

    StatementBreakMetrics(StatementBreaks breaks, MeterRegistry meters) {
        this.breaks = breaks;
        for (BreakClass breakClass : BreakClass.values()) {
            AtomicLong value = new AtomicLong();
            open.put(breakClass, value);
            Gauge.builder("statement.breaks.open", value, AtomicLong::get).tag("class", breakClass.name())
                    .description("statement breaks not yet explained by an operator").register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${orchestrator.reconciliation.metrics-refresh:15s}")
    void refresh() {
        open.forEach((breakClass, value) -> value.set(breaks.open(breakClass)));
    }
}
