package io.payout.orchestrator.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The relay's dedicated PostgreSQL session: it holds the session-level advisory lock that makes its owner the
 * one active relay, listens for wake-ups, and reads and deletes outbox rows. Everything runs in autocommit on this
 * one connection, so when the session dies the lock goes with it and another instance takes over.
 */
final class RelaySession implements AutoCloseable {

    /** Advisory lock key of the relay role: the first 8 bytes of SHA-256("payout.outbox.relay"), fixed forever. */
    static final long RELAY_LOCK = 0x6f7574626f782e31L;
    static final String CHANNEL = "outbox_relay";

    private final Connection connection;
    private final JdbcClient jdbc;

    /** Opens a session; the connection is closed again when it cannot be set up. */
    static RelaySession open(javax.sql.DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new RelaySession(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private RelaySession(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        // If this instance's host vanishes without closing the socket, the server should notice within ~20 s
        // (and release the relay lock) rather than after the operating system's default of hours.
        jdbc.sql("select set_config('tcp_keepalives_idle', '10', false), set_config('tcp_keepalives_interval', '3', false),"
                + " set_config('tcp_keepalives_count', '3', false)").query().singleRow();
    }

    /** Takes the relay role if nobody holds it; never waits. */
    boolean tryLead() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_lock(?)").param(RELAY_LOCK)
                .query(Boolean.class).single());
    }

    void listen() {
        jdbc.sql("listen " + CHANNEL).update();
    }

    /** Asks writers to NOTIFY on commit (while idle) or to skip it (while busy polling); see V10__outbox.sql. */
    void wantWakeUps(boolean wanted) {
        jdbc.sql("update outbox_relay_wake set wanted = ?").param(wanted).update();
    }

    /** Waits up to {@code timeoutMillis} for a wake-up; true when one (or more) arrived. */
    boolean awaitWakeUp(int timeoutMillis) throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
        return notifications != null && notifications.length > 0;
    }

    /**
     * The oldest unsent rows, in id order (the order they were written in, per key the transition order). Every
     * row in the table is unsent: a sent row is deleted.
     */
    List<PendingMessage> unsent(int limit) {
        return jdbc.sql("""
                        select id, topic, msg_key, payload, headers
                        from outbox
                        order by id
                        limit ?
                        """)
                .param(limit)
                .query((rs, row) -> new PendingMessage(rs.getLong("id"), rs.getString("topic"),
                        rs.getString("msg_key"), rs.getString("payload"), OutboxHeaders.read(rs.getString("headers"))))
                .list();
    }

    /**
     * Deletes rows the broker acknowledged. Deleting on send, rather than marking the row sent and purging it
     * later, writes each row once more instead of twice (an update is a new row version and index entries) and
     * keeps the table as small as the backlog.
     */
    void deleteSent(List<PendingMessage> messages) {
        Long[] ids = messages.stream().map(PendingMessage::id).toArray(Long[]::new);
        jdbc.sql("delete from outbox where id = any(?)").param(ids).update();
    }

    /**
     * Removes deleted rows and their index entries. VACUUM cannot run in a transaction: this session is in
     * autocommit. Without ownership of the table PostgreSQL only warns and skips it; autovacuum still comes.
     */
    void vacuum() {
        jdbc.sql("vacuum outbox").update();
    }

    /**
     * Ends the session, and PostgreSQL releases the advisory lock with it. The lock and the LISTEN are also
     * dropped explicitly first, in case the connection came from a pool and outlives this session.
     */
    @Override
    public void close() throws SQLException {
        try {
            jdbc.sql("select pg_advisory_unlock_all()").query().singleValue();
            jdbc.sql("unlisten *").update();
        } catch (RuntimeException brokenSession) {
            // A broken session has lost its lock and its LISTEN already.
        } finally {
            connection.close();
        }
    }
}
