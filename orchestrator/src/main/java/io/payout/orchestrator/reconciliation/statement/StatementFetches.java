package io.payout.orchestrator.reconciliation.statement;

import io.payout.orchestrator.withdrawal.SerialKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** How far the statement of each account and trade date got (statement_fetches), and what it carried over. */
@Repository
public class StatementFetches {

    /** WAITING: not matched yet; MATCHED; GAVE_UP: queries used up; REFUSED: a file we will not read. */
    public enum State { WAITING, MATCHED, GAVE_UP, REFUSED }

    /** One account's statement of a trade date. */
    public record Fetch(String huifuId, String tradeDate, int queries, State state, String detail, String fileName,
                        Long rows, Instant lastQueryAt, Instant matchedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public StatementFetches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Fetch> find(String huifuId, String tradeDate) {
        return jdbc.sql(SELECT + " where huifu_id = ? and trade_date = ?").params(huifuId, tradeDate)
                .query(StatementFetches::map).optional();
    }

    public List<Fetch> of(String tradeDate) {
        return jdbc.sql(SELECT + " where trade_date = ? order by huifu_id").param(tradeDate)
                .query(StatementFetches::map).list();
    }

    /**
     * Counts one more query before it is sent, unless {@code limit} queries were counted already: the new count, or
     * empty when the limit is reached. Check and count are one statement, so instances running side by side never
     * send more than the limit between them, and a crash after the query leaves it counted.
     */
    public Optional<Integer> countQuery(String huifuId, String tradeDate, int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into statement_fetches (huifu_id, trade_date, queries, state, last_query_at)
                values (?, ?, 1, 'WAITING', ?)
                on conflict (trade_date, huifu_id) do update set queries = statement_fetches.queries + 1,
                  last_query_at = excluded.last_query_at
                where statement_fetches.queries < ?
                returning queries
                """).params(huifuId, tradeDate, now, limit).query(Integer.class).optional();
    }

    public void mark(String huifuId, String tradeDate, State state, String detail) {
        jdbc.sql("""
                insert into statement_fetches (huifu_id, trade_date, state, detail) values (?, ?, ?, ?)
                on conflict (trade_date, huifu_id) do update set state = excluded.state, detail = excluded.detail
                """).params(huifuId, tradeDate, state.name(), detail).update();
    }

    /** The statement was matched: its file, its row count, and the serials it carries to the next trade date. */
    @Transactional
    public void matched(String huifuId, String tradeDate, String fileName, long rows,
                        List<SerialKey> carried) {
        jdbc.sql("""
                insert into statement_fetches (huifu_id, trade_date, state, file_name, statement_rows, matched_at)
                values (?, ?, 'MATCHED', ?, ?, ?)
                on conflict (trade_date, huifu_id) do update set state = 'MATCHED', detail = null,
                  file_name = excluded.file_name, statement_rows = excluded.statement_rows,
                  matched_at = excluded.matched_at
                """).params(huifuId, tradeDate, fileName, rows, Timestamp.from(clock.instant())).update();
        jdbc.sql("delete from statement_carried where trade_date = ? and huifu_id = ?").params(tradeDate, huifuId)
                .update();
        for (SerialKey key : carried) {
            jdbc.sql("insert into statement_carried (huifu_id, trade_date, req_date, req_seq_id) values (?, ?, ?, ?)")
                    .params(huifuId, tradeDate, key.reqDate(), key.reqSeqId()).update();
        }
    }

    private static final String SELECT = """
            select huifu_id, trade_date, queries, state, detail, file_name, statement_rows, last_query_at, matched_at
            from statement_fetches""";

    private static Fetch map(ResultSet rs, int row) throws SQLException {
        long rows = rs.getLong("statement_rows");
        return new Fetch(rs.getString("huifu_id"), rs.getString("trade_date"), rs.getInt("queries"),
                State.valueOf(rs.getString("state")), rs.getString("detail"), rs.getString("file_name"),
                rs.wasNull() ? null : rows, instant(rs.getTimestamp("last_query_at")),
                instant(rs.getTimestamp("matched_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
