package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountAction;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code account_requests}. */
@Repository
class AccountRequests {

    private final JdbcClient jdbc;

    AccountRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content hashes of the requests already stored among {@code ids}, by id. */
    Map<String, byte[]> hashesOf(Collection<String> ids) {
        Map<String, byte[]> hashes = new HashMap<>();
        if (ids.isEmpty()) {
            return hashes;
        }
        jdbc.sql("select account_request_id, content_hmac from account_requests where account_request_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    hashes.put(rs.getString(1), rs.getBytes(2));
                });
        return hashes;
    }

    void insertAll(List<StoredRequest> requests) {
        for (StoredRequest r : requests) {
            jdbc.sql("""
                    insert into account_requests (account_request_id, action, account_kind, huifu_id, content_hmac,
                                                  requested_at, received_at)
                    values (:id, :action, :kind, :huifuId, :hmac, :requestedAt, :receivedAt)""")
                    .param("id", r.accountRequestId())
                    .param("action", r.action().name())
                    .param("kind", r.accountKind().name())
                    .param("huifuId", r.huifuId())
                    .param("hmac", r.contentHmac())
                    .param("requestedAt", timestamp(r.requestedAt()))
                    .param("receivedAt", timestamp(r.receivedAt()))
                    .update();
        }
    }

    Optional<StoredRequest> find(String accountRequestId) {
        return jdbc.sql("""
                select account_request_id, action, account_kind, huifu_id, content_hmac, requested_at, received_at
                from account_requests where account_request_id = :id""")
                .param("id", accountRequestId)
                .query((rs, n) -> new StoredRequest(rs.getString(1), AccountAction.valueOf(rs.getString(2)),
                        AccountKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBytes(5),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .optional();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
