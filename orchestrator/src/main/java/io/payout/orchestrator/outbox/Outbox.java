package io.payout.orchestrator.outbox;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends messages to the outbox table inside the caller's current transaction: the JDBC work goes through
 * Spring's transaction-bound connection of the DataSource, so the rows commit or roll back with the business
 * change that caused them. The relay is woken on commit (a trigger calls pg_notify, see V10__outbox.sql).
 */
public final class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends one message; call inside the business transaction. */
    public void append(OutboxMessage message) {
        jdbc.sql("""
                        insert into outbox (topic, msg_key, payload, headers, created_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(message.topic(), new SqlParameterValue(Types.VARCHAR, message.key()), message.payload(),
                        OutboxHeaders.write(message.headers()), now())
                .update();
    }

    /**
     * Appends messages with one statement, their ids (hence their publication order) following the list order;
     * call inside the business transaction.
     */
    public void appendAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        if (messages.size() == 1) {
            append(messages.get(0));
            return;
        }
        int size = messages.size();
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] payloads = new String[size];
        String[] headers = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxMessage message = messages.get(i);
            topics[i] = message.topic();
            keys[i] = message.key();
            payloads[i] = message.payload();
            headers[i] = OutboxHeaders.write(message.headers());
        }
        // One round trip for the whole list. The arrays are unnested side by side in the select list: PostgreSQL
        // produces the rows in array order and takes each one's id as it inserts it, so the ids (the publication
        // order) follow the list. In the from clause, "with ordinality ... order by" would be needed for that, and
        // it first copies every row into a tuple store and sorts it (about a fifth more for this insert).
        jdbc.sql("""
                        insert into outbox (topic, msg_key, payload, headers, created_at)
                        select unnest(cast(? as text[])), unnest(cast(? as text[])), unnest(cast(? as text[])),
                          unnest(cast(? as text[])), cast(? as timestamptz)
                        """)
                .params(topics, keys, payloads, headers, now())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
