package io.payout.orchestrator.withdrawal;

import io.payout.model.WithdrawalStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one definition of what is due next for a withdrawal, and when: send, query, a new serial, wait out the
 * confirmation of a failure, or nothing. It owns the back-off after unknown outcomes, the not-found rules, the poll
 * schedule and the overdue horizon. Pure: the time and the random jitter come in as arguments.
 */
public final class NextStep {

    /** Huifu asked us to slow down: wait as if this many more attempts had failed. */
    private static final int SLOW_DOWN_ATTEMPTS = 3;
    private static final int MAX_DOUBLINGS = 16;

    /**
     * @param followUp           after a state change that is not final: how long the notices get before a query
     * @param retryBase          the first back-off after an unknown outcome, doubling with each attempt
     * @param retryMax           the longest back-off
     * @param notFoundSpacing    a new serial only after two not-found answers at least this far apart
     * @param failedConfirmation query F before any debit was seen: how long the 02/01 notices get to arrive before
     *                           it is taken as FAILED
     * @param polls              the poll schedule of accepted withdrawals
     */
    public record Settings(Duration followUp, Duration retryBase, Duration retryMax, Duration notFoundSpacing,
                           Duration failedConfirmation, PollSchedule.Settings polls) {
    }

    /**
     * What is due: {@code action} at {@code at} (none when null), the attempts counted towards the back-off, whether
     * the withdrawal gets a new serial first, and whether it has outlived the horizon.
     */
    record Due(NextAction action, Instant at, int attempts, boolean newSerial, boolean overdue) {

        static Due nothing(int attempts) {
            return new Due(null, null, attempts, false, false);
        }

        static Due of(NextAction action, Instant at, int attempts) {
            return new Due(action, at, attempts, false, false);
        }
    }

    /** Random jitter: a number from 0 to {@code bound}, both included. */
    @FunctionalInterface
    public interface Jitter {
        Jitter RANDOM = bound -> ThreadLocalRandom.current().nextLong(bound + 1);

        long upTo(long bound);
    }

    private final Settings settings;
    private final PollSchedule schedule;
    private final Jitter jitter;

    public NextStep(Settings settings, Jitter jitter) {
        this.settings = settings;
        this.schedule = new PollSchedule(settings.polls());
        this.jitter = jitter;
    }

    /**
     * When evidence may be applied, if not now. Before a debit was seen, a query's F cannot tell a failed debit or
     * refusal (FAILED) from a payout booked back (REFUNDED); the 02/01 notices can and are usually on their way,
     * but an acknowledged notice may still wait in Kafka behind a broker restart or a rebalance. So the F counts
     * only once failed-confirmation has passed since the serial's first F, or a refund would be reported as a
     * failure. {@code facts} include this answer.
     *
     * @return when to ask again before concluding, or null when the evidence is applied now
     */
    Instant heldUntil(Withdrawal w, Evidence evidence, SerialFacts facts, Instant now) {
        if (evidence.kind() != EvidenceKind.QUERY_FAILED || w.status().isFinal()
                || w.status() == WithdrawalStatus.ACCOUNTED) {
            return null;
        }
        Instant firstFailed = facts.firstFailedAt() == null ? now : facts.firstFailedAt();
        Instant confirmedAt = firstFailed.plus(settings.failedConfirmation());
        return confirmedAt.isAfter(now) ? confirmedAt : null;
    }

    /**
     * What is due after {@code evidence} took {@code before} to {@code status} ({@code changed}: through at least one
     * transition). {@code facts}: the current serial's, this answer included.
     */
    Due after(Withdrawal before, WithdrawalStatus status, boolean changed, Evidence evidence,
                     SerialFacts facts, Instant now) {
        if (status.isFinal()) {
            return Due.nothing(before.attempts());
        }
        return switch (evidence.kind()) {
            // Unknown is never FAILED: query first, backing off (more when Huifu asks us to slow down).
            case SYNC_UNKNOWN -> status == WithdrawalStatus.REQUESTED
                    ? Due.of(NextAction.QUERY, now.plus(backoff(before.attempts(), evidence)), before.attempts() + 1)
                    : unchangedOrFollowUp(before, changed, now);
            // Huifu knows the serial: the poll schedule (by state, cash type and age) says when to ask again.
            case QUERY_SUCCESS, QUERY_FAILED, QUERY_PROCESSING -> poll(before, status, changed, now);
            case QUERY_NOT_FOUND -> afterNotFound(before, status, facts, now);
            // Unanswered: ask again after a back-off; the attempt is not counted, so the back-off does not grow
            // past what the answered queries earned.
            case QUERY_UNKNOWN -> new Due(NextAction.QUERY, now.plus(backoff(before.attempts(), evidence)),
                    before.attempts(), false, schedule.isOverdue(before.request().intoAcctDateType(),
                    before.acceptedAt(), now));
            default -> unchangedOrFollowUp(before, changed, now);
        };
    }

    /**
     * A send that came due after its serial's Beijing date had passed (Huifu refuses a req_date that is not today,
     * and the refusal would read as FAILED): a serial that was sent is queried, one never sent gets today's date.
     */
    Due staleSerial(Withdrawal w, SerialFacts facts, Instant now) {
        if (facts.sentCount() > 0) {
            // Huifu may have it: ask instead of sending again
            return Due.of(NextAction.QUERY, now, w.attempts());
        }
        // Never sent: Huifu cannot have it, so a new serial moves no money twice. The next claim sends it.
        return new Due(NextAction.SUBMIT, now, w.attempts(), true, false);
    }

    /** Whether a send of {@code w} now would carry today's Beijing date. */
    static boolean datedToday(Withdrawal w, Instant now) {
        return SerialNumbers.reqDate(now).equals(w.reqDate());
    }

    /** Accepted or debited: notifications normally finish it; a query later is the safety net for a lost one. */
    private Due unchangedOrFollowUp(Withdrawal before, boolean changed, Instant now) {
        return changed ? Due.of(NextAction.QUERY, now.plus(settings.followUp()), 0)
                : Due.of(before.nextAction(), before.nextActionAt(), before.attempts());
    }

    private Due poll(Withdrawal before, WithdrawalStatus status, boolean changed, Instant now) {
        PollSchedule.Poll poll = schedule.next(status, before.request().intoAcctDateType(), before.acceptedAt(), now);
        return new Due(NextAction.QUERY, poll.at(), (changed ? 0 : before.attempts()) + 1, false, poll.overdue());
    }

    /**
     * Huifu has no such serial. Re-sending the same serial is safe while its req_date is today (Huifu answers
     * 20000000 if it has it after all). A new serial only after two not-found answers minutes apart, so that a
     * request still in flight at Huifu is never doubled by a second serial.
     */
    private Due afterNotFound(Withdrawal before, WithdrawalStatus status, SerialFacts facts, Instant now) {
        int attempts = before.attempts() + 1;
        if (status != WithdrawalStatus.REQUESTED) {
            // Huifu had accepted it (the table flags this): keep asking, backing off
            return Due.of(NextAction.QUERY, now.plus(backoff(before.attempts(), null)), attempts);
        }
        if (datedToday(before, now)) {
            return Due.of(NextAction.SUBMIT, now, attempts);
        }
        boolean twiceApart = facts.notFoundCount() >= 2 && facts.firstNotFoundAt() != null
                && !facts.firstNotFoundAt().plus(settings.notFoundSpacing()).isAfter(now);
        if (twiceApart) {
            return new Due(NextAction.SUBMIT, now, 0, true, false);
        }
        return Due.of(NextAction.QUERY, now.plus(settings.notFoundSpacing()), attempts);
    }

    /** base * 2^attempt capped at max, then a random 50..100 % of it ("equal jitter"), so queries spread out. */
    private Duration backoff(int attempts, Evidence evidence) {
        int attempt = attempts + (evidence != null && evidence.slowDown() ? SLOW_DOWN_ATTEMPTS : 0);
        long ceiling = Math.min(settings.retryMax().toMillis(),
                settings.retryBase().toMillis() << Math.min(Math.max(attempt, 0), MAX_DOUBLINGS));
        long half = Math.max(1, ceiling / 2);
        return Duration.ofMillis(half + jitter.upTo(half));
    }
}
