package io.payout.orchestrator.outbox;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends messages to the outbox table inside the caller's current transaction: the JDBC work goes through
 * Spring's transaction-bound connection of the DataSource, so the rows commit or roll back with the business
 * change that caused them. The relay is woken on commit (a trigger calls pg_notify, see V10__outbox.sql).
 */
public final class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                        headersJson(message.headers()), now())
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
            headers[i] = headersJson(message.headers());
        }
        // One round trip for the whole list; "order by ord" makes the bigserial ids follow the list order.
        jdbc.sql("""
                        insert into outbox (topic, msg_key, payload, headers, created_at)
                        select m.topic, m.msg_key, m.payload, m.headers, ?
                        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                             with ordinality as m(topic, msg_key, payload, headers, ord)
                        order by m.ord
                        """)
                .params(now(), topics, keys, payloads, headers)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String headersJson(Map<String, String> headers) {
        return headers.isEmpty() ? "{}" : JSON.writeValueAsString(headers);
    }
}
