package io.payout.orchestrator.e2e;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.ops.OperationsClient;
import io.payout.orchestrator.reconciliation.statement.StatementFetcher;
import io.payout.orchestrator.reconciliation.statement.StatementFetches;
import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.statement.ElsewhereWithdrawal;
import io.payout.sandbox.statement.RowOverride;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Huifu's withdrawal statement reconciled through the whole stack: withdrawals requested on the broker, paid by the
 * sandbox, the statement queried, downloaded from the sandbox and matched by the orchestrator on its database, the
 * breaks explained through the operations API. The sandbox's settlement clock runs in real time and is moved to
 * 10:30 of each next day to make that day's statement due.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementReconciliationEndToEndIntegrationTest {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String OPS_TOKEN = "ops-secret-for-statements";
    private static final String TOKEN = "10004053462";
    private static final String ACCOUNT = "6666000000000301";
    private static final String FAILING_TASK = "6666000000000302";
    private static final List<String> IDS = List.of("stmt-ok", "stmt-amount", "stmt-fee", "stmt-status",
            "stmt-missing");

    private static HuifuStack stack;
    private static OperationsClient ops;
    private static LocalDate tradeDay;

    @BeforeAll
    static void theDaysWithdrawals() {
        // retries as soon as asked: the query limit, not the interval, is under test
        stack = new HuifuStack(Map.of("sandbox.time-compression", 1), Map.of("orchestrator.ops.token", OPS_TOKEN,
                "orchestrator.statement.retry-interval", "1ms"));
        ops = new OperationsClient(stack.orchestrator.server().baseUrl(), OPS_TOKEN);
        stack.control().createAccount(AccountSpec.standard(ACCOUNT, "10000.00", TOKEN));
        stack.control().createAccount(AccountSpec.standard(FAILING_TASK, "10000.00", TOKEN));
        tradeDay = LocalDate.parse(SerialNumbers.reqDate(Clock.systemUTC().instant()), YYYYMMDD);
        for (String id : IDS) {
            stack.orchestrator.sendRequest(id, request(id, ACCOUNT, "100.00", "D0"));
        }
        stack.orchestrator.sendRequest("stmt-replayed", request("stmt-replayed", FAILING_TASK, "50.00", "D0"));
        await().atMost(Duration.ofSeconds(60)).until(() -> allSucceeded());
    }

    private static boolean allSucceeded() {
        List<String> all = new ArrayList<>(IDS);
        all.add("stmt-replayed");
        return all.stream().allMatch(id -> stack.orchestrator.withdrawal(id)
                .map(w -> w.status() == WithdrawalStatus.SUCCEEDED && w.feeAmt() != null).orElse(false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void eachKindOfBreakIsFoundOnceWithItsClass() {
        Withdrawal amount = withdrawal("stmt-amount");
        Withdrawal fee = withdrawal("stmt-fee");
        stack.control().withdrawElsewhere(new ElsewhereWithdrawal(ACCOUNT, Amount.parse("88.00"), null,
                "ELSEWHERE1", null, null));
        stack.control().alterStatementRow(ACCOUNT, amount.reqSeqId(), RowOverride.cashAmt("100.01"));
        stack.control().alterStatementRow(ACCOUNT, fee.reqSeqId(),
                RowOverride.feeAmt(fee.feeAmt().plus(Amount.parse("1.00")).toString()));
        stack.control().alterStatementRow(ACCOUNT, withdrawal("stmt-status").reqSeqId(), RowOverride.transStatus("F"));
        stack.control().alterStatementRow(ACCOUNT, withdrawal("stmt-missing").reqSeqId(), RowOverride.omitted());
        stack.control().failStatementTask(FAILING_TASK, day(1));

        // the day's statement is due; the unlisted serial is carried, since Huifu may list it a day later
        makeDue(1);
        JsonNode first = rerun(day(0));
        assertThat(run(first, ACCOUNT).get("state").asString()).isEqualTo("MATCHED");
        assertThat(run(first, ACCOUNT).get("rows").asLong()).isEqualTo(5);
        assertThat(classesOf(day(0))).containsExactlyInAnyOrder(
                "UNKNOWN_TO_US ELSEWHERE1", "AMOUNT_MISMATCH " + amount.reqSeqId(),
                "FEE_MISMATCH " + fee.reqSeqId(), "STATUS_MISMATCH " + withdrawal("stmt-status").reqSeqId());

        // two days later, still not listed: missing at Huifu, once
        makeDue(2);
        rerun(day(1));
        assertThat(breaks(day(1)).get("no_breaks").asBoolean()).isTrue();
        assertThat(ops.get("/api/reconciliation/" + day(1) + "/breaks?format=csv").text(200))
                .contains("no breaks on " + day(1));
        makeDue(3);
        rerun(day(2));
        assertThat(classesOf(day(2))).containsExactly("MISSING_AT_HUIFU " + withdrawal("stmt-missing").reqSeqId());
        assertThat(OperationsClient.anonymous(stack.orchestrator.server().baseUrl()).get("/actuator/prometheus")
                .text(200)).contains("statement_breaks_open").contains("statement_fetch_failures_total");
    }

    @Test
    @Order(2)
    void aFailedTaskIsReplayedAndItsStatementFetchedWithinThreeQueries() {
        // the first run found the task failed and asked for a replay: two queries
        JsonNode replayed = statementOf(day(0), FAILING_TASK);
        assertThat(replayed.get("state").asString()).isEqualTo("WAITING");
        assertThat(replayed.get("detail").asString()).contains("replay requested");
        assertThat(replayed.get("queries").asInt()).isEqualTo(2);
        assertThat(breaks(day(0)).get("reconciled").asBoolean()).isFalse();

        JsonNode fetched = run(rerun(day(0)), FAILING_TASK);

        assertThat(fetched.get("state").asString()).isEqualTo("MATCHED");
        assertThat(fetched.get("breaks_found").asInt()).isZero();
        JsonNode statement = statementOf(day(0), FAILING_TASK);
        assertThat(statement.get("queries").asInt()).isEqualTo(3);
        assertThat(breaks(day(0)).get("reconciled").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void explainedBreaksAreNotRaisedAgainByTheNextRuns() {
        for (String date : List.of(day(0), day(2))) {
            for (JsonNode b : breaks(date).get("breaks")) {
                ops.post("/api/reconciliation/" + date + "/breaks/" + b.get("id").asLong() + "/explain",
                        "{\"actor\":\"ops-li\",\"reason\":\"checked with Huifu's statement desk\"}").json(200);
            }
            assertThat(breaks(date).get("open").asLong()).isZero();
        }

        for (String date : List.of(day(0), day(1), day(2))) {
            for (JsonNode account : rerun(date)) {
                assertThat(account.get("breaks_raised").asInt()).as(date + " " + account).isZero();
            }
        }

        assertThat(breaks(day(0)).get("breaks")).hasSize(4).allMatch(b -> !b.get("open").asBoolean()
                && b.get("explained_by").asString().equals("ops-li"));
        assertThat(breaks(day(2)).get("breaks")).hasSize(1).allMatch(b -> !b.get("open").asBoolean());
        // a re-run matched the stored file: Huifu was not asked again
        assertThat(statementOf(day(0), ACCOUNT).get("queries").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theJobQueriesAnAccountAtMostThreeTimesForAFileDateAcrossARestart() {
        // not due on the sandbox's clock: every query answers task_stat P
        String notDue = day(5);
        StatementFetcher job = stack.orchestrator.bean(StatementFetcher.class);
        for (int query = 1; query <= 3; query++) {
            assertThat(job.attempt(ACCOUNT, notDue)).as("query " + query).isPresent();
        }
        assertThat(job.attempt(ACCOUNT, notDue)).isEmpty();
        assertThat(OperationsClient.anonymous(stack.orchestrator.server().baseUrl()).get("/actuator/prometheus")
                .text(200)).contains("statement_fetch_failures_total 1.0");

        stack.orchestrator.restart();

        assertThat(stack.orchestrator.bean(StatementFetcher.class).attempt(ACCOUNT, notDue)).isEmpty();
        StatementFetches.Fetch fetch = stack.orchestrator.bean(StatementFetches.class).find(ACCOUNT, notDue)
                .orElseThrow();
        assertThat(fetch.queries()).isEqualTo(3);
        assertThat(fetch.state()).isEqualTo(StatementFetches.State.GAVE_UP);
        assertThat(fetch.detail()).contains("task_stat [P]");
    }

    private static Withdrawal withdrawal(String id) {
        return stack.orchestrator.withdrawal(id).orElseThrow();
    }

    private static String day(int daysAfterTrade) {
        return tradeDay.plusDays(daysAfterTrade).format(YYYYMMDD);
    }

    /** Moves the settlement clock past 10:30 Beijing of {@code daysAfterTrade} days after the trade day. */
    private static void makeDue(int daysAfterTrade) {
        stack.control().advanceClock(tradeDay.plusDays(daysAfterTrade).atTime(LocalTime.of(10, 31))
                .atZone(SerialNumbers.BEIJING).toInstant());
    }

    private static JsonNode rerun(String date) {
        return ops.post("/api/reconciliation/" + date + "/statement", null).json(200);
    }

    private static JsonNode run(JsonNode runs, String huifuId) {
        for (JsonNode run : runs) {
            if (run.get("huifu_id").asString().equals(huifuId)) {
                return run;
            }
        }
        throw new AssertionError("no run for " + huifuId + ": " + runs);
    }

    private static JsonNode breaks(String date) {
        return ops.get("/api/reconciliation/" + date + "/breaks").json(200);
    }

    private static JsonNode statementOf(String date, String huifuId) {
        for (JsonNode statement : breaks(date).get("statements")) {
            if (statement.get("huifu_id").asString().equals(huifuId)) {
                return statement;
            }
        }
        throw new AssertionError("no statement of " + huifuId + " on " + date);
    }

    private static List<String> classesOf(String date) {
        List<String> found = new ArrayList<>();
        breaks(date).get("breaks").forEach(b -> found.add(b.get("break_class").asString() + " "
                + b.get("req_seq_id").asString()));
        return found;
    }
}
