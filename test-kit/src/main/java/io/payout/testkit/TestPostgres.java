package io.payout.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** One real PostgreSQL server per JVM, started on first use; each test class takes a fresh database. */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    private TestPostgres() {
    }

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.startTemporary();
        }
        return server;
    }

    /** A new, empty database on the shared server. */
    public static Database freshDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        return new Database(server().createDatabase(name), server().username(), "");
    }

    /** Connection facts of one database. */
    public record Database(String jdbcUrl, String username, String password) {
        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(jdbcUrl);
            dataSource.setUser(username);
            dataSource.setPassword(password);
            return dataSource;
        }
    }
}
