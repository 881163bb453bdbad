package io.payout.orchestrator.account;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountChanged;
import io.payout.model.account.AccountSource;
import io.payout.model.account.CashConfigEntry;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.schema.ContractSchemas;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.ops.OperationsClient;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry with the real database, outbox and broker, and its view on the operations API. */
class AccountRegistryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPS_TOKEN = "ops-token-under-test";
    private static final KnownCard CARD = new KnownCard("10004053462", "****2233", "9f2a", "1", true, true);
    private static final CashConfigEntry T1 = new CashConfigEntry(IntoAcctDateType.T1, "1", Amount.parse("1.00"),
            null, null, null, null, null);
    private static OrchestratorHarness orchestrator;
    private static OperationsClient ops;

    @BeforeAll
    static void start() {
        orchestrator = new OrchestratorHarness(HuifuKeys.generate(), Map.of("orchestrator.ops.token", OPS_TOKEN))
                .start();
        ops = new OperationsClient(orchestrator.server().baseUrl(), OPS_TOKEN);
    }

    @AfterAll
    static void stop() {
        orchestrator.close();
    }

    private static AccountRegistry registry() {
        return orchestrator.bean(AccountRegistry.class);
    }

    @Test
    void publishesEachChangeOnceThroughTheOutboxKeyedByHuifuId() {
        String huifuId = "6666000100000001";
        AccountFacts learned = new AccountFacts(huifuId, AccountKind.MERCHANT, List.of(CARD), List.of(T1), "NORMAL");

        List<AccountChanged> first = registry().learn(learned, AccountSource.QUERY, "refresh-1");
        List<AccountChanged> again = registry().learn(learned, AccountSource.QUERY, "refresh-2");
        // a change after the repeat: once it is out, anything the repeat had published would be out too
        registry().learn(new AccountFacts(huifuId, AccountKind.MERCHANT, null, null, "FREEZEWITHDRAWAL"),
                AccountSource.NOTIFICATION, null);

        assertThat(first).extracting(AccountChanged::change).containsExactly(AccountChange.CARD_BOUND,
                AccountChange.CASH_CONFIG, AccountChange.ACCOUNT_STATUS);
        assertThat(again).isEmpty();
        List<ConsumerRecord<String, String>> records = orchestrator.awaitAccountUpdates(all -> all.stream()
                .anyMatch(r -> r.value().contains("FREEZEWITHDRAWAL")));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> huifuId.equals(r.key())).toList();
        assertThat(mine).extracting(r -> JSON.readTree(r.value()).get("change").asString())
                .containsExactly("CARD_BOUND", "CASH_CONFIG", "ACCOUNT_STATUS", "ACCOUNT_STATUS");
        for (ConsumerRecord<String, String> record : mine) {
            assertThat(ContractSchemas.ACCOUNT_CHANGED.errors(record.value())).isEmpty();
            assertThat(header(record, "event_id")).isEqualTo(JSON.readTree(record.value()).get("event_id").asString());
        }
        JsonNode bound = JSON.readTree(mine.get(0).value());
        assertThat(bound.get("token_no").asString()).isEqualTo("10004053462");
        assertThat(bound.get("card_no").asString()).isEqualTo("****2233");
        assertThat(bound.get("source").asString()).isEqualTo("QUERY");
        assertThat(bound.get("account_request_id").asString()).isEqualTo("refresh-1");
        JsonNode config = JSON.readTree(mine.get(1).value()).get("cash_config").get(0);
        assertThat(config.get("cash_type").asString()).isEqualTo("T1");
        assertThat(config.get("switch_state").asString()).isEqualTo("1");
        assertThat(config.get("fix_amt").asString()).isEqualTo("1.00");
    }

    @Test
    void theOperationsApiShowsEachFactWithWhereAndWhenItWasLearned() {
        String huifuId = "6666000100000002";
        registry().learn(new AccountFacts(huifuId, AccountKind.USER, List.of(CARD), null, null),
                AccountSource.SYNC_RESPONSE, "open-9");
        registry().learn(new AccountFacts(huifuId, AccountKind.USER, null, List.of(T1), null), AccountSource.QUERY,
                null);

        JsonNode account = ops.get("/api/accounts/" + huifuId).json(200);

        assertThat(account.get("account_kind").asString()).isEqualTo("USER");
        JsonNode card = account.get("cards").get(0);
        assertThat(card.get("token_no").asString()).isEqualTo("10004053462");
        assertThat(card.get("card_no").asString()).isEqualTo("****2233");
        assertThat(card.get("open").asBoolean()).isTrue();
        assertThat(card.get("source").asString()).isEqualTo("SYNC_RESPONSE");
        assertThat(card.get("learned_at").asString()).isNotEmpty();
        assertThat(account.get("cards_source").asString()).isEqualTo("SYNC_RESPONSE");
        assertThat(account.get("cash_config_source").asString()).isEqualTo("QUERY");
        assertThat(account.get("cash_config").get(0).get("cash_type").asString()).isEqualTo("T1");
        // never learned: unknown, shown as null rather than as an empty or default value
        assertThat(account.get("mer_stat").isNull()).isTrue();
        assertThat(account.get("mer_stat_learned_at").isNull()).isTrue();
    }

    @Test
    void aCardClosedByHuifuIsClosedInTheRegistryAndAnAccountNeverLearnedIs404() {
        String huifuId = "6666000100000003";
        registry().learn(new AccountFacts(huifuId, AccountKind.USER, List.of(CARD), null, null),
                AccountSource.QUERY, null);
        KnownCard closed = new KnownCard(CARD.tokenNo(), CARD.maskedCardNo(), CARD.cardHmac(), "1", true, false);

        List<AccountChanged> changes = registry().learn(
                new AccountFacts(huifuId, AccountKind.USER, List.of(closed), null, null), AccountSource.QUERY, null);

        assertThat(changes).extracting(AccountChanged::change).containsExactly(AccountChange.CARD_CLOSED);
        assertThat(ops.get("/api/accounts/" + huifuId).json(200).get("cards").get(0).get("open").asBoolean())
                .isFalse();
        assertThat(ops.get("/api/accounts/6666000199999999").problem(404).get("detail").asString())
                .contains("6666000199999999");
    }
}
