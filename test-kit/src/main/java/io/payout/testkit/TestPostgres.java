package io.payout.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL 17 server per JVM, started on first use; each test class takes a fresh database. The server
 * runs from embedded binaries, or in a container under {@code -Ptestcontainers} (see {@link InfrastructureSelection}).
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    /** A new, empty database on the shared server. */
    public static Database freshDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        return InfrastructureSelection.selected().createDatabase(name);
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
