package io.payout.orchestrator.quarantine;

import java.io.IOException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure to process a record is transient (the database or broker unreachable, out of disk, a
 * serialization conflict: retried without limit, the record waits) or lies in the record itself (a value that cannot
 * be parsed or stored, a constraint refused: tried a few times, then quarantined). Decided by the failure, never by
 * a count alone, so that an outage never sends valid records to quarantine.
 */
final class Failures {

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException && stateOf(t) == null) {
                // The commit or the rollback itself failed, and no SQLSTATE says why: the connection is gone (a pool
                // answers "Connection is closed" without one). A rollback that fails hides the failure that caused
                // it, e.g. PostgreSQL's 57P01 as it restarts; the record is tried again, and quarantined then if the
                // fault is its own.
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                // The database's own word decides: connection (08), resources such as a full disk (53), the server
                // shutting down or restarting (57P), a serialization failure or deadlock (40001, 40P01).
                String state = sql.getSQLState();
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                        || state.equals("40001") || state.equals("40P01");
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof OptimisticLockingFailureException || t instanceof RetriableException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The first SQLSTATE in the chain, or null. */
    private static String stateOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
