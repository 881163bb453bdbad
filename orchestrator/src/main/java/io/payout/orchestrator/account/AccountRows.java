package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountSource;
import io.payout.model.account.CashConfigEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tables {@code accounts} and {@code account_cards}. */
@Repository
class AccountRows {

    private static final TypeReference<List<CashConfigEntry>> CASH_CONFIG = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccountRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The account's facts, its row created (all unknown) when missing and locked until the transaction ends. */
    AccountFacts lockOrCreate(String huifuId, AccountKind kind, Instant now) {
        jdbc.sql("""
                insert into accounts (huifu_id, account_kind, created_at, updated_at) values (:id, :kind, :now, :now)
                on conflict (huifu_id) do nothing""")
                .param("id", huifuId).param("kind", kind.name()).param("now", Timestamp.from(now)).update();
        AccountRecord row = jdbc.sql("select * from accounts where huifu_id = :id for update")
                .param("id", huifuId).query(this::record).single();
        return row.facts(row.cardsLearnedAt() == null ? null : cardsOf(huifuId));
    }

    Optional<AccountRecord> find(String huifuId) {
        return jdbc.sql("select * from accounts where huifu_id = :id").param("id", huifuId).query(this::record)
                .optional();
    }

    /** Accounts by {@code huifu_id}, after {@code after} (exclusive, null: from the start), of one kind or all. */
    List<AccountRecord> list(String after, AccountKind kind, int limit) {
        return jdbc.sql("""
                select * from accounts where (cast(:after as varchar) is null or huifu_id > :after)
                  and (cast(:kind as varchar) is null or account_kind = :kind)
                order by huifu_id limit :limit""")
                .param("after", after).param("kind", kind == null ? null : kind.name()).param("limit", limit)
                .query(this::record).list();
    }

    List<AccountRecord> latest(int limit) {
        return jdbc.sql("select * from accounts order by updated_at desc, huifu_id limit :limit")
                .param("limit", limit).query(this::record).list();
    }

    List<StoredCard> cardsWithOrigin(String huifuId) {
        return jdbc.sql("select * from account_cards where huifu_id = :id order by learned_at, token_no")
                .param("id", huifuId)
                .query((rs, n) -> new StoredCard(card(rs), AccountSource.valueOf(rs.getString("source")),
                        rs.getTimestamp("learned_at").toInstant()))
                .list();
    }

    /** Stores what was learned; what {@code learned} leaves unknown keeps its value, source and time. */
    void save(AccountFacts merged, AccountFacts learned, AccountSource source, Instant now) {
        String id = merged.huifuId();
        Timestamp at = Timestamp.from(now);
        if (learned.cashConfig() != null) {
            jdbc.sql("""
                    update accounts set cash_config = :config, cash_config_source = :source,
                                        cash_config_learned_at = :at where huifu_id = :id""")
                    .param("config", json.writeValueAsString(merged.cashConfig())).param("source", source.name())
                    .param("at", at).param("id", id).update();
        }
        if (learned.merStat() != null) {
            jdbc.sql("""
                    update accounts set mer_stat = :stat, mer_stat_source = :source, mer_stat_learned_at = :at
                    where huifu_id = :id""")
                    .param("stat", merged.merStat()).param("source", source.name()).param("at", at)
                    .param("id", id).update();
        }
        if (learned.cards() != null) {
            jdbc.sql("update accounts set cards_source = :source, cards_learned_at = :at where huifu_id = :id")
                    .param("source", source.name()).param("at", at).param("id", id).update();
            for (KnownCard card : learned.cards()) {
                jdbc.sql("""
                        insert into account_cards (huifu_id, token_no, masked_card_no, card_hmac, card_type,
                                                   is_default, open, source, learned_at)
                        values (:id, :token, :masked, :hmac, :type, :isDefault, :open, :source, :at)
                        on conflict (huifu_id, token_no) do update set masked_card_no = excluded.masked_card_no,
                            card_hmac = excluded.card_hmac, card_type = excluded.card_type,
                            is_default = excluded.is_default, open = excluded.open, source = excluded.source,
                            learned_at = excluded.learned_at""")
                        .param("id", id).param("token", card.tokenNo()).param("masked", card.maskedCardNo())
                        .param("hmac", card.cardHmac()).param("type", card.cardType())
                        .param("isDefault", card.isDefault()).param("open", card.open())
                        .param("source", source.name()).param("at", at).update();
            }
        }
        jdbc.sql("update accounts set account_kind = :kind, updated_at = :at where huifu_id = :id")
                .param("kind", merged.accountKind().name()).param("at", at).param("id", id).update();
    }

    private List<KnownCard> cardsOf(String huifuId) {
        return jdbc.sql("select * from account_cards where huifu_id = :id order by learned_at, token_no")
                .param("id", huifuId).query((rs, n) -> card(rs)).list();
    }

    private static KnownCard card(ResultSet rs) throws SQLException {
        return new KnownCard(rs.getString("token_no"), rs.getString("masked_card_no"), rs.getString("card_hmac"),
                rs.getString("card_type"), rs.getBoolean("is_default"), rs.getBoolean("open"));
    }

    private AccountRecord record(ResultSet rs, int n) throws SQLException {
        String config = rs.getString("cash_config");
        return new AccountRecord(rs.getString("huifu_id"), AccountKind.valueOf(rs.getString("account_kind")),
                config == null ? null : json.readValue(config, CASH_CONFIG),
                source(rs.getString("cash_config_source")), instant(rs.getTimestamp("cash_config_learned_at")),
                rs.getString("mer_stat"), source(rs.getString("mer_stat_source")),
                instant(rs.getTimestamp("mer_stat_learned_at")), source(rs.getString("cards_source")),
                instant(rs.getTimestamp("cards_learned_at")), rs.getTimestamp("updated_at").toInstant());
    }

    private static AccountSource source(String name) {
        return name == null ? null : AccountSource.valueOf(name);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
