package io.payout.orchestrator.withdrawal;

import static io.payout.model.WithdrawalStatus.ACCOUNTED;
import static io.payout.model.WithdrawalStatus.FAILED;
import static io.payout.model.WithdrawalStatus.PROCESSING;
import static io.payout.model.WithdrawalStatus.REFUNDED;
import static io.payout.model.WithdrawalStatus.REQUESTED;
import static io.payout.model.WithdrawalStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payout.model.WithdrawalStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every (state, evidence) pair and the path it must produce (CONTRACT.md §2). */
class TransitionTableTest {

    private static final String RECORD = "record";
    private static final String FLAG = "flag";
    private static final String REFUSE = "refuse";

    static Stream<Arguments> everyPair() {
        List<Arguments> rows = new ArrayList<>();
        // REQUESTED
        row(rows, REQUESTED, EvidenceKind.REQUEST, RECORD);
        row(rows, REQUESTED, EvidenceKind.SYNC_PROCESSING, null, PROCESSING);
        row(rows, REQUESTED, EvidenceKind.SYNC_SUCCESS, null, PROCESSING);
        row(rows, REQUESTED, EvidenceKind.SYNC_REFUSED, null, FAILED);
        row(rows, REQUESTED, EvidenceKind.SYNC_UNKNOWN, RECORD);
        row(rows, REQUESTED, EvidenceKind.ACCOUNTING_DEBITED, null, PROCESSING, ACCOUNTED);
        row(rows, REQUESTED, EvidenceKind.ACCOUNTING_FAILED, null, PROCESSING, FAILED);
        row(rows, REQUESTED, EvidenceKind.RESULT_PAID, null, PROCESSING, ACCOUNTED, SUCCEEDED);
        row(rows, REQUESTED, EvidenceKind.RESULT_FAILED_BOOKED_BACK, null, PROCESSING, ACCOUNTED, REFUNDED);
        row(rows, REQUESTED, EvidenceKind.RESULT_FAILED, null, PROCESSING, FAILED);
        row(rows, REQUESTED, EvidenceKind.NOTICE_PENDING, null, PROCESSING);
        row(rows, REQUESTED, EvidenceKind.QUERY_SUCCESS, null, PROCESSING, ACCOUNTED, SUCCEEDED);
        row(rows, REQUESTED, EvidenceKind.QUERY_FAILED, null, FAILED);
        row(rows, REQUESTED, EvidenceKind.QUERY_PROCESSING, null, PROCESSING);
        row(rows, REQUESTED, EvidenceKind.QUERY_NOT_FOUND, RECORD);
        row(rows, REQUESTED, EvidenceKind.QUERY_UNKNOWN, RECORD);
        row(rows, REQUESTED, EvidenceKind.RESOLVE_SUCCEEDED, null, PROCESSING, ACCOUNTED, SUCCEEDED);
        row(rows, REQUESTED, EvidenceKind.RESOLVE_REFUNDED, null, PROCESSING, ACCOUNTED, REFUNDED);
        row(rows, REQUESTED, EvidenceKind.RESOLVE_FAILED, null, FAILED);
        row(rows, REQUESTED, EvidenceKind.CHECK_FAILED, null, FAILED);
        // PROCESSING
        row(rows, PROCESSING, EvidenceKind.REQUEST, RECORD);
        row(rows, PROCESSING, EvidenceKind.SYNC_PROCESSING, RECORD);
        row(rows, PROCESSING, EvidenceKind.SYNC_SUCCESS, RECORD);
        row(rows, PROCESSING, EvidenceKind.SYNC_REFUSED, FLAG);
        row(rows, PROCESSING, EvidenceKind.SYNC_UNKNOWN, RECORD);
        row(rows, PROCESSING, EvidenceKind.ACCOUNTING_DEBITED, null, ACCOUNTED);
        row(rows, PROCESSING, EvidenceKind.ACCOUNTING_FAILED, null, FAILED);
        row(rows, PROCESSING, EvidenceKind.RESULT_PAID, null, ACCOUNTED, SUCCEEDED);
        row(rows, PROCESSING, EvidenceKind.RESULT_FAILED_BOOKED_BACK, null, ACCOUNTED, REFUNDED);
        row(rows, PROCESSING, EvidenceKind.RESULT_FAILED, null, FAILED);
        row(rows, PROCESSING, EvidenceKind.NOTICE_PENDING, RECORD);
        row(rows, PROCESSING, EvidenceKind.QUERY_SUCCESS, null, ACCOUNTED, SUCCEEDED);
        row(rows, PROCESSING, EvidenceKind.QUERY_FAILED, null, FAILED);
        row(rows, PROCESSING, EvidenceKind.QUERY_PROCESSING, RECORD);
        row(rows, PROCESSING, EvidenceKind.QUERY_NOT_FOUND, FLAG);
        row(rows, PROCESSING, EvidenceKind.QUERY_UNKNOWN, RECORD);
        row(rows, PROCESSING, EvidenceKind.RESOLVE_SUCCEEDED, null, ACCOUNTED, SUCCEEDED);
        row(rows, PROCESSING, EvidenceKind.RESOLVE_REFUNDED, null, ACCOUNTED, REFUNDED);
        row(rows, PROCESSING, EvidenceKind.RESOLVE_FAILED, null, FAILED);
        row(rows, PROCESSING, EvidenceKind.CHECK_FAILED, FLAG);
        // ACCOUNTED
        row(rows, ACCOUNTED, EvidenceKind.REQUEST, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.SYNC_PROCESSING, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.SYNC_SUCCESS, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.SYNC_REFUSED, FLAG);
        row(rows, ACCOUNTED, EvidenceKind.SYNC_UNKNOWN, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.ACCOUNTING_DEBITED, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.ACCOUNTING_FAILED, FLAG);
        row(rows, ACCOUNTED, EvidenceKind.RESULT_PAID, null, SUCCEEDED);
        row(rows, ACCOUNTED, EvidenceKind.RESULT_FAILED_BOOKED_BACK, null, REFUNDED);
        row(rows, ACCOUNTED, EvidenceKind.RESULT_FAILED, FLAG, REFUNDED);
        row(rows, ACCOUNTED, EvidenceKind.NOTICE_PENDING, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.QUERY_SUCCESS, null, SUCCEEDED);
        row(rows, ACCOUNTED, EvidenceKind.QUERY_FAILED, null, REFUNDED);
        row(rows, ACCOUNTED, EvidenceKind.QUERY_PROCESSING, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.QUERY_NOT_FOUND, FLAG);
        row(rows, ACCOUNTED, EvidenceKind.QUERY_UNKNOWN, RECORD);
        row(rows, ACCOUNTED, EvidenceKind.RESOLVE_SUCCEEDED, null, SUCCEEDED);
        row(rows, ACCOUNTED, EvidenceKind.RESOLVE_REFUNDED, null, REFUNDED);
        row(rows, ACCOUNTED, EvidenceKind.RESOLVE_FAILED, REFUSE);
        row(rows, ACCOUNTED, EvidenceKind.CHECK_FAILED, FLAG);
        // Final states: never change; contradictions flagged, operators refused.
        finalRows(rows, SUCCEEDED, List.of(EvidenceKind.SYNC_REFUSED, EvidenceKind.ACCOUNTING_FAILED,
                EvidenceKind.RESULT_FAILED_BOOKED_BACK, EvidenceKind.RESULT_FAILED, EvidenceKind.QUERY_FAILED,
                EvidenceKind.QUERY_NOT_FOUND));
        finalRows(rows, REFUNDED, List.of(EvidenceKind.SYNC_REFUSED, EvidenceKind.ACCOUNTING_FAILED,
                EvidenceKind.RESULT_PAID, EvidenceKind.QUERY_SUCCESS, EvidenceKind.QUERY_NOT_FOUND));
        finalRows(rows, FAILED, List.of(EvidenceKind.ACCOUNTING_DEBITED, EvidenceKind.RESULT_PAID,
                EvidenceKind.RESULT_FAILED_BOOKED_BACK, EvidenceKind.QUERY_SUCCESS));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {3} {2}")
    @MethodSource("everyPair")
    void decidesThePathOfEveryStateAndEvidence(WithdrawalStatus state, EvidenceKind kind, String expectation,
                                               List<WithdrawalStatus> path) {
        TransitionTable.Decision decision = TransitionTable.decide(state, kind);

        assertThat(decision.path()).as("path").containsExactlyElementsOf(path);
        assertThat(decision.attention() != null).as("flags attention").isEqualTo(FLAG.equals(expectation));
        assertThat(decision.refused()).as("refused").isEqualTo(REFUSE.equals(expectation));
        // The spring-statemachine walk accepts every path the table produces, ending in its last state.
        WithdrawalStatus end = WithdrawalStateMachine.walk(state, decision.path());
        assertThat(end).isEqualTo(path.isEmpty() ? state : path.get(path.size() - 1));
    }

    @Test
    void everyPairIsCoveredByTheTableTest() {
        assertThat(everyPair().count())
                .isEqualTo((long) WithdrawalStatus.values().length * EvidenceKind.values().length);
    }

    @Test
    void stateMachineRefusesStepsOutsideTheContract() {
        assertThatThrownBy(() -> WithdrawalStateMachine.walk(SUCCEEDED, List.of(REFUNDED)))
                .isInstanceOf(WithdrawalStateMachine.IllegalTransitionException.class);
        assertThatThrownBy(() -> WithdrawalStateMachine.walk(REQUESTED, List.of(ACCOUNTED)))
                .isInstanceOf(WithdrawalStateMachine.IllegalTransitionException.class);
        assertThatThrownBy(() -> WithdrawalStateMachine.walk(ACCOUNTED, List.of(FAILED)))
                .isInstanceOf(WithdrawalStateMachine.IllegalTransitionException.class);
    }

    @Test
    void aWalkIsJudgedTheSameEveryTimeItIsAsked() {
        // Outcomes of walks are remembered: a refusal must stay a refusal, and a path with an allowed first step but
        // a forbidden second one must not be remembered as allowed.
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> WithdrawalStateMachine.walk(REQUESTED, List.of(PROCESSING, SUCCEEDED)))
                    .isInstanceOf(WithdrawalStateMachine.IllegalTransitionException.class)
                    .hasMessageContaining("PROCESSING -> SUCCEEDED");
            assertThat(WithdrawalStateMachine.walk(REQUESTED, List.of(PROCESSING, ACCOUNTED))).isEqualTo(ACCOUNTED);
            assertThat(WithdrawalStateMachine.walk(REQUESTED, new ArrayList<>(List.of(PROCESSING))))
                    .isEqualTo(PROCESSING);
        }
    }

    private static void finalRows(List<Arguments> rows, WithdrawalStatus state, List<EvidenceKind> contradictions) {
        for (EvidenceKind kind : EvidenceKind.values()) {
            String expectation = kind.source() == io.payout.model.EventSource.OPERATOR ? REFUSE
                    : contradictions.contains(kind) ? FLAG : RECORD;
            row(rows, state, kind, expectation);
        }
    }

    private static void row(List<Arguments> rows, WithdrawalStatus state, EvidenceKind kind, String expectation,
                            WithdrawalStatus... path) {
        rows.add(Arguments.of(state, kind, expectation == null ? "" : expectation, List.of(path)));
    }
}
