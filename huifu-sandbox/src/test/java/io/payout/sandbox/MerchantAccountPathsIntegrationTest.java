package io.payout.sandbox;

import static io.payout.sandbox.AccountRequests.MERCHANT_DETAIL_QUERY;
import static io.payout.sandbox.AccountRequests.MERCHANT_MODIFY;
import static io.payout.sandbox.AccountRequests.MERCHANT_STATUS_QUERY;
import static io.payout.sandbox.AccountRequests.SMS_SEND;
import static io.payout.sandbox.AccountRequests.applyQuery;
import static io.payout.sandbox.AccountRequests.byUser;
import static io.payout.sandbox.AccountRequests.cash;
import static io.payout.sandbox.AccountRequests.merchantModify;
import static io.payout.sandbox.AccountRequests.privateCard;
import static io.payout.sandbox.AccountRequests.smsSend;
import static io.payout.sandbox.GoldenAnswers.assertGolden;
import static io.payout.sandbox.GoldenAnswers.list;
import static io.payout.sandbox.SandboxFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;

import io.payout.sandbox.account.ReviewSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's card change through Huifu's merchant paths: the SMS code of {@code sms/send}, {@code basicdata/modify},
 * completed through the status query, the detail query's lists (golden field names, the merchant's
 * {@code out_fee_huifuid}), and mer_stat.
 */
class MerchantAccountPathsIntegrationTest {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.start("66660097", Map.of());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @AfterEach
    void reset() {
        fixture.control.setAccountReview(ReviewSettings.DEFAULT);
    }

    @Test
    void aCardChangeWithTheSmsCodeCompletesThroughTheStatusQueryAndAWithdrawalUsesTheNewCard() {
        String merchant = fixture.newAccount("500.00");
        Merchant.Reply sent = post(SMS_SEND, smsSend(merchant, serial()));
        assertGolden("merchant-sms-send.json", sent);
        Map<String, String> card = privateCard("1", "6222020200971234", "商户法人", "110101198001010097");
        card.put("verify_code", fixture.control.smsCode(merchant));
        Merchant.Reply filed = post(MERCHANT_MODIFY, merchantModify(merchant, serial(), card, List.of()));
        assertGolden("merchant-basicdata-modify.json", filed);
        String applyNo = filed.field("apply_no");

        Merchant.Reply reviewing = post(MERCHANT_STATUS_QUERY, applyQuery(merchant, serial(), applyNo));
        assertGolden("merchant-status-query.json", reviewing);
        assertThat(reviewing.field("apply_status")).isEqualTo("P");
        assertThat(reviewing.field("change_settle_state")).isEqualTo("P");
        fixture.control.advanceClock(fixture.control.clock().settlementNow().plus(Duration.ofSeconds(61)));
        Merchant.Reply done = post(MERCHANT_STATUS_QUERY, applyQuery(merchant, serial(), applyNo));
        assertThat(done.field("apply_status")).isEqualTo("Y");
        assertThat(done.field("bind_card_status")).isEqualTo("S");
        assertThat(done.field("change_settle_state")).isEqualTo("S");

        Merchant.Reply detail = post(MERCHANT_DETAIL_QUERY, byUser(merchant, serial()));
        assertGolden("merchant-basicdata-query.json", detail);
        List<JsonNode> cards = list(detail, "qry_cash_card_info_list");
        assertThat(cards).hasSize(2);
        String newToken = cards.stream().filter(c -> c.get("card_no").asString().equals("6222020200971234"))
                .findFirst().orElseThrow().get("token_no").asString();
        Merchant.Reply withdrawal = fixture.merchant.encash(Merchant.withdrawal(merchant, serial(), "10.00", "D0",
                newToken, null));
        assertThat(withdrawal.field("resp_code")).as(withdrawal.body()).isEqualTo("00000000");
    }

    @Test
    void aCardChangeWithoutTheRightCodeIsRefusedAndCashConfigurationAppliesAtOnce() {
        String merchant = fixture.newAccount("100.00");
        post(SMS_SEND, smsSend(merchant, serial()));
        Map<String, String> card = privateCard("1", "6222020200975678", "商户法人", "110101198001010097");
        card.put("verify_code", "000000".equals(fixture.control.smsCode(merchant)) ? "111111" : "000000");
        Merchant.Reply refused = post(MERCHANT_MODIFY, merchantModify(merchant, serial(), card, List.of()));
        assertThat(refused.field("resp_code")).isEqualTo("90000000");
        assertThat(refused.field("resp_desc")).isEqualTo("短信验证码错误或已失效");

        Map<String, String> off = cash("D0", "1.00", "0.05", "1");
        off.put("switch_state", "0");
        off.put("out_fee_huifu_id", merchant);
        Merchant.Reply modified = post(MERCHANT_MODIFY, merchantModify(merchant, serial(), null, List.of(off)));
        assertThat(modified.field("resp_code")).as(modified.body()).isEqualTo("00000000");
        assertThat(post(MERCHANT_STATUS_QUERY, applyQuery(merchant, serial(), modified.field("apply_no")))
                .field("apply_status")).isEqualTo("Y");
        assertThat(list(post(MERCHANT_DETAIL_QUERY, byUser(merchant, serial())), "qry_cash_config_list"))
                .filteredOn(c -> c.get("cash_type").asString().equals("D0")).singleElement().satisfies(c -> {
                    assertThat(c.get("switch_state").asString()).isEqualTo("0");
                    assertThat(c.get("out_fee_huifuid").asString()).isEqualTo(merchant);
                });
        Merchant.Reply withdrawal = fixture.merchant.encash(Merchant.withdrawal(merchant, serial(), "10.00", "D0",
                SandboxFixture.token(merchant), null));
        assertThat(withdrawal.field("resp_code")).isNotEqualTo("00000000");
    }

    @Test
    void merStatIsWhatTheControlApiSet() {
        String merchant = fixture.newAccount("0.00");
        fixture.control.setMerStat(merchant, "FREEZEWITHDRAWAL");
        assertThat(post(MERCHANT_DETAIL_QUERY, byUser(merchant, serial())).field("mer_stat"))
                .isEqualTo("FREEZEWITHDRAWAL");
    }

    private static Merchant.Reply post(String path, Map<String, String> data) {
        return fixture.merchant.post(path, data);
    }
}
