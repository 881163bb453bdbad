package io.payout.orchestrator.withdrawal;

import static io.payout.model.WithdrawalStatus.ACCOUNTED;
import static io.payout.model.WithdrawalStatus.FAILED;
import static io.payout.model.WithdrawalStatus.PROCESSING;
import static io.payout.model.WithdrawalStatus.REQUESTED;
import static io.payout.model.WithdrawalStatus.SUCCEEDED;
import static io.payout.orchestrator.withdrawal.NextAction.QUERY;
import static io.payout.orchestrator.withdrawal.NextAction.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The next-step policy walked the way {@link TransitionTableTest} walks the table: for each situation (the row before,
 * the evidence, the state it led to, what is known of the serial) what is due and when. The jitter is fixed at its
 * upper bound, so a back-off of base * 2^attempts is exactly that.
 */
class NextStepTest {

    /** Thursday 2026-11-26 10:00 Beijing, 02:00 UTC. */
    private static final Instant NOW = LocalDateTime.parse("2026-11-26T10:00").atZone(SerialNumbers.BEIJING)
            .toInstant();
    private static final String TODAY = "20261126";
    private static final String YESTERDAY = "20261125";
    private static final Duration FOLLOW_UP = Duration.ofSeconds(30);
    private static final Duration SPACING = Duration.ofMinutes(2);
    private static final Duration CONFIRMATION = Duration.ofMinutes(2);
    private static final NextStep POLICY = new NextStep(new NextStep.Settings(FOLLOW_UP, Duration.ofSeconds(1),
            Duration.ofMinutes(5), SPACING, CONFIRMATION, PollScheduleTest.props(1, List.of())), bound -> bound);

    private static final SerialFacts ONE_NOT_FOUND = new SerialFacts(1, 1, NOW, null);
    private static final SerialFacts TWO_NOT_FOUND_APART = new SerialFacts(2, 2, NOW.minus(SPACING), null);
    private static final SerialFacts TWO_NOT_FOUND_CLOSE = new SerialFacts(2, 2, NOW.minusSeconds(30), null);

    /** One situation and what must be due after it. */
    record Case(String name, Withdrawal before, EvidenceKind evidence, boolean slowDown, WithdrawalStatus after,
                boolean changed, SerialFacts facts, NextStep.Due expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> situations() {
        Withdrawal requested = withdrawal(REQUESTED, TODAY, 2, Duration.ZERO);
        Withdrawal yesterdays = withdrawal(REQUESTED, YESTERDAY, 2, Duration.ofHours(12));
        Withdrawal processing = withdrawal(PROCESSING, TODAY, 1, Duration.ofSeconds(30));
        Withdrawal accounted = withdrawal(ACCOUNTED, TODAY, 0, Duration.ofMinutes(10));
        Withdrawal old = withdrawal(PROCESSING, YESTERDAY, 3, Duration.ofDays(8));
        return Stream.of(
                // a change that is not final: the notices get the follow-up, then a query
                new Case("accepted: follow-up query", requested, EvidenceKind.SYNC_PROCESSING, false, PROCESSING,
                        true, null, due(QUERY, FOLLOW_UP, 0)),
                new Case("debited by a notice: follow-up query", processing, EvidenceKind.ACCOUNTING_DEBITED, false,
                        ACCOUNTED, true, null, due(QUERY, FOLLOW_UP, 0)),
                new Case("notice that changes nothing: the schedule stays", processing, EvidenceKind.NOTICE_PENDING,
                        false, PROCESSING, false, null, new NextStep.Due(QUERY, NOW.plusSeconds(7), 1, false, false)),
                // final: nothing more is due, whatever the evidence
                new Case("paid: nothing", accounted, EvidenceKind.RESULT_PAID, false, SUCCEEDED, true, null,
                        NextStep.Due.nothing(0)),
                new Case("refusal of a re-sent serial: failed, nothing", requested, EvidenceKind.SYNC_REFUSED, false,
                        FAILED, true, null, NextStep.Due.nothing(2)),
                // unknown is never FAILED: a query after a back-off that grows with the attempts
                new Case("send unanswered: query after 1s * 2^2", requested, EvidenceKind.SYNC_UNKNOWN, false,
                        REQUESTED, false, null, due(QUERY, Duration.ofSeconds(4), 3)),
                new Case("send throttled: three attempts more", requested, EvidenceKind.SYNC_UNKNOWN, true,
                        REQUESTED, false, null, due(QUERY, Duration.ofSeconds(32), 3)),
                new Case("send unanswered after a notice moved it: schedule stays", processing,
                        EvidenceKind.SYNC_UNKNOWN, false, PROCESSING, false, null,
                        new NextStep.Due(QUERY, NOW.plusSeconds(7), 1, false, false)),
                new Case("query unanswered: back-off, attempt not counted", processing, EvidenceKind.QUERY_UNKNOWN,
                        false, PROCESSING, false, null, due(QUERY, Duration.ofSeconds(2), 1)),
                // Huifu knows the serial: the poll schedule (D0 30s old: widening, at least 10s)
                new Case("query P: the poll schedule", processing, EvidenceKind.QUERY_PROCESSING, false, PROCESSING,
                        false, null, due(QUERY, Duration.ofSeconds(15), 2)),
                new Case("query S from REQUESTED: final", requested, EvidenceKind.QUERY_SUCCESS, false, SUCCEEDED,
                        true, null, NextStep.Due.nothing(2)),
                // past the horizon: still polled at the widest interval, and overdue
                new Case("query P past the horizon: overdue", old, EvidenceKind.QUERY_PROCESSING, false, PROCESSING,
                        false, null, new NextStep.Due(QUERY, NOW.plus(Duration.ofMinutes(30)), 4, false, true)),
                new Case("query unanswered past the horizon: overdue", old, EvidenceKind.QUERY_UNKNOWN, false,
                        PROCESSING, false, null, new NextStep.Due(QUERY, NOW.plusSeconds(8), 3, false, true)),
                // not found
                new Case("not found, dated today: send the same serial again", requested,
                        EvidenceKind.QUERY_NOT_FOUND, false, REQUESTED, false, ONE_NOT_FOUND, due(SUBMIT, Duration.ZERO,
                        3)),
                new Case("not found once after the date changed: ask again after the spacing", yesterdays,
                        EvidenceKind.QUERY_NOT_FOUND, false, REQUESTED, false, ONE_NOT_FOUND, due(QUERY, SPACING, 3)),
                new Case("not found twice, too close, after the date changed: ask again", yesterdays,
                        EvidenceKind.QUERY_NOT_FOUND, false, REQUESTED, false, TWO_NOT_FOUND_CLOSE,
                        due(QUERY, SPACING, 3)),
                new Case("not found twice the spacing apart after the date changed: a new serial, sent now",
                        yesterdays, EvidenceKind.QUERY_NOT_FOUND, false, REQUESTED, false, TWO_NOT_FOUND_APART,
                        new NextStep.Due(SUBMIT, NOW, 0, true, false)),
                new Case("not found after Huifu had accepted it: keep asking, backing off", processing,
                        EvidenceKind.QUERY_NOT_FOUND, false, PROCESSING, false, ONE_NOT_FOUND,
                        due(QUERY, Duration.ofSeconds(2), 2)),
                new Case("not found after success: nothing", accounted.scheduled(null, null, 0),
                        EvidenceKind.QUERY_NOT_FOUND, false, SUCCEEDED, false, ONE_NOT_FOUND,
                        NextStep.Due.nothing(0)),
                // operators
                new Case("resolved: nothing", processing, EvidenceKind.RESOLVE_REFUNDED, false,
                        WithdrawalStatus.REFUNDED, true, null, NextStep.Due.nothing(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void saysWhatIsDueAfterEachKindOfEvidence(Case c) {
        Evidence evidence = new Evidence(c.evidence(), c.before().serial(), null, null, null, null, null, "raw",
                c.slowDown());

        assertThat(POLICY.after(c.before(), c.after(), c.changed(), evidence, c.facts(), NOW))
                .isEqualTo(c.expected());
    }

    @Test
    void aFailedAnswerBeforeAnyDebitWaitsForTheConfirmationFromTheFirstF() {
        Withdrawal processing = withdrawal(PROCESSING, TODAY, 1, Duration.ofMinutes(1));
        Evidence failed = evidence(EvidenceKind.QUERY_FAILED, processing);

        assertThat(POLICY.heldUntil(processing, failed, new SerialFacts(1, 0, null, NOW), NOW))
                .isEqualTo(NOW.plus(CONFIRMATION));
        assertThat(POLICY.heldUntil(processing, failed, new SerialFacts(1, 0, null, NOW.minusSeconds(60)), NOW))
                .as("an unanswered query in between does not start the wait again")
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(POLICY.heldUntil(processing, failed, new SerialFacts(1, 0, null, NOW.minus(CONFIRMATION)), NOW))
                .as("confirmed: applied now").isNull();
    }

    @Test
    void onlyAFailedAnswerBeforeADebitIsHeld() {
        Withdrawal accounted = withdrawal(ACCOUNTED, TODAY, 0, Duration.ofMinutes(1));
        Withdrawal processing = withdrawal(PROCESSING, TODAY, 0, Duration.ofMinutes(1));
        SerialFacts firstF = new SerialFacts(1, 0, null, NOW);

        assertThat(POLICY.heldUntil(accounted, evidence(EvidenceKind.QUERY_FAILED, accounted), firstF, NOW))
                .as("after a debit, F means booked back: REFUNDED at once").isNull();
        assertThat(POLICY.heldUntil(processing, evidence(EvidenceKind.QUERY_SUCCESS, processing), firstF, NOW))
                .isNull();
        assertThat(POLICY.heldUntil(processing, evidence(EvidenceKind.RESULT_FAILED, processing), firstF, NOW))
                .as("a notice says what a query cannot").isNull();
    }

    @Test
    void aSendDueAfterItsDateIsQueriedWhenSentAndRenewedWhenNot() {
        Withdrawal yesterdays = withdrawal(REQUESTED, YESTERDAY, 2, Duration.ofHours(12));

        assertThat(POLICY.staleSerial(yesterdays, new SerialFacts(1, 0, null, null), NOW))
                .isEqualTo(new NextStep.Due(QUERY, NOW, 2, false, false));
        assertThat(POLICY.staleSerial(yesterdays, SerialFacts.NEVER_SENT, NOW))
                .isEqualTo(new NextStep.Due(SUBMIT, NOW, 2, true, false));
        assertThat(NextStep.datedToday(yesterdays, NOW)).isFalse();
        assertThat(NextStep.datedToday(withdrawal(REQUESTED, TODAY, 0, Duration.ZERO), NOW)).isTrue();
    }

    @Test
    void theBackOffStopsGrowingAtItsMaximumAndJittersInItsUpperHalf() {
        Withdrawal many = withdrawal(REQUESTED, TODAY, 40, Duration.ZERO);
        Evidence unknown = evidence(EvidenceKind.SYNC_UNKNOWN, many);
        NextStep lowest = new NextStep(new NextStep.Settings(FOLLOW_UP, Duration.ofSeconds(1), Duration.ofMinutes(5),
                SPACING, CONFIRMATION, PollScheduleTest.props(1, List.of())), bound -> 0);

        assertThat(POLICY.after(many, REQUESTED, false, unknown, null, NOW).at()).isEqualTo(NOW.plusSeconds(300));
        assertThat(lowest.after(many, REQUESTED, false, unknown, null, NOW).at()).isEqualTo(NOW.plusSeconds(150));
    }

    private static NextStep.Due due(NextAction action, Duration in, int attempts) {
        return new NextStep.Due(action, NOW.plus(in), attempts, false, false);
    }

    private static Evidence evidence(EvidenceKind kind, Withdrawal w) {
        return new Evidence(kind, w.serial(), null, null, null, null, null, "raw", false);
    }

    /** A D0 withdrawal in {@code status}, accepted {@code age} before now, with a query due in 7 s. */
    private static Withdrawal withdrawal(WithdrawalStatus status, String reqDate, int attempts, Duration age) {
        WithdrawalRequested request = new WithdrawalRequested("w-1", "6666000000000001", AccountKind.MERCHANT,
                "10004053462", Amount.parse("10.00"), IntoAcctDateType.D0, null, null, NOW.minus(age));
        return new Withdrawal("w-1", status, 3, request, reqDate, "seq-1", null, null, null, false, null, QUERY,
                NOW.plusSeconds(7), attempts, NOW.minus(age), null);
    }
}
