package io.payout.orchestrator.withdrawal;

import static io.payout.model.WithdrawalStatus.ACCOUNTED;
import static io.payout.model.WithdrawalStatus.FAILED;
import static io.payout.model.WithdrawalStatus.PROCESSING;
import static io.payout.model.WithdrawalStatus.REFUNDED;
import static io.payout.model.WithdrawalStatus.REQUESTED;
import static io.payout.model.WithdrawalStatus.SUCCEEDED;
import static io.payout.orchestrator.withdrawal.EvidenceKind.*;

import io.payout.model.WithdrawalStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The only place that decides transitions (CONTRACT.md §2): for each (state, evidence) the states entered, in
 * order, including implied steps, and whether the evidence contradicts what we know. Every pair has an entry;
 * {@link WithdrawalStateMachine} checks each single step against the contract's graph.
 */
final class TransitionTable {

    /** What to do with one piece of evidence. {@code path} empty = recorded in history only. */
    public record Decision(List<WithdrawalStatus> path, String attention, String refusal) {
        public Decision {
            path = List.copyOf(path);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    private static final Map<WithdrawalStatus, Map<EvidenceKind, Decision>> TABLE = new EnumMap<>(WithdrawalStatus.class);

    static {
        // REQUESTED: anything that shows Huifu has the serial implies it was accepted (PROCESSING) first.
        on(REQUESTED, REQUEST, record());
        on(REQUESTED, SYNC_PROCESSING, enter(PROCESSING));
        // A synchronous S only says Huifu took it; debit and payout are still reported by 02/01 or a query.
        on(REQUESTED, SYNC_SUCCESS, enter(PROCESSING));
        on(REQUESTED, SYNC_REFUSED, enter(FAILED));
        // Unknown is never a failure: the workers query before anything else.
        on(REQUESTED, SYNC_UNKNOWN, record());
        on(REQUESTED, ACCOUNTING_DEBITED, enter(PROCESSING, ACCOUNTED));
        on(REQUESTED, ACCOUNTING_FAILED, enter(PROCESSING, FAILED));
        on(REQUESTED, RESULT_PAID, enter(PROCESSING, ACCOUNTED, SUCCEEDED));
        on(REQUESTED, RESULT_FAILED_BOOKED_BACK, enter(PROCESSING, ACCOUNTED, REFUNDED));
        on(REQUESTED, RESULT_FAILED, enter(PROCESSING, FAILED));
        on(REQUESTED, NOTICE_PENDING, enter(PROCESSING));
        on(REQUESTED, QUERY_SUCCESS, enter(PROCESSING, ACCOUNTED, SUCCEEDED));
        // Query F on a serial we never saw accepted: Huifu refused it (e.g. the refusal answer was lost).
        on(REQUESTED, QUERY_FAILED, enter(FAILED));
        on(REQUESTED, QUERY_PROCESSING, enter(PROCESSING));
        // Not found: the submission workers decide between re-sending the same serial and a new one.
        on(REQUESTED, QUERY_NOT_FOUND, record());
        // An unanswered query proves nothing: recorded, and asked again after a back-off.
        on(REQUESTED, QUERY_UNKNOWN, record());
        on(REQUESTED, RESOLVE_SUCCEEDED, enter(PROCESSING, ACCOUNTED, SUCCEEDED));
        on(REQUESTED, RESOLVE_REFUNDED, enter(PROCESSING, ACCOUNTED, REFUNDED));
        on(REQUESTED, RESOLVE_FAILED, enter(FAILED));
        // Only a withdrawal never sent is checked; a check after Huifu has the serial would be a bug of ours.
        on(REQUESTED, CHECK_FAILED, enter(FAILED));
        on(PROCESSING, CHECK_FAILED, attention("a check failed after Huifu accepted the serial"));
        on(ACCOUNTED, CHECK_FAILED, attention("a check failed after the account was debited"));

        on(PROCESSING, REQUEST, record());
        on(PROCESSING, SYNC_PROCESSING, record());
        on(PROCESSING, SYNC_SUCCESS, record());
        // A notification already proved acceptance; a refusal now contradicts it.
        on(PROCESSING, SYNC_REFUSED, attention("synchronous refusal after Huifu accepted the serial"));
        on(PROCESSING, SYNC_UNKNOWN, record());
        on(PROCESSING, ACCOUNTING_DEBITED, enter(ACCOUNTED));
        on(PROCESSING, ACCOUNTING_FAILED, enter(FAILED));
        on(PROCESSING, RESULT_PAID, enter(ACCOUNTED, SUCCEEDED));
        on(PROCESSING, RESULT_FAILED_BOOKED_BACK, enter(ACCOUNTED, REFUNDED));
        on(PROCESSING, RESULT_FAILED, enter(FAILED));
        on(PROCESSING, NOTICE_PENDING, record());
        on(PROCESSING, QUERY_SUCCESS, enter(ACCOUNTED, SUCCEEDED));
        // Query F is silent about the debit. Without a 02 we never saw money leave the account, so the
        // withdrawal failed without a debit; if a 01 with B shows up later it is recorded and flagged.
        on(PROCESSING, QUERY_FAILED, enter(FAILED));
        on(PROCESSING, QUERY_PROCESSING, record());
        on(PROCESSING, QUERY_NOT_FOUND, attention("query found no serial that Huifu had accepted"));
        on(PROCESSING, QUERY_UNKNOWN, record());
        on(PROCESSING, RESOLVE_SUCCEEDED, enter(ACCOUNTED, SUCCEEDED));
        on(PROCESSING, RESOLVE_REFUNDED, enter(ACCOUNTED, REFUNDED));
        on(PROCESSING, RESOLVE_FAILED, enter(FAILED));

        on(ACCOUNTED, REQUEST, record());
        on(ACCOUNTED, SYNC_PROCESSING, record());
        on(ACCOUNTED, SYNC_SUCCESS, record());
        on(ACCOUNTED, SYNC_REFUSED, attention("synchronous refusal after the account was debited"));
        on(ACCOUNTED, SYNC_UNKNOWN, record());
        on(ACCOUNTED, ACCOUNTING_DEBITED, record());
        on(ACCOUNTED, ACCOUNTING_FAILED, attention("debit failure after the account was debited"));
        on(ACCOUNTED, RESULT_PAID, enter(SUCCEEDED));
        on(ACCOUNTED, RESULT_FAILED_BOOKED_BACK, enter(REFUNDED));
        // Debited, then failed without B: Huifu returns the funds of a failed payout, so REFUNDED is the only
        // forward state; the missing B is flagged so that finance confirms the booking back.
        on(ACCOUNTED, RESULT_FAILED, enter(REFUNDED).flag("01 failure without acct_status B after a debit"));
        on(ACCOUNTED, NOTICE_PENDING, record());
        on(ACCOUNTED, QUERY_SUCCESS, enter(SUCCEEDED));
        // Query F after a debit: the payout failed and Huifu books the funds back (the 01 with B is the same fact).
        on(ACCOUNTED, QUERY_FAILED, enter(REFUNDED));
        on(ACCOUNTED, QUERY_PROCESSING, record());
        on(ACCOUNTED, QUERY_NOT_FOUND, attention("query found no serial after a debit"));
        on(ACCOUNTED, QUERY_UNKNOWN, record());
        on(ACCOUNTED, RESOLVE_SUCCEEDED, enter(SUCCEEDED));
        on(ACCOUNTED, RESOLVE_REFUNDED, enter(REFUNDED));
        // The account was debited: the money either reached the card or was booked back; FAILED would lose it.
        on(ACCOUNTED, RESOLVE_FAILED, refuse("ACCOUNTED can only be resolved to SUCCEEDED or REFUNDED"));

        // Final states never change; consistent evidence is recorded, contradicting evidence is flagged.
        finalState(SUCCEEDED, Map.of(
                SYNC_REFUSED, "synchronous refusal after success",
                ACCOUNTING_FAILED, "debit failure after success",
                RESULT_FAILED_BOOKED_BACK, "01 failure (booked back) after success",
                RESULT_FAILED, "01 failure after success",
                QUERY_FAILED, "query F after success",
                QUERY_NOT_FOUND, "query found no serial after success"));
        finalState(REFUNDED, Map.of(
                SYNC_REFUSED, "synchronous refusal after refund",
                ACCOUNTING_FAILED, "debit failure after refund",
                RESULT_PAID, "01 success after refund",
                QUERY_SUCCESS, "query S after refund",
                QUERY_NOT_FOUND, "query found no serial after refund"));
        finalState(FAILED, Map.of(
                ACCOUNTING_DEBITED, "debit after failure",
                RESULT_PAID, "01 success after failure",
                RESULT_FAILED_BOOKED_BACK, "funds booked back after failure (was debited)",
                QUERY_SUCCESS, "query S after failure"));

        for (WithdrawalStatus state : WithdrawalStatus.values()) {
            for (EvidenceKind kind : EvidenceKind.values()) {
                if (!TABLE.get(state).containsKey(kind)) {
                    throw new IllegalStateException("transition table has no entry for " + state + " + " + kind);
                }
            }
        }
    }

    private TransitionTable() {
    }

    /** The decision for one piece of evidence in one state. Never null: every pair is defined. */
    public static Decision decide(WithdrawalStatus state, EvidenceKind kind) {
        return TABLE.get(Objects.requireNonNull(state)).get(Objects.requireNonNull(kind));
    }

    private static void finalState(WithdrawalStatus state, Map<EvidenceKind, String> contradictions) {
        for (EvidenceKind kind : EvidenceKind.values()) {
            if (kind.source() == io.payout.model.EventSource.OPERATOR) {
                on(state, kind, refuse(state + " is final"));
            } else if (contradictions.containsKey(kind)) {
                on(state, kind, attention(contradictions.get(kind)));
            } else {
                on(state, kind, record());
            }
        }
    }

    private static void on(WithdrawalStatus state, EvidenceKind kind, Decision decision) {
        TABLE.computeIfAbsent(state, s -> new EnumMap<>(EvidenceKind.class)).put(kind, decision);
    }

    private static DecisionBuilder enter(WithdrawalStatus... path) {
        return new DecisionBuilder(List.of(path));
    }

    private static Decision record() {
        return new Decision(List.of(), null, null);
    }

    private static Decision attention(String why) {
        return new Decision(List.of(), why, null);
    }

    private static Decision refuse(String why) {
        return new Decision(List.of(), null, why);
    }

    private static void on(WithdrawalStatus state, EvidenceKind kind, DecisionBuilder builder) {
        on(state, kind, builder.flag(null));
    }

    private record DecisionBuilder(List<WithdrawalStatus> path) {
        Decision flag(String attention) {
            return new Decision(path, attention, null);
        }
    }
}
