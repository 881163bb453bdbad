package io.payout.orchestrator.withdrawal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code withdrawal.transitions{to}}: state changes as they are decided (intake is {@code to=REQUESTED}), and
 * {@code withdrawal.time.to.final{cash_type, status}}: intake to final state, as a histogram with buckets from a
 * second to a week (D0 pays in minutes, T1 across a holiday week). Every series is registered up front, so a
 * dashboard and an alert rule find them before the first withdrawal, and the hot path does no lookup.
 */
final class TransitionMetrics {

    private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)};

    private final Map<WithdrawalStatus, Counter> transitions = new EnumMap<>(WithdrawalStatus.class);
    private final Map<IntoAcctDateType, Map<WithdrawalStatus, Timer>> timeToFinal =
            new EnumMap<>(IntoAcctDateType.class);

    TransitionMetrics(MeterRegistry meters) {
        for (WithdrawalStatus status : WithdrawalStatus.values()) {
            transitions.put(status, Counter.builder("withdrawal.transitions").tag("to", status.name())
                    .description("state changes decided, by the state entered (REQUESTED: intake)")
                    .register(meters));
        }
        for (IntoAcctDateType cashType : IntoAcctDateType.values()) {
            Map<WithdrawalStatus, Timer> byStatus = new EnumMap<>(WithdrawalStatus.class);
            for (WithdrawalStatus status : WithdrawalStatus.values()) {
                if (status.isFinal()) {
                    byStatus.put(status, Timer.builder("withdrawal.time.to.final")
                            .tags("cash_type", cashType.name(), "status", status.name())
                            .description("from intake to the final state")
                            .serviceLevelObjectives(BUCKETS).register(meters));
                }
            }
            timeToFinal.put(cashType, byStatus);
        }
    }

    void entered(Withdrawal withdrawal, WithdrawalStatus status, Instant now) {
        transitions.get(status).increment();
        if (status.isFinal() && withdrawal.acceptedAt() != null) {
            timeToFinal.get(withdrawal.request().intoAcctDateType()).get(status)
                    .record(Duration.between(withdrawal.acceptedAt(), now));
        }
    }
}
