package io.payout.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.schema.ContractSchemas;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.account.AccountRegistry;
import io.payout.orchestrator.account.AccountView;
import io.payout.orchestrator.account.StoredCard;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.testkit.AccountRequestJson;
import io.payout.testkit.TestKafka;
import io.payout.sandbox.account.ReviewSettings;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.CardSpec;
import io.payout.sandbox.ledger.CashConfigSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts through the real broker, database, gateway and sandbox (CONTRACT.md §6): requests on account.requests,
 * Huifu's account paths in the sandbox, its audit notices through the gateway, every change on account.updates.
 */
class AccountEndToEndIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static HuifuStack stack;

    @BeforeAll
    static void start() {
        stack = new HuifuStack(Map.of(), Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void noFaults() {
        stack.control().clearFaults();
        stack.control().setFaults(new FaultSettings(7L, FaultRates.NONE, Map.of()));
        stack.control().setAccountReview(new ReviewSettings(60, "Y", null, false));
    }

    @Test
    void opensAUserAndBindsItsCardWithTheTokenFromTheSynchronousAnswer() {
        String id = nextId("open");
        Person person = Person.next();
        send(id, openIndividual(id, person, person.cardNo()));

        JsonNode approved = awaitEnd(id);
        assertThat(approved.get("change").asString()).isEqualTo("APPROVED");
        List<JsonNode> updates = updatesOf(id);
        assertThat(updates).extracting(u -> u.get("change").asString())
                .contains("OPENED", "CARD_BOUND", "CASH_CONFIG", "APPROVED");
        JsonNode bound = updates.stream().filter(u -> "CARD_BOUND".equals(u.get("change").asString()))
                .findFirst().orElseThrow();
        assertThat(bound.get("source").asString()).isEqualTo("SYNC_RESPONSE");
        String huifuId = approved.get("huifu_id").asString();
        String tokenNo = bound.get("token_no").asString();
        assertThat(bound.get("card_no").asString()).endsWith(person.cardNo().substring(12))
                .doesNotContain(person.cardNo());
        // the sandbox's ledger holds the same card under the same token: withdrawals can name it
        assertThat(stack.control().account(huifuId).cards()).anyMatch(card -> card.tokenNo().equals(tokenNo));
        AccountView view = stack.orchestrator.bean(AccountRegistry.class).view(huifuId).orElseThrow();
        assertThat(view.cards()).extracting(StoredCard::card).anyMatch(c -> c.tokenNo().equals(tokenNo) && c.open());
        assertThat(view.account().cashConfig()).extracting(c -> c.cashType()).containsExactly(IntoAcctDateType.T1);
        assertThat(view.applications()).isEmpty();
        // nothing personal is kept once the application is final
        String kept = stack.orchestrator.bean(JdbcClient.class).sql("""
                select coalesce(string_agg(row_to_json(a)::text, ''), '') from account_applications a""")
                .query(String.class).single();
        assertThat(kept).doesNotContain(person.cardNo(), person.certNo(), person.name());
        assertThat(stack.orchestrator.bean(JdbcClient.class).sql(
                "select sealed_request is null from account_applications where account_request_id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
        updates.forEach(u -> assertThat(ContractSchemas.ACCOUNT_CHANGED.errors(u.toString())).isEmpty());
    }

    @Test
    void aCardWhoseHolderDoesNotMatchIsRejectedWithHuifusReason() {
        String id = nextId("mismatch");
        Person person = Person.next();
        // the sandbox's bank says a number ending in 0000 belongs to someone else
        send(id, openIndividual(id, person, person.cardNo().substring(0, 12) + "0000"));

        JsonNode rejected = awaitEnd(id);
        assertThat(rejected.get("change").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("business_item").asString()).isEqualTo("card");
        assertThat(rejected.get("reason").asString()).contains("银行卡校验失败");
        assertThat(updatesOf(id)).extracting(u -> u.get("change").asString()).contains("OPENED")
                .doesNotContain("CARD_BOUND");
    }

    @Test
    void anOpeningWhoseAnswerWasLostIsFoundByCertificateNumberAndNotOpenedTwice() {
        String id = nextId("lost");
        Person person = Person.next();
        stack.control().nextFault(Fault.NO_ANSWER);
        send(id, openIndividual(id, person, person.cardNo()));

        JsonNode approved = awaitEnd(id);
        assertThat(approved.get("change").asString()).isEqualTo("APPROVED");
        JsonNode opened = updatesOf(id).stream().filter(u -> "OPENED".equals(u.get("change").asString()))
                .findFirst().orElseThrow();
        assertThat(opened.get("source").asString()).isEqualTo("QUERY");
        // Huifu refuses a second opening of the same person under another serial: an approval proves there was none
        assertThat(updatesOf(id)).filteredOn(u -> "OPENED".equals(u.get("change").asString())).hasSize(1);
    }

    @Test
    void aChangeNoLookupCanExplainWaitsForAnOperatorWithoutAnEnd() {
        String opening = nextId("before-silence");
        Person person = Person.next();
        send(opening, openIndividual(opening, person, person.cardNo()));
        String huifuId = awaitEnd(opening).get("huifu_id").asString();
        // from now on every call for the account fails with HTTP 500: the binding's fate and every lookup unknown
        stack.control().setFaults(new FaultSettings(7L, FaultRates.NONE,
                Map.of(huifuId, new FaultRates(0, 1, 0, 0, 0, 0, 0, 0, 0, 0))));
        String bind = nextId("unexplained");
        Person second = Person.next();
        send(bind, AccountRequestJson.bindCard(bind, huifuId, person.name(), person.certNo(), second.cardNo()));

        await().atMost(OrchestratorHarness.WAIT).pollInterval(Duration.ofMillis(300)).until(() ->
                stack.orchestrator.bean(AccountRegistry.class).view(huifuId).orElseThrow().applications().stream()
                        .anyMatch(a -> bind.equals(a.accountRequestId()) && "ATTENTION".equals(a.state())));
        AccountView.OpenApplication waiting = stack.orchestrator.bean(AccountRegistry.class).view(huifuId)
                .orElseThrow().applications().stream().filter(a -> bind.equals(a.accountRequestId()))
                .findFirst().orElseThrow();
        assertThat(waiting.reasonCode()).isEqualTo("LOOKUP_UNANSWERED");
        assertThat(stack.orchestrator.bean(MeterRegistry.class).get("account.applications.attention").gauge()
                .value()).isGreaterThanOrEqualTo(1);
        assertThat(TestKafka.readAll(stack.orchestrator.accountUpdates).stream()
                .map(r -> JSON.readTree(r.value())).filter(u -> bind.equals(text(u, "account_request_id"))))
                .noneMatch(AccountEndToEndIntegrationTest::isEnd);
    }

    @Test
    void aNonSameNameCorporateCardIsApprovedByTheAuditNotice() {
        String id = nextId("review");
        Person legal = Person.next();
        send(id, openEnterprise(id, legal));

        JsonNode end = awaitEnd(id);
        assertThat(end.get("change").asString()).isEqualTo("APPROVED");
        List<JsonNode> updates = updatesOf(id);
        assertThat(updates).extracting(u -> u.get("change").asString())
                .containsSubsequence("OPENED", "APPLIED", "CARD_BOUND", "APPROVED");
        JsonNode bound = updates.stream().filter(u -> "CARD_BOUND".equals(u.get("change").asString()))
                .findFirst().orElseThrow();
        assertThat(bound.get("card_type").asString()).isEqualTo("4");
        assertThat(updates).filteredOn(u -> "APPLIED".equals(u.get("change").asString())).hasSize(1);
    }

    @Test
    void withEveryNoticeDroppedTheReviewIsFollowedByTheStatusQuery() {
        FaultRates dropAll = new FaultRates(0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
        stack.control().setFaults(new FaultSettings(7L, dropAll, Map.of()));
        String id = nextId("dropped");
        send(id, openEnterprise(id, Person.next()));

        JsonNode end = awaitEnd(id);
        assertThat(end.get("change").asString()).isEqualTo("APPROVED");
        List<JsonNode> updates = updatesOf(id);
        assertThat(updates).extracting(u -> u.get("change").asString()).contains("APPLIED", "CARD_BOUND");
        assertThat(end.get("source").asString()).isEqualTo("QUERY");
    }

    @Test
    void duplicatedAndReorderedAuditNoticesChangeNothingTwice() {
        FaultRates duplicateAll = new FaultRates(0, 0, 0, 0, 0, 1, 1, 0, 0, 0);
        stack.control().setFaults(new FaultSettings(7L, duplicateAll, Map.of()));
        String id = nextId("twice");
        send(id, openEnterprise(id, Person.next()));

        awaitEnd(id);
        // a second end or a second card would come right behind the first: give the duplicates time to arrive
        String marker = nextId("after-twice");
        send(marker, openEnterprise(marker, Person.next()));
        awaitEnd(marker);
        List<JsonNode> updates = TestKafka.readAll(stack.orchestrator.accountUpdates).stream()
                .map(r -> JSON.readTree(r.value())).filter(u -> id.equals(text(u, "account_request_id"))).toList();
        assertThat(updates).filteredOn(u -> "CARD_BOUND".equals(u.get("change").asString())).hasSize(1);
        assertThat(updates).filteredOn(u -> u.get("change").asString().matches("APPROVED|REJECTED|FAILED"))
                .hasSize(1);
    }

    @Test
    void aMerchantsCardChangeWithTheSmsCodeCompletesThroughTheStatusQuery() {
        String huifuId = "6666000199" + String.format("%06d", IDS.incrementAndGet());
        stack.control().createAccount(new AccountSpec(huifuId, null, Amount.parse("100.00"), Amount.ZERO, List.of(),
                List.of(CashConfigSpec.inside(IntoAcctDateType.T1, "1.00", "0"))));
        String sms = nextId("sms");
        send(sms, """
                {"account_request_id":"%s","action":"SEND_VERIFY_CODE","account_kind":"MERCHANT","huifu_id":"%s"}"""
                .formatted(sms, huifuId));
        assertThat(awaitEnd(sms).get("change").asString()).isEqualTo("APPROVED");
        String code = stack.control().smsCode(huifuId);

        String bind = nextId("merchant-card");
        Person holder = Person.next();
        send(bind, """
                {"account_request_id":"%s","action":"BIND_CARD","account_kind":"MERCHANT","huifu_id":"%s",
                 "card":{"card_type":"0","card_name":"上海某某有限公司","card_no":"%s","prov_id":"310000",
                         "area_id":"310100","branch_code":"102290000011"},
                 "verify_code":"%s"}""".formatted(bind, huifuId, holder.cardNo(), code));

        JsonNode end = awaitEnd(bind);
        assertThat(end.get("change").asString()).isEqualTo("APPROVED");
        assertThat(end.get("source").asString()).isEqualTo("QUERY");
        JsonNode bound = updatesOf(bind).stream().filter(u -> "CARD_BOUND".equals(u.get("change").asString()))
                .findFirst().orElseThrow();
        assertThat(stack.control().account(huifuId).cards())
                .anyMatch(card -> card.tokenNo().equals(bound.get("token_no").asString()));
    }

    @Test
    void aChangedCashConfigurationIsPickedUpByRefresh() {
        String id = nextId("before-refresh");
        Person person = Person.next();
        send(id, openIndividual(id, person, person.cardNo()));
        String huifuId = awaitEnd(id).get("huifu_id").asString();
        // changed at Huifu without us (its console)
        stack.control().setCashConfig(huifuId, List.of(CashConfigSpec.inside(IntoAcctDateType.T1, "1.00", "0"),
                CashConfigSpec.inside(IntoAcctDateType.D1, "2.00", "0.05")));

        String refresh = nextId("refresh");
        send(refresh, """
                {"account_request_id":"%s","action":"REFRESH","account_kind":"USER","huifu_id":"%s"}"""
                .formatted(refresh, huifuId));

        awaitEnd(refresh);
        JsonNode config = updatesOf(refresh).stream().filter(u -> "CASH_CONFIG".equals(u.get("change").asString()))
                .findFirst().orElseThrow();
        assertThat(config.get("source").asString()).isEqualTo("QUERY");
        assertThat(config.get("cash_config").findValuesAsString("cash_type")).containsExactly("D1", "T1");
    }

    @Test
    void eachCheckBeforeASendFailsWithItsCodeAndNoSerialIsSent() {
        Person person = Person.next();
        String opening = nextId("checked-user");
        send(opening, openIndividual(opening, person, person.cardNo()));
        String user = awaitEnd(opening).get("huifu_id").asString();
        String token = cardTokenOf(opening);
        stack.control().credit(user, Amount.parse("500.00"), false);

        String frozen = knownMerchant(List.of(CashConfigSpec.inside(IntoAcctDateType.D0, "1.00", "0")),
                Amount.parse("500.00"), "FREEZEWITHDRAWAL");
        // 100.00 in the balance, none of it today's: DM may take 100.00
        String small = knownMerchant(List.of(CashConfigSpec.inside(IntoAcctDateType.DM, "1.00", "0")),
                Amount.parse("100.00"), null);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(withdraw("USER", user, "99999999999", "10.00", "T1"), "CARD_NOT_BOUND");
        expected.put(withdraw("USER", user, token, "10.00", "D0"), "CASH_TYPE_OFF");
        expected.put(withdraw("MERCHANT", frozen, MERCHANT_TOKEN, "10.00", "D0"), "ACCOUNT_FROZEN");
        expected.put(withdraw("MERCHANT", small, MERCHANT_TOKEN, "500.00", "DM"), "DM_QUOTA_EXCEEDED");

        for (Map.Entry<String, String> check : expected.entrySet()) {
            JsonNode failed = awaitFinalOutcome(check.getKey());
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("source").asString()).isEqualTo("CHECK");
            assertThat(failed.get("reason_code").asString()).isEqualTo(check.getValue());
            assertThat(failed.get("req_seq_id").isNull()).isTrue();
            assertThat(ContractSchemas.WITHDRAWAL_STATUS_CHANGED.errors(failed.toString())).isEmpty();
            assertThat(stack.orchestrator.bean(WithdrawalSerials.class).serialsOf(check.getKey()))
                    .allMatch(serial -> serial.sentCount() == 0);
            String huifuId = failed.get("huifu_id").asString();
            String serial = stack.orchestrator.withdrawal(check.getKey()).orElseThrow().reqSeqId();
            assertThat(stack.control().serials(huifuId)).noneMatch(s -> serial.equals(s.reqSeqId()));
        }
        // the same account, card and type that pass the checks are sent and paid
        String passing = withdraw("USER", user, token, "10.00", "T1");
        assertThat(awaitFinalOutcome(passing).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFeeOtherThanTheConfigurationGivesIsFlaggedAndTheExpectedFeeTravelsOnTheOutcome() {
        Person person = Person.next();
        String opening = nextId("fee-user");
        send(opening, openIndividual(opening, person, person.cardNo()));
        String user = awaitEnd(opening).get("huifu_id").asString();
        String token = cardTokenOf(opening);
        stack.control().credit(user, Amount.parse("500.00"), false);

        String matching = withdraw("USER", user, token, "100.00", "T1");
        JsonNode paid = awaitFinalOutcome(matching);
        assertThat(paid.get("expected_fee_amt").asString()).isEqualTo("1.00");
        assertThat(paid.get("fee_amt").asString()).isEqualTo("1.00");
        assertThat(stack.orchestrator.withdrawal(matching).orElseThrow().attention()).isFalse();

        // changed in Huifu's console: the registry still expects 1.00
        stack.control().setCashConfig(user, List.of(CashConfigSpec.inside(IntoAcctDateType.T1, "2.00", "0")));
        String mismatching = withdraw("USER", user, token, "100.00", "T1");
        JsonNode charged = awaitFinalOutcome(mismatching);
        assertThat(charged.get("expected_fee_amt").asString()).isEqualTo("1.00");
        assertThat(charged.get("fee_amt").asString()).isEqualTo("2.00");
        var flagged = stack.orchestrator.withdrawal(mismatching).orElseThrow();
        assertThat(flagged.attention()).isTrue();
        assertThat(flagged.attentionReason()).contains("FEE_MISMATCH");
        assertThat(stack.orchestrator.bean(MeterRegistry.class)
                .counter("withdrawal.fee.mismatches").count()).isGreaterThanOrEqualTo(1);
    }

    // --- fixtures

    private static final String MERCHANT_TOKEN = "10009990001";

    /** A merchant opened outside the product (the sandbox's shortcut), then made known by a REFRESH request. */
    private static String knownMerchant(List<CashConfigSpec> config, Amount balance, String merStat) {
        String huifuId = "6666000188" + String.format("%06d", IDS.incrementAndGet());
        stack.control().createAccount(new AccountSpec(huifuId, null, balance, Amount.ZERO,
                List.of(new CardSpec(MERCHANT_TOKEN, "6222000011112222", "某某有限公司",
                        null)), config));
        if (merStat != null) {
            stack.control().setMerStat(huifuId, merStat);
        }
        String refresh = nextId("known");
        send(refresh, """
                {"account_request_id":"%s","action":"REFRESH","account_kind":"MERCHANT","huifu_id":"%s"}"""
                .formatted(refresh, huifuId));
        assertThat(awaitEnd(refresh).get("change").asString()).isEqualTo("APPROVED");
        return huifuId;
    }

    private static String cardTokenOf(String accountRequestId) {
        return updatesOf(accountRequestId).stream().filter(u -> "CARD_BOUND".equals(text(u, "change")))
                .map(u -> text(u, "token_no")).findFirst().orElseThrow();
    }

    private static String withdraw(String kind, String huifuId, String token, String amount, String type) {
        String id = nextId("w");
        stack.orchestrator.sendRequest(id, """
                {"withdrawal_id":"%s","huifu_id":"%s","account_kind":"%s","token_no":"%s","cash_amt":"%s",
                 "into_acct_date_type":"%s"}""".formatted(id, huifuId, kind, token, amount, type));
        return id;
    }

    /** The withdrawal's final outcome event, settling the sandbox's due payouts while it waits. */
    private static JsonNode awaitFinalOutcome(String withdrawalId) {
        await().atMost(OrchestratorHarness.WAIT)
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    stack.control().settle();
                    return stack.orchestrator.withdrawal(withdrawalId).map(w -> w.status().isFinal()).orElse(false);
                });
        return stack.orchestrator.awaitOutcomes(seen -> seen.stream().anyMatch(r -> withdrawalId.equals(r.key())
                        && isFinalStatus(JSON.readTree(r.value()))))
                .stream().filter(r -> withdrawalId.equals(r.key())).map(r -> JSON.readTree(r.value()))
                .filter(AccountEndToEndIntegrationTest::isFinalStatus).findFirst().orElseThrow();
    }

    private static boolean isFinalStatus(JsonNode outcome) {
        return text(outcome, "status").matches("SUCCEEDED|REFUNDED|FAILED");
    }

    /** Someone new for each test: the sandbox opens one user per certificate number. */
    private record Person(String name, String certNo, String cardNo) {

        private static final AtomicInteger NEXT = new AtomicInteger(1000);

        static Person next() {
            int n = NEXT.incrementAndGet();
            return new Person("测试" + (char) ('甲' + n % 10) + n, "1101011990030" + String.format("%05d", n),
                    "62220202" + String.format("%08d", n));
        }
    }

    private static String nextId(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    private static void send(String id, String json) {
        stack.orchestrator.sendAccountRequest(id, json);
    }

    private static String openIndividual(String id, Person p, String cardNo) {
        return AccountRequestJson.openIndividual(id, p.name(), p.certNo(), cardNo, "T1");
    }

    /** An enterprise whose withdrawal card is a corporate card of another name (card_type 4): Huifu reviews it. */
    private static String openEnterprise(String id, Person legal) {
        return AccountRequestJson.openEnterprise(id, legal.name(), legal.certNo(), legal.cardNo(), "T1");
    }

    /** The request's final answer on account.updates: APPROVED, REJECTED or FAILED. */
    private static JsonNode awaitEnd(String id) {
        return updatesOf(id).stream().filter(AccountEndToEndIntegrationTest::isEnd).findFirst().orElseThrow();
    }

    /**
     * The request's updates up to its final answer and whatever was read with it. They share a key (the account), so
     * once the end is read every update published before it has been read too.
     */
    private static List<JsonNode> updatesOf(String id) {
        List<ConsumerRecord<String, String>> all = stack.orchestrator.awaitAccountUpdates(records -> records.stream()
                .map(r -> JSON.readTree(r.value()))
                .anyMatch(u -> id.equals(text(u, "account_request_id")) && isEnd(u)));
        return all.stream().map(r -> JSON.readTree(r.value())).filter(u -> id.equals(text(u, "account_request_id")))
                .toList();
    }

    private static boolean isEnd(JsonNode update) {
        return text(update, "change").matches("APPROVED|REJECTED|FAILED");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
