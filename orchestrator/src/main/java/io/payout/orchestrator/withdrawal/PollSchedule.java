package io.payout.orchestrator.withdrawal;

import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.model.calendar.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to ask Huifu next about a withdrawal that is not final: the one definition of the poll schedule.
 * <ul>
 *   <li>D0/DM are expected within minutes: polled closely from acceptance, the interval widening with age.</li>
 *   <li>T1/D1 are expected at 00:00 Beijing of the next working (T1) or natural (D1) day: polled lightly until then
 *       (at least {@code lightInterval} apart, half the remaining wait when that is longer, never past the expected
 *       arrival), then closely, widening with the time since the expected arrival.</li>
 *   <li>Past the horizon (7 days; for T1 not counting the days without a payout before its working day) polling
 *       goes on at the widest interval and the withdrawal is overdue: flagged for attention, never closed.</li>
 * </ul>
 * All of this runs on business time; {@code timeCompression} shrinks it for tests against the compressed sandbox.
 * Pure: no clock, no I/O.
 */
public final class PollSchedule {

    /** Each close-poll interval is this fraction of the time already waited, so queries thin out geometrically. */
    private static final double WIDENING = 0.5;

    /** The next query, and whether the withdrawal has outlived the horizon. */
    public record Poll(Instant at, boolean overdue) {
    }

    /**
     * The schedule's settings ({@code orchestrator.reconciliation.*}), in business time but for {@code minWait}.
     *
     * @param timeCompression how many times faster than real time the schedule runs (tests and demos; 1 otherwise)
     * @param instantArrival  D0/DM are normally paid within this long of acceptance
     * @param closeInterval   the first interval of close polling, widening with age
     * @param maxInterval     the widest interval between two queries of one withdrawal
     * @param lightInterval   T1/D1 before their expected arrival: at least this far apart
     * @param horizon         after this age without a final answer a withdrawal is overdue (and still polled)
     * @param minWait         real time: never query one withdrawal more often than this, whatever the compression
     * @param workingDays     mainland China's working days (T1 waits for the next one)
     */
    public record Settings(double timeCompression, Duration instantArrival, Duration closeInterval,
                           Duration maxInterval, Duration lightInterval, Duration horizon, Duration minWait,
                           WorkingDays workingDays) {
        public Settings {
            if (!(timeCompression >= 1)) {
                throw new IllegalArgumentException("time compression must be >= 1: " + timeCompression);
            }
            Objects.requireNonNull(workingDays, "workingDays");
        }
    }

    private final Settings props;
    private final BusinessCalendar calendar;

    public PollSchedule(Settings settings) {
        this.props = settings;
        this.calendar = new BusinessCalendar(settings.workingDays());
    }

    /** When T1/D1/D0/DM money is expected, for a withdrawal accepted at {@code acceptedAt} (business time). */
    public Instant expectedArrival(IntoAcctDateType type, Instant acceptedAt) {
        return switch (type) {
            case D0, DM -> acceptedAt.plus(props.instantArrival());
            case D1 -> calendar.nextNaturalDayStart(acceptedAt);
            case T1 -> calendar.nextWorkingDayStart(acceptedAt);
        };
    }

    /**
     * Whether a withdrawal accepted at {@code acceptedAt} has outlived the horizon at {@code now} (real time). For T1
     * the days without a payout between the next natural day and the next working day (a weekend, Golden Week) do
     * not count: a T1 accepted before a holiday week is not overdue before Huifu could even have paid it.
     */
    public boolean isOverdue(IntoAcctDateType type, Instant acceptedAt, Instant now) {
        Duration realAge = Duration.between(acceptedAt, now);
        if (realAge.isNegative()) {
            return false;
        }
        Duration notCounted = type != IntoAcctDateType.T1 ? Duration.ZERO
                : Duration.between(calendar.nextNaturalDayStart(acceptedAt), calendar.nextWorkingDayStart(acceptedAt));
        return scaleUp(realAge).compareTo(props.horizon().plus(notCounted)) >= 0;
    }

    /** The next query of a non-final withdrawal accepted at {@code acceptedAt}, asked at {@code now} (real time). */
    public Poll next(WithdrawalStatus status, IntoAcctDateType type, Instant acceptedAt, Instant now) {
        if (status.isFinal()) {
            throw new IllegalArgumentException(status + " is final: nothing to poll");
        }
        Duration realAge = Duration.between(acceptedAt, now);
        if (realAge.isNegative()) {
            realAge = Duration.ZERO;
        }
        // business time: the acceptance is the common origin of the real and the compressed clock
        Duration age = scaleUp(realAge);
        Instant businessNow = acceptedAt.plus(age);
        if (isOverdue(type, acceptedAt, now)) {
            return new Poll(now.plus(real(props.maxInterval())), true);
        }
        Instant expected = expectedArrival(type, acceptedAt);
        Duration wait;
        if (businessNow.isBefore(expected) && (type == IntoAcctDateType.T1 || type == IntoAcctDateType.D1)) {
            Duration remaining = Duration.between(businessNow, expected);
            Duration light = max(props.lightInterval(), remaining.dividedBy(2));
            wait = min(light, remaining);
        } else {
            // D0/DM from acceptance, T1/D1 from their expected arrival: close polling that widens
            boolean instant = type == IntoAcctDateType.D0 || type == IntoAcctDateType.DM;
            Duration waited = instant ? age : Duration.between(expected, businessNow);
            wait = min(max(props.closeInterval(), multiply(waited, WIDENING)), props.maxInterval());
        }
        return new Poll(now.plus(real(wait)), false);
    }

    private Duration scaleUp(Duration realTime) {
        return Duration.ofMillis((long) (realTime.toMillis() * props.timeCompression()));
    }

    /** Business time to real time, never below the minimum wait between two queries. */
    private Duration real(Duration business) {
        return max(props.minWait(), Duration.ofMillis((long) Math.ceil(business.toMillis() / props.timeCompression())));
    }

    private static Duration multiply(Duration d, double factor) {
        return Duration.ofMillis((long) (d.toMillis() * factor));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
