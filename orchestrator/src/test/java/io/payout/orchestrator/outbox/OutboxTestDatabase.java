package io.payout.orchestrator.outbox;

import io.payout.testkit.TestPostgres;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh database with the orchestrator's schema, the outbox on it, and Spring-managed transactions. */
final class OutboxTestDatabase {

    /** Pooled, for the business transactions. */
    final DataSource dataSource;
    /** Unpooled, for relay sessions (as OutboxConfiguration does). */
    final DataSource sessions;
    final JdbcClient jdbc;
    final Outbox outbox;
    final TransactionTemplate transactions;

    OutboxTestDatabase() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        // Pooled, as in the application: a new PostgreSQL connection per transaction would measure only that.
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(12);
        this.dataSource = pool;
        this.sessions = database.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.outbox = new Outbox(jdbc, Clock.systemUTC());
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Runs {@code work} with the outbox in one committed transaction, as the business code does. */
    void inTransaction(Consumer<Outbox> work) {
        transactions.executeWithoutResult(status -> work.accept(outbox));
    }

    void appendCommitted(List<OutboxMessage> messages) {
        inTransaction(outbox -> outbox.appendAll(messages));
    }

    /** Rows not yet sent: the relay deletes a row once the broker acknowledged it. */
    long unsentRows() {
        return jdbc.sql("select count(*) from outbox").query(Long.class).single();
    }
}
