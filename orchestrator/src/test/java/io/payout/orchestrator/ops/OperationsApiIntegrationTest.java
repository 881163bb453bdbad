package io.payout.orchestrator.ops;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.reconciliation.statement.BreakClass;
import io.payout.orchestrator.reconciliation.statement.StatementBreak;
import io.payout.orchestrator.reconciliation.statement.StatementBreaks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operations API over real HTTP against a real database and broker. Submission is off, so the withdrawals stay
 * REQUESTED until an operator resolves them.
 */
class OperationsApiIntegrationTest {

    private static final String OPS_TOKEN = "ops-token-under-test";
    private static OrchestratorHarness orchestrator;
    private static OperationsClient ops;

    @BeforeAll
    static void start() {
        orchestrator = new OrchestratorHarness(io.payout.model.huifu.HuifuKeys.generate(),
                Map.of("orchestrator.ops.token", OPS_TOKEN, "orchestrator.reconciliation.daily-cron", "-")).start();
        ops = new OperationsClient(orchestrator.server().baseUrl(), OPS_TOKEN);
        for (String id : List.of("ops-1", "ops-2", "ops-3")) {
            orchestrator.sendRequest(id, request(id, "6666000000000201", "12.34", "T1"));
        }
        await().atMost(OrchestratorHarness.WAIT).until(() -> List.of("ops-1", "ops-2", "ops-3").stream()
                .allMatch(id -> orchestrator.withdrawal(id).isPresent()));
    }

    @AfterAll
    static void stop() {
        if (orchestrator != null) {
            orchestrator.close();
        }
    }

    @Test
    void everyOperationsCallWithoutTheRightTokenGets401AndHealthAndMetricsStayOpen() {
        String base = orchestrator.server().baseUrl();
        for (OperationsClient caller : List.of(OperationsClient.anonymous(base), new OperationsClient(base, "wrong"))) {
            assertThat(caller.get("/api/withdrawals/ops-1").problem(401).get("instance").asString())
                    .isEqualTo("/api/withdrawals/ops-1");
            assertThat(caller.get("/v3/api-docs").status()).isEqualTo(401);
            assertThat(caller.get("/api/withdrawals?status=REQUESTED").status()).isEqualTo(401);
            assertThat(caller.post("/api/withdrawals/ops-1/reconcile", null).status()).isEqualTo(401);
            assertThat(caller.post("/api/withdrawals/ops-1/resolve",
                    "{\"status\":\"FAILED\",\"actor\":\"x\",\"reason\":\"y\"}").status()).isEqualTo(401);
            assertThat(caller.post("/api/reconciliation/20261125", null).status()).isEqualTo(401);
            assertThat(caller.get("/api/reconciliation/20261125").status()).isEqualTo(401);
            assertThat(caller.get("/api/reconciliation/20261125.csv").status()).isEqualTo(401);
            assertThat(caller.get("/actuator/health").status()).isEqualTo(200);
            assertThat(caller.get("/actuator/prometheus").text(200)).contains("withdrawals_attention");
        }
        assertThat(orchestrator.withdrawal("ops-1").orElseThrow().status().name()).isEqualTo("REQUESTED");
    }

    @Test
    void showsAWithdrawalWithItsSerialsAttentionFlagAndHistoryInSnakeCase() {
        JsonNode w = ops.get("/api/withdrawals/ops-2").json(200);

        assertThat(w.get("withdrawal_id").asString()).isEqualTo("ops-2");
        assertThat(w.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(w.get("cash_amt").asString()).isEqualTo("12.34");
        assertThat(w.get("into_acct_date_type").asString()).isEqualTo("T1");
        assertThat(w.get("attention").asBoolean()).isFalse();
        assertThat(w.get("serials")).hasSize(1);
        assertThat(w.get("serials").get(0).get("req_seq_id").asString()).isEqualTo(w.get("req_seq_id").asString());
        JsonNode first = w.get("history").get(0);
        assertThat(first.get("source").asString()).isEqualTo("REQUEST");
        assertThat(first.get("to").asString()).isEqualTo("REQUESTED");
        assertThat(first.get("occurred_at").asString()).isNotBlank();
        assertThat(ops.get("/api/withdrawals/nobody").problem(404).get("detail").asString()).contains("nobody");
    }

    @Test
    void listsWithdrawalsByStatusAndAttentionAndRejectsBadFilters() {
        JsonNode requested = ops.get("/api/withdrawals?status=REQUESTED&limit=2").json(200);
        assertThat(requested).hasSize(2);
        requested.forEach(w -> assertThat(w.get("status").asString()).isEqualTo("REQUESTED"));
        assertThat(ops.get("/api/withdrawals?attention=true").json(200)).isEmpty();

        assertThat(ops.get("/api/withdrawals?status=LOST").problem(400).get("detail").asString()).contains("LOST");
        assertThat(ops.get("/api/withdrawals?limit=0").problem(400).get("detail").asString()).contains("limit");
        assertThat(ops.get("/api/withdrawals?attention=maybe").status()).isEqualTo(400);
        assertThat(ops.get("/api/reconciliation/2026-11-25").problem(400).get("detail").asString())
                .contains("yyyyMMdd");
        assertThat(ops.get("/api/reconciliation/20261131").status()).isEqualTo(400);
        assertThat(ops.get("/api/reconciliation/20200101").status()).isEqualTo(404);
    }

    @Test
    void resolveMovesANonFinalWithdrawalWithActorAndReasonAndRefusesItOnceFinal() {
        JsonNode resolved = ops.post("/api/withdrawals/ops-3/resolve",
                "{\"status\":\"FAILED\",\"actor\":\"alice\",\"reason\":\"never reached Huifu, ticket 42\"}")
                .json(200);

        assertThat(resolved.get("status").asString()).isEqualTo("FAILED");
        JsonNode last = resolved.get("history").get(resolved.get("history").size() - 1);
        assertThat(last.get("source").asString()).isEqualTo("OPERATOR");
        assertThat(last.get("from").asString()).isEqualTo("REQUESTED");
        assertThat(last.get("to").asString()).isEqualTo("FAILED");
        assertThat(last.get("evidence").asString()).contains("alice").contains("ticket 42");
        assertThat(last.get("reason").asString()).contains("alice").contains("ticket 42");
        orchestrator.awaitOutcomes(records -> records.stream().anyMatch(r -> r.key().equals("ops-3")
                && "FAILED".equals(header(r, "status")) && r.value().contains("\"source\":\"OPERATOR\"")));

        JsonNode refused = ops.post("/api/withdrawals/ops-3/resolve",
                "{\"status\":\"SUCCEEDED\",\"actor\":\"bob\",\"reason\":\"try again\"}").problem(409);

        assertThat(refused.get("detail").asString()).contains("FAILED is final");
        assertThat(orchestrator.history("ops-3")).hasSize(2);
    }

    @Test
    void everyErrorIsAProblemDetailsAnswer() {
        ops.get("/api/withdrawals/nobody").problem(404);
        ops.get("/api/no-such-resource").problem(404);
        ops.send("DELETE", "/api/withdrawals/ops-1", null).problem(405);
        ops.get("/api/withdrawals?limit=abc").problem(400);
        ops.post("/api/withdrawals/ops-1/resolve", "not json").problem(400);
        ops.post("/api/withdrawals/ops-1/acknowledge", "{\"actor\":\"a\",\"reason\":\"r\"}").problem(409);
        ops.post("/api/quarantine/999999/replay", "{\"actor\":\"a\",\"reason\":\"r\"}").problem(404);
        ops.post("/api/reconciliation/20261120/breaks/999999/explain", "{\"actor\":\"a\",\"reason\":\"r\"}")
                .problem(404);
    }

    /**
     * The served OpenAPI document equals docs/openapi/orchestrator.yaml. After a deliberate change of the API,
     * rewrite the checked-in copy with {@code -Dopenapi.write=true} on this test and review the diff.
     */
    @Test
    void servedOpenApiDocumentEqualsTheCheckedInOne() throws IOException {
        String served = ops.get("/v3/api-docs.yaml").text(200);
        Path checkedIn = Path.of("..", "docs", "openapi", "orchestrator.yaml");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(checkedIn, served);
        }
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonNode expected = yaml.readTree(Files.readString(checkedIn));
        JsonNode actual = yaml.readTree(served);
        String rewrite = "served /v3/api-docs differs from " + checkedIn + "; rewrite it with -Dopenapi.write=true "
                + "and review the diff";
        // paths and schemas first: a short message for the usual change, a new or removed endpoint
        assertThat(actual.path("paths").propertyNames()).as(rewrite)
                .containsExactlyInAnyOrderElementsOf(expected.path("paths").propertyNames());
        assertThat(actual.path("components").path("schemas").propertyNames()).as(rewrite)
                .containsExactlyInAnyOrderElementsOf(expected.path("components").path("schemas").propertyNames());
        assertThat(actual).as(rewrite).isEqualTo(expected);
        assertThat(served).startsWith("openapi: 3.1");
    }

    @Test
    void resolveRejectsBadInputWithAClearMessage() {
        assertThat(ops.post("/api/withdrawals/ops-1/resolve", "{\"status\":\"PROCESSING\",\"actor\":\"a\","
                + "\"reason\":\"r\"}").problem(400).get("detail").asString()).contains("SUCCEEDED, REFUNDED or FAILED");
        assertThat(ops.post("/api/withdrawals/ops-1/resolve", "{\"status\":\"FAILED\",\"reason\":\"r\"}")
                .problem(400).get("detail").asString()).contains("actor is required");
        assertThat(ops.post("/api/withdrawals/ops-1/resolve", "not json").status()).isEqualTo(400);
        assertThat(ops.post("/api/withdrawals/nobody/resolve", "{\"status\":\"FAILED\",\"actor\":\"a\","
                + "\"reason\":\"r\"}").status()).isEqualTo(404);
        assertThat(orchestrator.withdrawal("ops-1").orElseThrow().status().name()).isEqualTo("REQUESTED");
    }

    @Test
    void statementBreaksAreListedAsJsonAndCsvAndClosedOnlyByAnOperatorsExplanation() {
        StatementBreaks breaks = orchestrator.bean(StatementBreaks.class);
        breaks.raise(new StatementBreak("20261120", BreakClass.AMOUNT_MISMATCH, "6666000000000201", "seq-9", "ops-1",
                "cash_amt 12.34 but the statement says 12.35"));
        assertThat(ops.get("/api/reconciliation/20261121/breaks").json(200).get("no_breaks").asBoolean()).isTrue();

        await().atMost(OrchestratorHarness.WAIT).untilAsserted(() -> assertThat(ops.get("/actuator/prometheus")
                .text(200)).contains("statement_breaks_open{class=\"AMOUNT_MISMATCH\"} 1.0"));
        JsonNode day = ops.get("/api/reconciliation/20261120/breaks").json(200);
        assertThat(day.get("open").asLong()).isEqualTo(1);
        JsonNode found = day.get("breaks").get(0);
        assertThat(found.get("break_class").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(ops.get("/api/reconciliation/20261120/breaks?format=csv").text(200))
                .startsWith("id,trade_date,break_class").contains("AMOUNT_MISMATCH,6666000000000201,seq-9,ops-1");
        JsonNode reconciliation = ops.get("/api/reconciliation/20261120").json(200);
        assertThat(reconciliation.has("checked")).as("no daily report was run for the date").isFalse();
        assertThat(reconciliation.get("statement").get("breaks").get(0).get("id").asLong())
                .isEqualTo(found.get("id").asLong());
        assertThat(ops.get("/api/reconciliation/20261120.csv").text(200))
                .contains("\r\nid,trade_date,break_class").contains("AMOUNT_MISMATCH,6666000000000201,seq-9");

        String explain = "/api/reconciliation/20261120/breaks/" + found.get("id").asLong() + "/explain";
        assertThat(ops.post(explain, "{\"actor\":\"ops-anna\"}").status()).isEqualTo(400);
        JsonNode explained = ops.post(explain, "{\"actor\":\"ops-anna\",\"reason\":\"Huifu confirmed 12.34\"}")
                .json(200);
        assertThat(explained.get("open").asBoolean()).isFalse();
        assertThat(explained.get("explained_by").asString()).isEqualTo("ops-anna");
        assertThat(ops.post(explain, "{\"actor\":\"ops-ben\",\"reason\":\"again\"}").status()).isEqualTo(404);
        assertThat(breaks.raise(new StatementBreak("20261120", BreakClass.AMOUNT_MISMATCH, "6666000000000201",
                "seq-9", "ops-1", "found again by a re-run"))).isFalse();
        assertThat(ops.get("/api/reconciliation/20261120/breaks").json(200).get("open").asLong()).isZero();
        assertThat(OperationsClient.anonymous(orchestrator.server().baseUrl())
                .get("/api/reconciliation/20261120/breaks").status()).isEqualTo(401);
    }
}
