package io.payout.sandbox.lifecycle;

import io.payout.model.calendar.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The clock T1, D1 and the daily statements settle on: it runs {@code compression} times faster than real time from
 * the moment the sandbox starts, so a test can watch a settlement day pass in a second, and {@link #advanceTo} can
 * move it forward at once (never back). It speeds settlement only; request dates are checked against the real
 * Beijing date.
 * <p>
 * Each forward jump starts a new segment ({@code Anchor}); the segments are kept so that {@link #realAt} can say
 * when, in real time, the clock passed a given settlement instant: a statement's contents are "as of" that moment.
 */
public final class SettlementClock {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** From real instant {@code real} on, the settlement clock reads {@code settlement} plus compressed real time. */
    private record Anchor(Instant real, Instant settlement) {
    }

    private final Clock real;
    private final double compression;
    private final WorkingDays workingDays;
    /** Oldest first; only ever appended to. Guarded by {@code this}. */
    private final List<Anchor> anchors = new ArrayList<>();

    public SettlementClock(Clock real, double compression, WorkingDays workingDays) {
        this.real = real;
        this.compression = compression;
        this.workingDays = workingDays;
        Instant origin = real.instant();
        anchors.add(new Anchor(origin, origin));
    }

    public synchronized Instant now() {
        return at(latest(), real.instant());
    }

    /**
     * Moves the clock forward to {@code target} now; it runs on from there. Work already scheduled (a T1 payout)
     * keeps its real delay, so jumping does not hurry it: {@code settle} does. An earlier target changes nothing.
     */
    public synchronized Instant advanceTo(Instant target) {
        Instant realNow = real.instant();
        if (target.isAfter(at(latest(), realNow))) {
            anchors.add(new Anchor(realNow, target));
        }
        return now();
    }

    /**
     * The real instant at which this clock reached {@code settlementInstant} (in the future: when it will, at the
     * current speed). Inside a jump it is the moment of the jump, since everything before it happened earlier.
     */
    public synchronized Instant realAt(Instant settlementInstant) {
        for (int i = anchors.size() - 1; i >= 0; i--) {
            Anchor anchor = anchors.get(i);
            if (!settlementInstant.isBefore(anchor.settlement()) || i == 0) {
                long simulatedMillis = Duration.between(anchor.settlement(), settlementInstant).toMillis();
                Instant candidate = anchor.real().plusMillis((long) Math.ceil(simulatedMillis / compression));
                Instant segmentEnd = i + 1 < anchors.size() ? anchors.get(i + 1).real() : null;
                return segmentEnd != null && candidate.isAfter(segmentEnd) ? segmentEnd : candidate;
            }
        }
        throw new IllegalStateException("no anchor"); // unreachable: anchor 0 always answers
    }

    /** Real time until the settlement clock reaches {@code target} (zero if it already has). */
    public Duration realDelayUntil(Instant target) {
        long simulatedMillis = Duration.between(now(), target).toMillis();
        return simulatedMillis <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(simulatedMillis / compression));
    }

    /** Start (00:00 Beijing) of the next natural day after the settlement clock's today: D1. */
    public Instant nextNaturalDay() {
        return today().plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    /** Start of the next working day of mainland China's calendar (its holidays and make-up days): T1. */
    public Instant nextWorkingDay() {
        return workingDays.nextWorkingDay(today()).atStartOfDay(BEIJING).toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.isWorkingDay(day);
    }

    /** The settlement clock's Beijing date. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), BEIJING);
    }

    private Anchor latest() {
        return anchors.get(anchors.size() - 1);
    }

    private Instant at(Anchor anchor, Instant realInstant) {
        long realMillis = Duration.between(anchor.real(), realInstant).toMillis();
        return anchor.settlement().plusMillis((long) (realMillis * compression));
    }
}
