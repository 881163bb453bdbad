package io.payout.sandbox;

import static io.payout.sandbox.AccountRequests.APPLY_QUERY;
import static io.payout.sandbox.AccountRequests.BUSINESS_OPEN;
import static io.payout.sandbox.AccountRequests.DETAIL_QUERY;
import static io.payout.sandbox.AccountRequests.OPEN_ENTERPRISE;
import static io.payout.sandbox.AccountRequests.OPEN_INDIVIDUAL;
import static io.payout.sandbox.AccountRequests.applyQuery;
import static io.payout.sandbox.AccountRequests.businessOpen;
import static io.payout.sandbox.AccountRequests.byUser;
import static io.payout.sandbox.AccountRequests.cash;
import static io.payout.sandbox.AccountRequests.corporateCard;
import static io.payout.sandbox.AccountRequests.enterprise;
import static io.payout.sandbox.AccountRequests.individual;
import static io.payout.sandbox.AccountRequests.privateCard;
import static io.payout.sandbox.SandboxFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.AccountSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code sandbox.state-dir}, users, cards, cash configuration, pending reviews and answers by serial made
 * through Huifu's account paths come back after a restart like the rest of the state, and a withdrawal uses them.
 */
class AccountRestartIntegrationTest {

    private static final String UPPER = "6666000980000001";

    @TempDir
    Path stateDir;

    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void accountsMadeThroughHuifusPathsSurviveARestart() {
        start();
        sandbox.control().createAccount(AccountSpec.standard(UPPER, "0.00", "TUPPER98"));
        String certNo = "110101198805050098";
        Map<String, String> opening = individual(serial(), "蒋十六", certNo);
        String person = post(OPEN_INDIVIDUAL, opening).field("huifu_id");
        Map<String, String> binding = businessOpen(person, serial(), UPPER,
                privateCard("1", "6222020200980098", "蒋十六", certNo), List.of(cash("D0", "1.00", "0.05", "2")));
        Merchant.Reply bound = post(BUSINESS_OPEN, binding);
        String tokenNo = bound.field("token_no");
        String company = post(OPEN_ENTERPRISE, enterprise(serial(), "沈氏有限公司", "913100000000009898", "沈十七",
                "110101197707070098")).field("huifu_id");
        String applyNo = post(BUSINESS_OPEN, businessOpen(company, serial(), UPPER,
                corporateCard("4", "31009898989898", "韩公司"), List.of())).field("apply_no");
        String detailBefore = post(DETAIL_QUERY, byUser(person, "Q1")).field("qry_cash_card_info_list");

        sandbox.close();
        start();

        assertThat(post(OPEN_INDIVIDUAL, opening).field("huifu_id")).isEqualTo(person);
        assertThat(post(BUSINESS_OPEN, binding).field("token_no")).isEqualTo(tokenNo);
        assertThat(post(DETAIL_QUERY, byUser(person, "Q2")).field("qry_cash_card_info_list")).isEqualTo(detailBefore);
        assertThat(post(APPLY_QUERY, applyQuery(company, serial(), applyNo)).field("apply_status")).isEqualTo("P");
        sandbox.control().advanceClock(sandbox.control().clock().settlementNow().plus(Duration.ofSeconds(61)));
        assertThat(post(APPLY_QUERY, applyQuery(company, serial(), applyNo)).field("apply_status")).isEqualTo("Y");

        sandbox.control().credit(person, Amount.parse("20.00"), false);
        Merchant.Reply withdrawal = merchant().encash(Merchant.withdrawal(person, serial(), "10.00", "D0", tokenNo,
                null));
        assertThat(withdrawal.field("resp_code")).as(withdrawal.body()).isEqualTo("00000000");
    }

    private Merchant.Reply post(String path, Map<String, String> data) {
        return merchant().post(path, data);
    }

    private Merchant merchant() {
        return new Merchant(sandbox);
    }

    private void start() {
        sandbox = SandboxServer.start(Map.of(
                "sandbox.merchant-public-key", Merchant.merchantPublicKey(),
                "sandbox.huifu-private-key", SandboxFixture.HUIFU_PRIVATE_KEY,
                "sandbox.state-dir", stateDir.toString()));
    }
}
