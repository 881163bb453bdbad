package io.payout.orchestrator.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The content fingerprints of archived withdrawals (withdrawal_keys, V31), which are never dropped: intake compares
 * a request for an id it no longer holds with the fingerprint (CONTRACT.md §3).
 */
@Repository
public class WithdrawalKeys {

    private final JdbcClient jdbc;

    WithdrawalKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fingerprint of each archived withdrawal among {@code ids}; ids never archived are absent. */
    public Map<String, byte[]> fingerprintsOf(Collection<String> ids) {
        Map<String, byte[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select withdrawal_id, content_fingerprint from withdrawal_keys where withdrawal_id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getBytes(2));
                });
        return found;
    }

    /** When the withdrawal was archived, if it was. */
    public Optional<Instant> archivedAt(String withdrawalId) {
        return jdbc.sql("select archived_at from withdrawal_keys where withdrawal_id = ?").param(withdrawalId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Why {@code withdrawalId} is not in the hot tables, for the operations API and the console alike: archived (when,
     * and where its rows are now), or never known.
     */
    public NoSuchElementException notFound(String withdrawalId) {
        return new NoSuchElementException(archivedAt(withdrawalId)
                .map(at -> "withdrawal " + withdrawalId + " was archived at " + at
                        + ": its rows are in archived_withdrawals, archived_serials and archived_transitions")
                .orElse("no withdrawal " + withdrawalId));
    }
}
