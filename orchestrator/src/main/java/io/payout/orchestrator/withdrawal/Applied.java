package io.payout.orchestrator.withdrawal;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * One change of a withdrawal as it is written: the row before (null for a new withdrawal) and after, the states
 * entered, the history rows and the outcome events.
 */
public record Applied(Withdrawal before, Withdrawal after, List<WithdrawalStatus> entered, List<HistoryRow> history,
                      List<OutboxMessage> events) {

    public Applied {
        entered = List.copyOf(entered);
        history = List.copyOf(history);
        events = List.copyOf(events);
    }

    /** A change of the row alone: no state entered, nothing recorded, nothing published. */
    static Applied rowOnly(Withdrawal before, Withdrawal after) {
        return new Applied(before, after, List.of(), List.of(), List.of());
    }

    /** The same change, ending in {@code newAfter}. */
    Applied withAfter(Withdrawal newAfter) {
        return new Applied(before, newAfter, entered, history, events);
    }

    /** The same change, ending in {@code newAfter}, with one more history row. */
    Applied recording(Withdrawal newAfter, HistoryRow row) {
        List<HistoryRow> rows = new ArrayList<>(history);
        rows.add(row);
        return new Applied(before, newAfter, entered, rows, events);
    }

    /** Whether the change entered a state (rather than only recording evidence or moving the schedule). */
    boolean changesState() {
        return !entered.isEmpty();
    }

    /** This change followed by {@code next} (applied to this change's result), as one write. */
    Applied then(Applied next) {
        List<WithdrawalStatus> allEntered = new ArrayList<>(entered);
        allEntered.addAll(next.entered);
        List<HistoryRow> allHistory = new ArrayList<>(history);
        allHistory.addAll(next.history);
        List<OutboxMessage> allEvents = new ArrayList<>(events);
        allEvents.addAll(next.events);
        return new Applied(before, next.after, allEntered, allHistory, allEvents);
    }
}
