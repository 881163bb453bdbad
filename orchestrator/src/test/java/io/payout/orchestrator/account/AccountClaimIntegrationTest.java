package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountRequestParser;
import io.payout.model.account.AccountRequested;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.e2e.HuifuStack;
import io.payout.orchestrator.huifu.Huifu;
import io.payout.testkit.AccountRequestJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance that lost its claim on an application (frozen or paused past its lease, and another instance took the
 * application over) sends nothing: with its own serial beside the new holder's, Huifu would open the person once and
 * refuse the other opening, and the refusal could end the request as REJECTED although the user was opened.
 * Steps run here by hand (the worker is off), against the sandbox through the real broker and database.
 */
class AccountClaimIntegrationTest {

    private static HuifuStack stack;

    @BeforeAll
    static void start() {
        stack = new HuifuStack(Map.of(), Map.of("orchestrator.accounts.worker-enabled", false));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aStepWhoseClaimWasTakenOverSendsNothingAndTheNewHolderOpensThePersonOnce() {
        String id = "claim-1";
        String json = AccountRequestJson.openIndividual(id, "租约甲", "110101199003071234", "6222020212345671",
                "T1");
        stack.orchestrator.sendAccountRequest(id, json);
        AccountApplications applications = stack.orchestrator.bean(AccountApplications.class);
        await().atMost(OrchestratorHarness.WAIT).until(() -> applications.find(id).isPresent());
        AccountsProperties properties = stack.orchestrator.bean(AccountsProperties.class);
        AccountSteps steps = new AccountSteps(stack.orchestrator.bean(Huifu.class), applications,
                new KeyedHashes(properties.hashKey()), properties);
        AccountRequested request = new AccountRequestParser().parse(json.getBytes(StandardCharsets.UTF_8)).request();

        Instant now = Instant.now();
        AccountApplication frozen = claim(applications, now, id);
        // its lease runs out while the instance is frozen: another one claims the application
        Instant later = now.plus(properties.lease()).plusSeconds(1);
        AccountApplication takenOver = claim(applications, later, id);
        assertThat(takenOver.leaseUntil()).isAfter(frozen.leaseUntil());

        assertThatThrownBy(() -> steps.run(frozen, request, now)).isInstanceOf(LeaseLost.class);
        assertThat(applications.find(id).orElseThrow().sent()).as("no serial recorded as sent").isFalse();
        assertThat(applications.find(id).orElseThrow().reqSeqId()).isNull();

        Progress opened = steps.run(takenOver, request, later);
        assertThat(opened.announcements()).extracting(Progress.Announcement::change)
                .as("opened, not refused as a person who already has a user").containsExactly(AccountChange.OPENED);
        assertThat(opened.huifuId()).startsWith("6666");
        assertThat(stack.control().account(opened.huifuId())).isNotNull();
    }

    private static AccountApplication claim(AccountApplications applications, Instant now, String id) {
        return applications.claimDue(now, stack.orchestrator.bean(AccountsProperties.class).lease(), 100).stream()
                .filter(a -> a.accountRequestId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not claimed at " + now));
    }
}
