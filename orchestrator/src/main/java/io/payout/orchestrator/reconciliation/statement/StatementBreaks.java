package io.payout.orchestrator.reconciliation.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored breaks (statement_breaks), keyed by (trade date, class, serial). */
@Repository
public class StatementBreaks {

    private final JdbcClient jdbc;
    private final Clock clock;

    public StatementBreaks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a break unless its key is known: a re-run of a statement neither duplicates a break nor reopens one an
     * operator explained. True when it is new.
     */
    public boolean raise(StatementBreak b) {
        return jdbc.sql("""
                insert into statement_breaks (trade_date, break_class, req_seq_id, huifu_id, withdrawal_id, detail,
                  found_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (trade_date, break_class, req_seq_id) do nothing
                """).params(b.tradeDate(), b.breakClass().name(), b.reqSeqId(), b.huifuId(), b.withdrawalId(),
                        b.detail(), Timestamp.from(clock.instant())).update() == 1;
    }

    /** Every break of a trade date, open and explained, in the order found. */
    public List<StoredBreak> of(String tradeDate) {
        return jdbc.sql("""
                select id, trade_date, break_class, req_seq_id, huifu_id, withdrawal_id, detail, found_at,
                  explained_at, explained_by, explanation
                from statement_breaks where trade_date = ? order by id
                """).param(tradeDate).query(StatementBreaks::map).list();
    }

    /** Closes an open break of that date; false when there is none (unknown, another date, or already explained). */
    public boolean explain(String tradeDate, long id, String actor, String reason) {
        return jdbc.sql("""
                update statement_breaks set explained_at = ?, explained_by = ?, explanation = ?
                where id = ? and trade_date = ? and explained_at is null
                """).params(Timestamp.from(clock.instant()), actor, reason, id, tradeDate).update() == 1;
    }

    /** Open breaks by class over all dates, for the gauge. */
    public long open(BreakClass breakClass) {
        return jdbc.sql("select count(*) from statement_breaks where break_class = ? and explained_at is null")
                .param(breakClass.name()).query(Long.class).single();
    }

    private static StoredBreak map(ResultSet rs, int row) throws SQLException {
        Timestamp explained = rs.getTimestamp("explained_at");
        StatementBreak found = new StatementBreak(rs.getString("trade_date"),
                BreakClass.valueOf(rs.getString("break_class")), rs.getString("huifu_id"), rs.getString("req_seq_id"),
                rs.getString("withdrawal_id"), rs.getString("detail"));
        return new StoredBreak(rs.getLong("id"), found, rs.getTimestamp("found_at").toInstant(),
                explained == null ? null : explained.toInstant(), rs.getString("explained_by"),
                rs.getString("explanation"));
    }
}
