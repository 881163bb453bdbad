package io.payout.model.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.ParsedRequest;
import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AccountRequestParserTest {

    private static final String CARD = """
            {"card_type":"1","card_name":"张三丰","card_no":"6222020200112233","prov_id":"310000",
             "area_id":"310100","cert_type":"00","cert_no":"110101199003071234","cert_validity_type":"1",
             "cert_begin_date":"20200101","is_settle_default":"Y"}""";
    private static final String OPEN_USER = """
            {"account_request_id":"acct-1","action":"OPEN_USER","account_kind":"USER",
             "requested_at":"2026-12-01T08:00:00Z",
             "user":{"kind":"INDIVIDUAL","name":"张三丰","cert_no":"110101199003071234","cert_validity_type":"0",
                     "cert_begin_date":"20200101","cert_end_date":"20400101","mobile_no":"13800138000",
                     "not_a_huifu_field":"dropped"},
             "card":%s,
             "cash_config":[{"cash_type":"T1","fix_amt":"1.00"},
                            {"cash_type":"D1","fee_rate":"0.05","weekday_fix_amt":"0.50","weekday_fee_rate":"0.03"}],
             "some_future_field":true}""".formatted(CARD);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountRequestParser parser = new AccountRequestParser();

    @Test
    void readsAUserOpeningWithItsHolderCardAndCashConfiguration() {
        var parsed = parse(OPEN_USER);

        assertThat(parsed.errors()).isEmpty();
        AccountRequested request = parsed.request();
        assertThat(request.action()).isEqualTo(AccountAction.OPEN_USER);
        assertThat(request.huifuId()).isNull();
        assertThat(request.holder().kind()).isEqualTo(HolderKind.INDIVIDUAL);
        assertThat(request.holder().fields()).containsEntry("name", "张三丰").containsEntry("cert_type", "00")
                .containsEntry("cert_end_date", "20400101").doesNotContainKey("not_a_huifu_field");
        assertThat(request.holder().certNo()).isEqualTo("110101199003071234");
        assertThat(request.card().cardType()).isEqualTo(CardType.PRIVATE_LEGAL_PERSON);
        assertThat(request.card().settleDefault()).isTrue();
        assertThat(request.cashConfig()).hasSize(2);
        CashConfig d1 = request.cashConfig().get(1);
        assertThat(d1.cashType()).isEqualTo(IntoAcctDateType.D1);
        assertThat(d1.switchedOn()).isNull();
        assertThat(d1.feeRate()).isEqualByComparingTo("0.05");
        assertThat(d1.weekdayFixAmt()).isEqualTo(Amount.parse("0.50"));
        assertThat(d1.effectiveFeeBearer()).isEqualTo(FeeBearer.INTERNAL);
    }

    @Test
    void neverPrintsCardNumbersCertificateNumbersOrNames() {
        String printed = parse(OPEN_USER).request().toString();

        assertThat(printed).doesNotContain("6222020200112233").doesNotContain("110101199003071234")
                .doesNotContain("张三丰").doesNotContain("13800138000").contains("****2233");
    }

    @Test
    void readsAMerchantsCardChangeWithItsSmsCodeAndAConsentCheckInstead() {
        var bySms = parse("""
                {"account_request_id":"a-2","action":"BIND_CARD","account_kind":"MERCHANT",
                 "huifu_id":"6666000123456789","verify_code":"123456","card":{"card_type":"0",
                 "card_name":"上海某某有限公司","card_no":"31050161393600000001","prov_id":"310000","area_id":"310100",
                 "branch_code":"105290061008"}}""");
        var byConsent = parse("""
                {"account_request_id":"a-3","action":"BIND_CARD","account_kind":"MERCHANT",
                 "huifu_id":"6666000123456789","authentication_type":"1","authentication_person_type":"1",
                 "authentication_person_mobile":"13800138000","card":{"card_type":"0","card_no":"31050161393600000001",
                 "prov_id":"310000","area_id":"310100","branch_code":"105290061008"}}""");

        assertThat(bySms.errors()).isEmpty();
        assertThat(bySms.request().authorization().bySmsCode()).isTrue();
        assertThat(byConsent.errors()).isEmpty();
        assertThat(byConsent.request().authorization().bySmsCode()).isFalse();
        assertThat(byConsent.request().authorization().personMobile()).isEqualTo("13800138000");
    }

    @Test
    void readsACashConfigurationChangeWithSwitchStates() {
        var parsed = parse("""
                {"account_request_id":"a-4","action":"SET_CASH_CONFIG","account_kind":"USER",
                 "huifu_id":"6666000123456789","cash_config":[{"cash_type":"D0","switch_state":"0"},
                 {"cash_type":"DM","switch_state":"1","fee_rate":"0.10","out_fee_flag":"1",
                  "out_fee_huifu_id":"6666000100000000"}]}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.request().cashConfig()).extracting(CashConfig::switchedOn).containsExactly(false, true);
        assertThat(parsed.request().cashConfig().get(1).feeBearer()).isEqualTo(FeeBearer.EXTERNAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFRESH", "SEND_VERIFY_CODE"})
    void readsActionsThatNameOnlyTheAccount(String action) {
        var parsed = parse("""
                {"account_request_id":"a-5","action":"%s","account_kind":"MERCHANT","huifu_id":"6666000123456789"}"""
                .formatted(action));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.request().huifuId()).isEqualTo("6666000123456789");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            huifu_id on an opening            | "huifu_id":"6666000123456789"                | huifu_id
            a merchant opened as a user       | "account_kind":"MERCHANT"                    | account_kind
            an individual with a corporate card | "card":{"card_type":"0","card_no":"31050161393600000001","prov_id":"310000","area_id":"310100","branch_code":"105290061008"} | card
            cash configuration without a card | "card":null                                  | card
            switch_state on an opening        | "cash_config":[{"cash_type":"T1","switch_state":"1","fix_amt":"1.00"}] | cash_config[0].switch_state
            a cash type listed twice          | "cash_config":[{"cash_type":"T1","fix_amt":"1.00"},{"cash_type":"T1","fee_rate":"0.1"}] | cash_config[1]
            a cash type without a fee         | "cash_config":[{"cash_type":"T1"}]           | cash_config[0].fix_amt
            a working-day fee on T1           | "cash_config":[{"cash_type":"T1","fix_amt":"1.00","weekday_fix_amt":"0.50"}] | cash_config[0].weekday_fix_amt
            a rate over 100 %                 | "cash_config":[{"cash_type":"T1","fee_rate":"100.01"}] | cash_config[0].fee_rate
            a fixed fee over Huifu's six characters | "cash_config":[{"cash_type":"T1","fix_amt":"1000.00"}] | cash_config[0].fix_amt
            fee bearers that differ at opening | "cash_config":[{"cash_type":"T1","fix_amt":"1.00","out_fee_flag":"1","out_fee_huifu_id":"6666000100000000"},{"cash_type":"D0","fix_amt":"1.00"}] | cash_config
            外扣 without the paying account  | "cash_config":[{"cash_type":"T1","fix_amt":"1.00","out_fee_flag":"1"}] | cash_config[0].out_fee_huifu_id
            a user without a holder           | "user":null                                  | user
            a certificate end date that is no date | "user":{"kind":"INDIVIDUAL","name":"张三","cert_no":"1101","cert_validity_type":"0","cert_begin_date":"20200101","cert_end_date":"20401301","mobile_no":"13800138000"} | user.cert_end_date
            a holder of an unknown kind       | "user":{"kind":"PARTNERSHIP"}                | user.kind
            """)
    void rejectsAnOpeningThatBreaksARule(String what, String change, String field) {
        var parsed = parse(withField(OPEN_USER, change));

        assertThat(parsed.valid()).as(what).isFalse();
        assertThat(parsed.reasonCode()).isEqualTo(RejectionReason.VALIDATION_FAILED);
        assertThat(parsed.errors()).extracting(FieldError::field).as(what).contains(field);
    }

    @Test
    void namesEveryErrorOfACardAtOnce() {
        var parsed = parse("""
                {"account_request_id":"a-6","action":"BIND_CARD","account_kind":"USER","huifu_id":"6666000123456789",
                 "card":{"card_type":"2","card_no":"62-22","prov_id":"31","area_id":"310100"}}""");

        assertThat(parsed.errors()).extracting(FieldError::field).contains("card.card_name", "card.card_no",
                "card.prov_id", "card.cert_no", "card.cert_validity_type", "card.cert_begin_date");
        assertThat(parsed.errors()).extracting(FieldError::message).noneMatch(m -> m.contains("62-22"));
    }

    @Test
    void refusesAMerchantCardChangeWithoutAuthorisationAndAVerifyCodeForAUser() {
        var merchant = parse("""
                {"account_request_id":"a-7","action":"BIND_CARD","account_kind":"MERCHANT","huifu_id":"666600012345",
                 "card":{"card_type":"0","card_no":"31050161393600000001","prov_id":"310000","area_id":"310100",
                 "branch_code":"105290061008"}}""");
        var user = parse("""
                {"account_request_id":"a-8","action":"SEND_VERIFY_CODE","account_kind":"USER","huifu_id":"666600012"}""");

        assertThat(merchant.errors()).extracting(FieldError::field).containsExactly("verify_code");
        assertThat(user.errors()).extracting(FieldError::field).containsExactly("account_kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"action\":\"REFRESH\",\"action\":\"REFRESH\"}"})
    void unreadableValuesAreMalformed(String value) {
        var parsed = parse(value);

        assertThat(parsed.reasonCode()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(parsed.errors()).isNotEmpty();
    }

    @Test
    void keepsTheRequestIdOfAnInvalidRequestForTheRejectionsKey() {
        var parsed = parse("{\"account_request_id\":\"a-9\",\"action\":\"CLOSE\",\"account_kind\":\"USER\"}");

        assertThat(parsed.id()).isEqualTo("a-9");
        assertThat(parsed.errors()).extracting(FieldError::field).contains("action");
    }

    private ParsedRequest<AccountRequested> parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The request with one top-level field replaced (or added). */
    private static String withField(String request, String field) {
        ObjectNode root = (ObjectNode) JSON.readTree(request);
        JSON.readTree("{" + field + "}").properties().forEach(entry -> root.set(entry.getKey(), entry.getValue()));
        return JSON.writeValueAsString(root);
    }
}
