package io.payout.orchestrator.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class FailuresTest {

    @Test
    void aRollbackThatFailsOnAClosedConnectionIsTransient() {
        // what a listener saw while PostgreSQL restarted: 57P01 overridden by the rollback on the pool's closed proxy
        TransactionSystemException failure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        failure.initApplicationException(new DataAccessResourceFailureException("terminating connection",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(Failures.isTransient(failure)).isTrue();
    }

    @Test
    void aCommitRefusedForTheRecordsOwnContentIsNotTransient() {
        TransactionSystemException failure = new TransactionSystemException("JDBC commit failed",
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(Failures.isTransient(failure)).isFalse();
    }

    @Test
    void aValueTheDatabaseCannotStoreIsNotTransientAndAFullDiskIs() {
        assertThat(Failures.isTransient(new DataIntegrityViolationException("too long",
                new SQLException("value too long for type character varying(64)", "22001")))).isFalse();
        assertThat(Failures.isTransient(new DataIntegrityViolationException("disk full",
                new SQLException("could not extend file: No space left on device", "53100")))).isTrue();
    }
}
