package io.payout.sandbox;

import static io.payout.sandbox.AccountRequests.APPLY_QUERY;
import static io.payout.sandbox.AccountRequests.BUSINESS_MODIFY;
import static io.payout.sandbox.AccountRequests.BUSINESS_OPEN;
import static io.payout.sandbox.AccountRequests.DETAIL_QUERY;
import static io.payout.sandbox.AccountRequests.LIST_QUERY;
import static io.payout.sandbox.AccountRequests.OPEN_ENTERPRISE;
import static io.payout.sandbox.AccountRequests.OPEN_INDIVIDUAL;
import static io.payout.sandbox.AccountRequests.applyQuery;
import static io.payout.sandbox.AccountRequests.businessModify;
import static io.payout.sandbox.AccountRequests.businessOpen;
import static io.payout.sandbox.AccountRequests.byUser;
import static io.payout.sandbox.AccountRequests.cash;
import static io.payout.sandbox.AccountRequests.corporateCard;
import static io.payout.sandbox.AccountRequests.enterprise;
import static io.payout.sandbox.AccountRequests.individual;
import static io.payout.sandbox.AccountRequests.listQuery;
import static io.payout.sandbox.AccountRequests.privateCard;
import static io.payout.sandbox.GoldenAnswers.assertGolden;
import static io.payout.sandbox.GoldenAnswers.list;
import static io.payout.sandbox.SandboxFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.sandbox.account.CardHolders;
import io.payout.sandbox.account.ReviewSettings;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Huifu's user account paths over real HTTP and the signed envelope: opening, binding a card with its cash
 * configuration, the seed's rules with their reasons, the review of 对公非同名 cards on the sandbox's clock, the
 * answers' field names against golden JSON written from ACCOUNTS.md, faults, and a bound card a withdrawal then uses.
 */
class AccountPathsIntegrationTest {

    private static final String UPPER = "6666000990000001";
    private static final JsonMapper JSON = GoldenAnswers.JSON;
    private static SandboxFixture fixture;
    private static int people;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.start("66660099", Map.of("sandbox.no-answer-hold", "300ms"));
        // The channel the users belong to: its cash configuration (1.00 + 0.05%) is the users' fee floor.
        fixture.control.createAccount(AccountSpec.standard(UPPER, "0.00", "TUPPER"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @AfterEach
    void reset() {
        fixture.control.clearFaults();
        fixture.control.setAccountReview(ReviewSettings.DEFAULT);
    }

    @Test
    void opensAnIndividualOnceBySerialRefusesASecondOpeningAndFindsItByCertificate() {
        String certNo = newCertNo();
        String serial = serial();
        Map<String, String> request = individual(serial, "张三", certNo);
        request.put("login_name", "zhangsan");
        Merchant.Reply first = post(OPEN_INDIVIDUAL, request);
        assertThat(first.field("resp_code")).as(first.body()).isEqualTo("00000000");
        assertGolden("user-basicdata-indv.json", first);
        String huifuId = first.field("huifu_id");
        assertThat(huifuId).hasSize(18);

        assertThat(post(OPEN_INDIVIDUAL, request).field("huifu_id")).isEqualTo(huifuId);
        Merchant.Reply second = post(OPEN_INDIVIDUAL, individual(serial(), "张三", certNo));
        assertThat(second.field("resp_code")).isEqualTo("90000000");
        assertThat(second.field("resp_desc")).isEqualTo("该证件号已开户");
        assertThat(second.field("huifu_id")).isEqualTo(huifuId);

        Merchant.Reply found = post(LIST_QUERY, listQuery(serial(), certNo));
        assertGolden("user-list-query.json", found);
        assertThat(list(found, "user_list")).singleElement()
                .satisfies(user -> assertThat(user.get("huifu_id").asString()).isEqualTo(huifuId));
        assertThat(list(post(LIST_QUERY, listQuery(serial(), newCertNo())), "user_list")).isEmpty();
    }

    @Test
    void bindsAPrivateCardAtOnceWithItsCashConfigurationAndAWithdrawalUsesTheToken() {
        String certNo = newCertNo();
        String huifuId = openIndividual("李四", certNo);
        Merchant.Reply bound = post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                privateCard("1", "6222020200998877", "李四", certNo),
                List.of(cash("T1", "1.00", "0.05", "2"), cash("D0", "2.00", "0.10", "2"))));
        assertThat(bound.field("resp_code")).as(bound.body()).isEqualTo("00000000");
        assertGolden("user-busi-open.json", bound);
        String tokenNo = bound.field("token_no");
        assertThat(tokenNo).matches("[0-9]{11}");

        Merchant.Reply detail = post(DETAIL_QUERY, byUser(huifuId, serial()));
        assertGolden("user-basicdata-query.json", detail);
        assertThat(list(detail, "qry_cash_card_info_list")).singleElement().satisfies(card -> {
            assertThat(card.get("token_no").asString()).isEqualTo(tokenNo);
            assertThat(card.get("status").asString()).isEqualTo("N");
        });
        assertThat(list(detail, "qry_cash_config_list")).extracting(c -> c.get("cash_type").asString()
                + "/" + c.get("switch_state").asString() + "/" + c.get("out_cash_flag").asString())
                .containsExactlyInAnyOrder("T1/1/2", "D0/1/2");

        fixture.control.credit(huifuId, Amount.parse("100.00"), false);
        fixture.control.credit(huifuId, Amount.parse("30.00"), true);
        // DM may use what arrived before today only (seed): the quota query the orchestrator calls before a DM send.
        assertThat(post(Merchant.DM_QUOTA, Map.of("huifu_id", huifuId)).field("dm_amt")).isEqualTo("100.00");
        Merchant.Reply withdrawal = fixture.merchant.encash(Merchant.withdrawal(huifuId, serial(), "50.00", "T1",
                tokenNo, null));
        assertThat(withdrawal.field("resp_code")).as(withdrawal.body()).isEqualTo("00000000");
    }

    @Test
    void refusesACardTheBankDoesNotKnowForThatPersonWithItsReason() {
        String certNo = newCertNo();
        String huifuId = openIndividual("王五", certNo);
        // A number ending in 0000 belongs to someone else by default.
        assertRefused(post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                privateCard("1", "6222020200110000", "王五", certNo), List.of())),
                "1", "银行卡校验失败:户名、卡号与证件号不一致");
        fixture.control.registerCardHolder("6222020200112299", new CardHolders.Holder("赵六", "110101198001010011"));
        assertRefused(post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                privateCard("1", "6222020200112299", "王五", certNo), List.of())),
                "1", "银行卡校验失败:户名、卡号与证件号不一致");
        assertRefused(post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                corporateCard("0", "31001234567", "王五"), List.of())),
                "1", "个人用户仅支持对私法人结算卡(card_type=1)");
        assertThat(list(post(DETAIL_QUERY, byUser(huifuId, serial())), "qry_cash_card_info_list")).isEmpty();
    }

    @Test
    void aPrivateLegalPersonCardMustBeTheLegalPersons() {
        String legalCertNo = newCertNo();
        String huifuId = openEnterprise("钱七", legalCertNo);
        assertRefused(post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                privateCard("1", "6222020200445566", "孙八", newCertNo()), List.of())),
                "1", "对私法人结算卡持卡人须为法人本人");
        Merchant.Reply bound = post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                privateCard("1", "6222020200445566", "钱七", legalCertNo), List.of()));
        assertThat(bound.field("resp_code")).as(bound.body()).isEqualTo("00000000");
        assertThat(bound.field("token_no")).isNotBlank();
    }

    @Test
    void aFirstOpeningNeedsOneFeeBearerNoFeeBelowTheUppersFloorAndNotBothT1AndD1Settlement() {
        String certNo = newCertNo();
        String huifuId = openIndividual("周九", certNo);
        Map<String, String> card = privateCard("1", "6222020200778899", "周九", certNo);
        Map<String, String> outside = cash("D0", "1.00", "0.05", "1");
        outside.put("out_fee_huifu_id", UPPER);
        assertRefused(post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER, card,
                List.of(cash("T1", "1.00", "0.05", "2"), outside))), "2", "首次开通取现时内扣/外扣须一致");
        assertRefused(post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER, card,
                List.of(cash("T1", "0.50", "0.05", "2")))), "2", "T1取现费率不能低于渠道商/上级商户费率底价1.00+AMT*0.05");

        Map<String, String> bothCycles = businessOpen(huifuId, serial(), UPPER, card, List.of());
        bothCycles.put("settle_config_list", "[{\"settle_cycle\":\"T1\"},{\"settle_cycle\":\"D1\"}]");
        assertRefused(post(BUSINESS_OPEN, bothCycles), "3", "结算周期T1和D1不能同时开通");

        String bound = post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER, card,
                List.of(cash("T1", "1.00", "0.05", "2")))).field("token_no");
        assertThat(bound).isNotBlank();
        // Later, per type, and switched off: allowed by modify.
        Map<String, String> off = cash("T1", "1.00", "0.05", "2");
        off.put("switch_state", "0");
        Merchant.Reply modified = post(BUSINESS_MODIFY, businessModify(huifuId, serial(), null,
                List.of(off, outside)));
        assertThat(modified.field("resp_code")).as(modified.body()).isEqualTo("00000000");
        assertThat(list(post(DETAIL_QUERY, byUser(huifuId, serial())), "qry_cash_config_list"))
                .extracting(c -> c.get("cash_type").asString() + "/" + c.get("switch_state").asString() + "/"
                        + c.get("out_cash_flag").asString() + "/" + c.get("out_cash_huifuid").asString(""))
                .containsExactlyInAnyOrder("T1/0/2/", "D0/1/1/" + UPPER);
    }

    @Test
    void aNonSameNameCorporateCardIsReviewedOnTheSandboxClockThenBound() {
        String huifuId = openEnterprise("吴十", newCertNo());
        Merchant.Reply filed = post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                corporateCard("4", "31009988776655", "另一家公司"), List.of()));
        assertThat(filed.field("resp_code")).as(filed.body()).isEqualTo("00000000");
        assertGolden("user-busi-open-review.json", filed);
        String applyNo = filed.field("apply_no");
        Merchant.Reply reviewing = post(APPLY_QUERY, applyQuery(huifuId, serial(), applyNo));
        assertGolden("user-apply-query.json", reviewing);
        assertThat(reviewing.field("apply_status")).isEqualTo("P");
        assertThat(list(post(DETAIL_QUERY, byUser(huifuId, serial())), "qry_cash_card_info_list")).isEmpty();

        advanceClock(Duration.ofSeconds(61));
        assertThat(post(APPLY_QUERY, applyQuery(huifuId, serial(), applyNo)).field("apply_status")).isEqualTo("Y");
        assertThat(list(post(DETAIL_QUERY, byUser(huifuId, serial())), "qry_cash_card_info_list")).singleElement()
                .satisfies(card -> assertThat(card.get("card_type").asString()).isEqualTo("4"));
    }

    @Test
    void aDecidedReviewIsNoticedSignedToAsyncReturnUrlUntilAcknowledged() {
        String huifuId = openEnterprise("褚十四", newCertNo());
        Map<String, String> request = businessOpen(huifuId, serial(), UPPER,
                corporateCard("4", "31007777888899", "丙公司"), List.of());
        request.put("async_return_url", fixture.receiver.url());
        String applyNo = post(BUSINESS_OPEN, request).field("apply_no");
        // A wrong ack body is no ack (A3.3): Huifu tries again.
        fixture.receiver.answer(NotificationReceiver.Answer.WRONG_BODY);
        advanceClock(Duration.ofSeconds(61));
        List<NotificationReceiver.Received> wronglyAcked = fixture.awaitNotices(request.get("req_seq_id"), 2);
        fixture.receiver.answer(NotificationReceiver.Answer.ACK);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.control.status().idle());

        NotificationReceiver.Received notice = wronglyAcked.get(0);
        assertThat(notice.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(notice.form()).containsOnlyKeys("resp_code", "resp_desc", "sign", "data");
        assertThat(notice.verified()).as("sign over the raw data").isTrue();
        assertThat(notice.field("notify_type")).isEqualTo("A");
        assertThat(notice.field("huifu_id")).isEqualTo(huifuId);
        JsonNode audit = JSON.readTree(notice.field("audit_info"));
        assertThat(audit.get("audit_status").asString()).isEqualTo("Y");
        assertThat(audit.get("apply_no").asString()).isEqualTo(applyNo);
        assertThat(audit.get("resp_business").isArray()).isTrue();
        assertThat(audit.get("token_no").asString()).isEqualTo(list(post(DETAIL_QUERY, byUser(huifuId, serial())),
                "qry_cash_card_info_list").get(0).get("token_no").asString());
        // Every retry repeats the very notice.
        assertThat(fixture.receiver.receivedFor(request.get("req_seq_id")))
                .extracting(received -> received.form().get("data")).containsOnly(notice.form().get("data"));
    }

    @Test
    void withEveryNoticeDroppedTheStatusQueryStillTellsTheOutcome() {
        String huifuId = openEnterprise("卫十五", newCertNo());
        faultsFor(huifuId, new FaultRates(0, 0, 0, 0, 1, 0, 0, 0, 0, 0));
        Map<String, String> request = businessOpen(huifuId, serial(), UPPER,
                corporateCard("4", "31003333444455", "丁公司"), List.of());
        request.put("async_return_url", fixture.receiver.url());
        String applyNo = post(BUSINESS_OPEN, request).field("apply_no");
        advanceClock(Duration.ofSeconds(61));
        assertThat(post(APPLY_QUERY, applyQuery(huifuId, serial(), applyNo)).field("apply_status")).isEqualTo("Y");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.control.status().idle());
        assertThat(fixture.receiver.receivedFor(request.get("req_seq_id"))).isEmpty();
    }

    @Test
    void aReviewMayBeRejectedOrNeverEnd() {
        String huifuId = openEnterprise("郑十一", newCertNo());
        fixture.control.setAccountReview(new ReviewSettings(5, "N", "材料不全", false));
        String rejected = post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                corporateCard("4", "31001111222233", "甲公司"), List.of())).field("apply_no");
        fixture.control.setAccountReview(new ReviewSettings(0, "Y", null, true));
        String endless = post(BUSINESS_OPEN, businessOpen(huifuId, serial(), UPPER,
                corporateCard("4", "31004444555566", "乙公司"), List.of())).field("apply_no");

        advanceClock(Duration.ofDays(3));
        assertThat(post(APPLY_QUERY, applyQuery(huifuId, serial(), rejected)).field("apply_status")).isEqualTo("N");
        assertThat(post(APPLY_QUERY, applyQuery(huifuId, serial(), endless)).field("apply_status")).isEqualTo("P");
        assertThat(list(post(DETAIL_QUERY, byUser(huifuId, serial())), "qry_cash_card_info_list")).isEmpty();
    }

    @Test
    void aLostAnswerLeavesTheBindingDoneOnceAndA5xxLeavesNothingDone() {
        String certNo = newCertNo();
        String huifuId = openIndividual("冯十二", certNo);
        Map<String, String> request = businessOpen(huifuId, serial(), UPPER,
                privateCard("1", "6222020200334455", "冯十二", certNo), List.of(cash("T1", "1.00", "0.05", "2")));

        faultsFor(huifuId, new FaultRates(0, 1, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(post(BUSINESS_OPEN, request).status()).isEqualTo(500);
        fixture.control.clearFaults();
        assertThat(list(post(DETAIL_QUERY, byUser(huifuId, serial())), "qry_cash_card_info_list")).isEmpty();

        faultsFor(huifuId, new FaultRates(1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        Merchant.Reply lost = post(BUSINESS_OPEN, request);
        assertThat(lost.status()).isEqualTo(502);
        fixture.control.clearFaults();
        Merchant.Reply again = post(BUSINESS_OPEN, request);
        assertThat(again.field("resp_code")).as(again.body()).isEqualTo("00000000");
        assertThat(list(post(DETAIL_QUERY, byUser(huifuId, serial())), "qry_cash_card_info_list")).singleElement()
                .satisfies(card -> assertThat(card.get("token_no").asString()).isEqualTo(again.field("token_no")));
    }

    @Test
    void aLostOpeningIsFoundByCertificateAndNotOpenedTwice() {
        String certNo = newCertNo();
        fixture.control.setFaults(FaultSettings.everyone(7L, new FaultRates(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        Map<String, String> request = individual(serial(), "陈十三", certNo);
        assertThat(post(OPEN_INDIVIDUAL, request).status()).isEqualTo(502);
        fixture.control.clearFaults();

        List<JsonNode> found = list(post(LIST_QUERY, listQuery(serial(), certNo)), "user_list");
        assertThat(found).singleElement().satisfies(user ->
                assertThat(user.get("req_seq_id").asString()).isEqualTo(request.get("req_seq_id")));
        assertThat(post(OPEN_INDIVIDUAL, request).field("huifu_id"))
                .isEqualTo(found.get(0).get("huifu_id").asString());
    }

    private static void assertRefused(Merchant.Reply reply, String businessType, String reason) {
        assertThat(reply.field("resp_code")).as(reply.body()).isEqualTo("90000000");
        assertThat(reply.field("resp_desc")).isEqualTo(reason);
        assertThat(list(reply, "resp_business")).singleElement().satisfies(item -> {
            assertThat(item.get("type").asString()).isEqualTo(businessType);
            assertThat(item.get("code").asString()).isEqualTo("F");
            assertThat(item.get("msg").asString()).isEqualTo(reason);
        });
    }

    private static Merchant.Reply post(String path, Map<String, String> data) {
        return fixture.merchant.post(path, data);
    }

    private static String openIndividual(String name, String certNo) {
        Merchant.Reply reply = post(OPEN_INDIVIDUAL, individual(serial(), name, certNo));
        assertThat(reply.field("resp_code")).as(reply.body()).isEqualTo("00000000");
        return reply.field("huifu_id");
    }

    private static String openEnterprise(String legalName, String legalCertNo) {
        Merchant.Reply reply = post(OPEN_ENTERPRISE, enterprise(serial(), legalName + "有限公司",
                "91310000" + legalCertNo.substring(8), legalName, legalCertNo));
        assertThat(reply.field("resp_code")).as(reply.body()).isEqualTo("00000000");
        return reply.field("huifu_id");
    }

    private static void faultsFor(String huifuId, FaultRates rates) {
        fixture.control.setFaults(new FaultSettings(7L, FaultRates.NONE, Map.of(huifuId, rates)));
    }

    private static void advanceClock(Duration by) {
        fixture.control.advanceClock(fixture.control.clock().settlementNow().plus(by));
    }

    private static synchronized String newCertNo() {
        people++;
        return String.format("1101019900%08d", System.nanoTime() % 100_000_000L + people);
    }
}
