package io.payout.orchestrator.withdrawal;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.util.List;

/** The result of applying evidence to a withdrawal: its new row, the history rows and the outcome events. */
public record Applied(Withdrawal before, Withdrawal after, List<WithdrawalStatus> entered, List<HistoryRow> history,
                      List<OutboxMessage> events) {

    public Applied {
        entered = List.copyOf(entered);
        history = List.copyOf(history);
        events = List.copyOf(events);
    }

    /** The same change with another next action (the submission workers schedule queries and re-sends). */
    public Applied scheduled(NextAction action, java.time.Instant at, int attempts) {
        return new Applied(before, after.scheduled(action, at, attempts), entered, history, events);
    }

    /** This change followed by {@code next} (applied to this change's result), as one write. */
    public Applied then(Applied next) {
        List<WithdrawalStatus> allEntered = new java.util.ArrayList<>(entered);
        allEntered.addAll(next.entered);
        List<HistoryRow> allHistory = new java.util.ArrayList<>(history);
        allHistory.addAll(next.history);
        List<OutboxMessage> allEvents = new java.util.ArrayList<>(events);
        allEvents.addAll(next.events);
        return new Applied(before, next.after, allEntered, allHistory, allEvents);
    }

    public boolean isNew() {
        return before == null;
    }
}
