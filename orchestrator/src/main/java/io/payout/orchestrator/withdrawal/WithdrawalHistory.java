package io.payout.orchestrator.withdrawal;

import static io.payout.orchestrator.withdrawal.Withdrawals.instant;

import io.payout.model.EventSource;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.outbox.Outbox;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only withdrawal_transitions table, and with it the outbox rows of the same changes: a history row and
 * the event it published are written together, in the caller's transaction.
 */
@Repository
public class WithdrawalHistory {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    WithdrawalHistory(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Appends the history rows and outcome events of the changes, batched. */
    void append(List<Applied> changes) {
        int size = 0;
        List<OutboxMessage> events = new ArrayList<>();
        for (Applied applied : changes) {
            size += applied.history().size();
            events.addAll(applied.events());
        }
        if (size > 0) {
            Columns history = new Columns(size, 9);
            for (Applied applied : changes) {
                for (HistoryRow h : applied.history()) {
                    history.row(h.withdrawalId(), h.eventId() == null ? null : h.eventId().toString(), name(h.from()),
                            name(h.to()), h.source().name(), h.evidence(), h.reasonCode(), h.reason(),
                            Columns.text(h.occurredAt()));
                }
            }
            // One statement per batch (see Withdrawals#insert). The ids order a withdrawal's history: unnested side
            // by side in the select list, the rows come in array order and take their ids in it (see Outbox#appendAll).
            jdbc.sql("""
                            insert into withdrawal_transitions (withdrawal_id, event_id, from_status, to_status, source,
                              evidence, reason_code, reason, occurred_at)
                            select unnest(cast(? as text[])), cast(unnest(cast(? as text[])) as uuid),
                              unnest(cast(? as text[])), unnest(cast(? as text[])), unnest(cast(? as text[])),
                              unnest(cast(? as text[])), unnest(cast(? as text[])), unnest(cast(? as text[])),
                              cast(unnest(cast(? as text[])) as timestamptz)
                            """)
                    .params(history.withFirst())
                    .update();
        }
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
    }

    /** A withdrawal's history, oldest first. */
    public List<HistoryRow> of(String withdrawalId) {
        return jdbc.sql("""
                        select withdrawal_id, event_id, from_status, to_status, source, evidence, reason_code, reason,
                          occurred_at
                        from withdrawal_transitions where withdrawal_id = ? order by id
                        """)
                .param(withdrawalId)
                .query((rs, n) -> new HistoryRow(rs.getString(1), rs.getObject(2, UUID.class),
                        status(rs.getString(3)), status(rs.getString(4)), EventSource.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9))))
                .list();
    }

    private static String name(WithdrawalStatus status) {
        return status == null ? null : status.name();
    }

    private static WithdrawalStatus status(String name) {
        return name == null ? null : WithdrawalStatus.valueOf(name);
    }
}
