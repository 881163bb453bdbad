package io.payout.orchestrator.submission;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.withdrawal.DueWork;
import io.payout.orchestrator.withdrawal.Evidence;
import io.payout.orchestrator.withdrawal.EvidenceKind;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalWork;
import io.payout.orchestrator.withdrawal.WithdrawalWork.SubmitAnswer;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Synchronous answers that arrive while another is being written are written together, in one transaction; an
 * answer that cannot be written fails its own thread only, and the others of its group are still written.
 */
class SubmitAnswerGroupsIntegrationTest {

    private static final int QUEUED = 5;

    @Test
    void answersArrivingDuringAWriteAreWrittenInOneTransaction() throws Exception {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) { // its submission workers are off
            Map<String, Withdrawal> sent = sendAll(harness, "grp", QUEUED + 1);
            SubmitAnswerGroups groups = new SubmitAnswerGroups(harness.bean(WithdrawalWork.class));
            ExecutorService threads = Executors.newFixedThreadPool(QUEUED + 1);
            try {
                Map<String, CompletableFuture<Void>> results =
                        writeWhileTheFirstIsHeld(harness, groups, threads, sent, "grp-0");

                for (CompletableFuture<Void> result : results.values()) {
                    result.get(OrchestratorHarness.WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                assertThat(sent.keySet()).allSatisfy(id -> assertThat(harness.withdrawal(id).orElseThrow().status())
                        .isEqualTo(WithdrawalStatus.PROCESSING));
                Map<String, Timestamp> written = updatedAt(harness, sent.keySet());
                assertThat(sent.keySet().stream().filter(id -> !id.equals("grp-0")).map(written::get).distinct())
                        .as("the queued answers were written by one transaction (one clock reading)").hasSize(1);
                assertThat(written.get("grp-0")).isNotEqualTo(written.get("grp-1"));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void anAnswerThatCannotBeWrittenFailsOnlyItsOwnThread() throws Exception {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) {
            Map<String, Withdrawal> sent = sendAll(harness, "bad", QUEUED + 1);
            // gone between the send and its answer: writing its answer throws, inside the group's transaction too
            JdbcClient jdbc = harness.bean(JdbcClient.class);
            for (String table : List.of("withdrawal_transitions", "withdrawal_serials", "withdrawals")) {
                jdbc.sql("delete from " + table + " where withdrawal_id = 'bad-3'").update();
            }
            SubmitAnswerGroups groups = new SubmitAnswerGroups(harness.bean(WithdrawalWork.class));
            ExecutorService threads = Executors.newFixedThreadPool(QUEUED + 1);
            try {
                Map<String, CompletableFuture<Void>> results =
                        writeWhileTheFirstIsHeld(harness, groups, threads, sent, "bad-0");

                assertThat(results.get("bad-3")).failsWithin(OrchestratorHarness.WAIT)
                        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                        .withCauseInstanceOf(NoSuchElementException.class);
                for (String id : sent.keySet()) {
                    if (!id.equals("bad-3")) {
                        results.get(id).get(OrchestratorHarness.WAIT.toSeconds(), TimeUnit.SECONDS);
                        assertThat(harness.withdrawal(id).orElseThrow().status()).as(id)
                                .isEqualTo(WithdrawalStatus.PROCESSING);
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /**
     * Writes the first answer while another transaction holds its row, so that the others queue behind it; lets it go
     * once they all wait.
     */
    private static Map<String, CompletableFuture<Void>> writeWhileTheFirstIsHeld(
            OrchestratorHarness harness, SubmitAnswerGroups groups, ExecutorService threads,
            Map<String, Withdrawal> sent, String first) throws Exception {
        Map<String, CompletableFuture<Void>> results = new HashMap<>();
        DataSource dataSource = harness.database.dataSource();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select 1 from withdrawals where withdrawal_id = '" + first
                    + "' for update");
            results.put(first, CompletableFuture.runAsync(() -> groups.apply(answer(sent.get(first))), threads));
            JdbcClient jdbc = JdbcClient.create(dataSource);
            await().atMost(OrchestratorHarness.WAIT).until(() -> jdbc.sql(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%unchanged%'")
                    .query(Integer.class).single() == 1);
            for (String id : sent.keySet()) {
                if (!id.equals(first)) {
                    results.put(id, CompletableFuture.runAsync(() -> groups.apply(answer(sent.get(id))), threads));
                }
            }
            await().atMost(OrchestratorHarness.WAIT).until(() -> groups.queued() == sent.size() - 1);
            holder.rollback();
        }
        return results;
    }

    private static Map<String, Withdrawal> sendAll(OrchestratorHarness harness, String prefix, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        ids.forEach(id -> harness.sendRequest(id, request(id, "6666000000000001", "5.00", "D0")));
        await().atMost(OrchestratorHarness.WAIT).until(() -> ids.stream().allMatch(id -> harness.withdrawal(id)
                .isPresent()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);
        Withdrawal any = harness.withdrawal(ids.get(0)).orElseThrow();
        List<DueWork.Claimed> claimed = harness.bean(DueWork.class).claim("test", now, now.plusSeconds(60),
                any.reqDate(), count);
        assertThat(claimed).hasSize(count).allSatisfy(c -> assertThat(c.sending()).isTrue());
        return claimed.stream().collect(Collectors.toMap(c -> c.row().withdrawalId(), DueWork.Claimed::row));
    }

    private static SubmitAnswer answer(Withdrawal sent) {
        return new SubmitAnswer(sent, new Evidence(EvidenceKind.SYNC_PROCESSING, sent.serial(), "00000000", "受理成功",
                "hf-" + sent.withdrawalId(), null, null, "trans_stat=P", false), null);
    }

    private static Map<String, Timestamp> updatedAt(OrchestratorHarness harness, java.util.Collection<String> ids) {
        Map<String, Timestamp> at = new HashMap<>();
        for (String id : ids) {
            at.put(id, harness.bean(JdbcClient.class).sql("select updated_at from withdrawals where withdrawal_id = ?")
                    .param(id).query(Timestamp.class).single());
        }
        return at;
    }
}
