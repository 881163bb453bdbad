package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.CashConfigEntry;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Detail-query answers written from ACCOUNTS.md A7's tables, read into the registry's facts. */
class DetailQueryFactsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HUIFU_ID = "6666000123456789";
    private static final KeyedHashes HASHES = new KeyedHashes(Base64.getEncoder().encodeToString(new byte[32]));

    /** The merchant query: both lists as JSON-array strings, out_fee_huifuid as the merchant page names it. */
    private static final String MERCHANT_ANSWER = """
            {"resp_code":"00000000","resp_desc":"成功","huifu_id":"6666000123456789","mer_stat":"FREEZEWITHDRAWAL",
             "qry_cash_card_info_list":"[{\\"card_type\\":\\"0\\",\\"card_name\\":\\"上海某某有限公司\\",\\"card_no\\":\\"31050161393600000001\\",\\"status\\":\\"N\\",\\"token_no\\":\\"10004053462\\",\\"is_settle_default\\":\\"Y\\"},{\\"card_type\\":\\"1\\",\\"card_no\\":\\"6222020200112233\\",\\"status\\":\\"C\\",\\"token_no\\":\\"10004050001\\",\\"is_settle_default\\":\\"N\\"}]",
             "qry_cash_config_list":"[{\\"cash_type\\":\\"T1\\",\\"switch_state\\":\\"1\\",\\"fix_amt\\":\\"1.00\\",\\"fee_rate\\":\\"0.05\\"},{\\"cash_type\\":\\"D1\\",\\"switch_state\\":\\"0\\",\\"fix_amt\\":\\"2\\",\\"weekday_fix_amt\\":\\"0.5\\",\\"weekday_fee_rate\\":\\"0.03\\",\\"out_cash_flag\\":\\"1\\",\\"out_fee_huifuid\\":\\"6666000100000000\\"},{\\"cash_type\\":\\"X9\\",\\"switch_state\\":\\"1\\"}]"}""";

    private static AccountFacts read(String answer, AccountKind kind) {
        JsonNode data = JSON.readTree(answer);
        return DetailQueryFacts.from(HUIFU_ID, kind, data, HASHES);
    }

    @Test
    void readsTheCardsMaskedWithTheirTokensStatusAndDefault() {
        AccountFacts facts = read(MERCHANT_ANSWER, AccountKind.MERCHANT);

        assertThat(facts.cards()).containsExactly(
                new KnownCard("10004053462", "****0001", HASHES.ofCardNo("31050161393600000001"), "0", true, true),
                new KnownCard("10004050001", "****2233", HASHES.ofCardNo("6222020200112233"), "1", false, false));
        assertThat(facts.merStat()).isEqualTo("FREEZEWITHDRAWAL");
    }

    @Test
    void readsTheCashConfigurationInTheRequestsNamesAndSkipsTypesThatAreNoWithdrawalType() {
        AccountFacts facts = read(MERCHANT_ANSWER, AccountKind.MERCHANT);

        assertThat(facts.cashConfig()).containsExactly(
                new CashConfigEntry(IntoAcctDateType.T1, "1", Amount.parse("1.00"), "0.05", null, null, null, null),
                new CashConfigEntry(IntoAcctDateType.D1, "0", Amount.parse("2.00"), null, Amount.parse("0.50"),
                        "0.03", "1", "6666000100000000"));
    }

    @Test
    void theUserQueryNamesTheFeePayerOutCashHuifuidAndMaySendNativeArrays() {
        AccountFacts facts = read("""
                {"huifu_id":"6666000123456789",
                 "qry_cash_card_info_list":[{"card_type":"1","card_no":"6222****2233","status":"N",
                                             "token_no":"10004053462","is_settle_default":"Y"}],
                 "qry_cash_config_list":[{"cash_type":"DM","switch_state":"1","fee_rate":"0.10",
                                          "out_cash_flag":"1","out_cash_huifuid":"6666000100000000"}]}""",
                AccountKind.USER);

        // a number Huifu already masked is kept masked and not hashed: its hash would match nothing
        assertThat(facts.cards()).containsExactly(new KnownCard("10004053462", "****2233", null, "1", true, true));
        assertThat(facts.cashConfig()).singleElement()
                .satisfies(entry -> assertThat(entry.outFeeHuifuId()).isEqualTo("6666000100000000"));
        assertThat(facts.merStat()).isNull();
    }

    @Test
    void whatTheAnswerLacksOrCannotBeReadStaysUnknown() {
        AccountFacts absent = read("{\"huifu_id\":\"6666000123456789\"}", AccountKind.USER);
        AccountFacts unreadable = read("""
                {"qry_cash_card_info_list":"not json","qry_cash_config_list":"[{\\"cash_type\\":\\"T1\\",\\"fix_amt\\":\\"1.005\\"}]"}""",
                AccountKind.USER);

        assertThat(absent.cards()).isNull();
        assertThat(absent.cashConfig()).isNull();
        assertThat(unreadable.cards()).isNull();
        assertThat(unreadable.cashConfig()).isNull();
    }

    @Test
    void anEmptyListIsKnownEmpty() {
        AccountFacts facts = read("""
                {"qry_cash_card_info_list":"[]","qry_cash_config_list":"[]"}""", AccountKind.USER);

        assertThat(facts.cards()).isEmpty();
        assertThat(facts.cashConfig()).isEmpty();
    }
}
