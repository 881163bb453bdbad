package io.payout.orchestrator.retention;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.payout.model.huifu.HuifuKeys;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.ops.OperationsClient;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.testkit.TestKafka;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive with the real broker and database: finished withdrawals leave the hot tables with their serials and
 * history, idempotency holds for them afterwards (a replay, a conflicting request, a late notice), and months past
 * keeping leave the archive whole. The archiver is run by hand here (archive-after 0: final is enough).
 */
class ArchiveIntegrationTest {

    private static final String OPS_TOKEN = "ops-token-under-test";
    private static final String HUIFU_ID = "6666000123456789";
    private static OrchestratorHarness orchestrator;
    private static OperationsClient ops;
    private static JdbcClient db;

    @BeforeAll
    static void start() {
        orchestrator = new OrchestratorHarness(HuifuKeys.generate(), Map.of("orchestrator.ops.token", OPS_TOKEN,
                "orchestrator.retention.archive-after", "0s", "orchestrator.retention.cron", "-")).start();
        ops = new OperationsClient(orchestrator.server().baseUrl(), OPS_TOKEN);
        db = orchestrator.bean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        orchestrator.close();
    }

    @Test
    void aFinishedWithdrawalMovesWithItsSerialsAndHistoryAndAnOpenOneStays() {
        Withdrawal paid = paid("moved-1", "100.00");
        int history = orchestrator.history("moved-1").size();
        String open = "still-open-1";
        orchestrator.sendRequest(open, request(open, HUIFU_ID, "5.00", "D0"));
        awaitStatuses(open, 1);

        Archiver.Pass pass = orchestrator.bean(Archiver.class).run();

        assertThat(pass.archived()).isGreaterThanOrEqualTo(1);
        assertThat(orchestrator.withdrawal("moved-1")).isEmpty();
        assertThat(count("withdrawal_serials", "moved-1")).isZero();
        assertThat(count("withdrawal_transitions", "moved-1")).isZero();
        assertThat(db.sql("select status, req_seq_id, fee_amt::text from archived_withdrawals "
                        + "where withdrawal_id = 'moved-1'")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single()).containsExactly("SUCCEEDED", paid.reqSeqId(), "1.00");
        assertThat(count("archived_serials", "moved-1")).isEqualTo(1);
        assertThat(count("archived_transitions", "moved-1")).isEqualTo(history);
        assertThat(count("withdrawal_keys", "moved-1")).isEqualTo(1);
        assertThat(db.sql("select withdrawal_id from serial_keys where req_seq_id = ?").param(paid.reqSeqId())
                .query(String.class).single()).isEqualTo("moved-1");
        String partition = "archived_withdrawals_p"
                + YearMonth.now(ZoneOffset.UTC).toString().replace("-", "");
        assertThat(db.sql("select count(*) from " + partition + " where withdrawal_id = 'moved-1'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(orchestrator.withdrawal(open)).get().extracting(Withdrawal::status).hasToString("REQUESTED");
        assertThat(ops.get("/api/withdrawals/moved-1").problem(404).get("detail").asString()).contains("archived");
        // the console's withdrawal page and the API's re-query take their 404 from the same place
        assertThat(orchestrator.bean(WithdrawalKeys.class).notFound("moved-1").getMessage())
                .startsWith("withdrawal moved-1 was archived at ");
        assertThat(orchestrator.bean(WithdrawalKeys.class).notFound("never-1").getMessage())
                .isEqualTo("no withdrawal never-1");
    }

    @Test
    void aReplayOfAnArchivedRequestChangesNothingAndOtherContentIsAConflict() {
        paid("replayed-1", "20.00");
        orchestrator.bean(Archiver.class).run();
        assertThat(orchestrator.withdrawal("replayed-1")).isEmpty();

        orchestrator.sendRequest("replayed-1", request("replayed-1", HUIFU_ID, "20.00", "D0"));
        orchestrator.sendRequest("replayed-1", request("replayed-1", HUIFU_ID, "21.00", "D0"));
        // one partition: once the marker's event is out, both records before it have been taken
        orchestrator.sendRequest("replay-marker-1", request("replay-marker-1", HUIFU_ID, "1.00", "D0"));
        awaitStatuses("replay-marker-1", 1);

        assertThat(orchestrator.withdrawal("replayed-1")).as("not stored again").isEmpty();
        assertThat(statusesOf("replayed-1")).as("nothing published for the replay")
                .containsExactly("REQUESTED", "PROCESSING", "ACCOUNTED", "SUCCEEDED");
        List<ConsumerRecord<String, String>> rejections = TestKafka.awaitRecords(orchestrator.rejections,
                seen -> seen.stream().anyMatch(r -> "replayed-1".equals(r.key())), OrchestratorHarness.WAIT)
                .stream().filter(r -> "replayed-1".equals(r.key())).toList();
        assertThat(rejections).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("IDEMPOTENCY_CONFLICT"));
    }

    @Test
    void aLateNoticeForAnArchivedSerialIsCountedNotKeptAndChangesNothing() {
        Withdrawal w = paid("late-1", "30.00");
        orchestrator.bean(Archiver.class).run();
        MeterRegistry meters = orchestrator.bean(MeterRegistry.class);
        double before = meters.counter("huifu.notifications.archived").count();

        orchestrator.deliverNotice(orchestrator.signedNotice(w.serial(), "02", "P", "S", "30.00", "1.00"));

        await().atMost(OrchestratorHarness.WAIT)
                .until(() -> meters.counter("huifu.notifications.archived").count() == before + 1);
        assertThat(db.sql("select count(*) from pending_notifications where req_seq_id = ?").param(w.reqSeqId())
                .query(Integer.class).single()).as("not kept as a notice for an unknown serial").isZero();
        assertThat(orchestrator.withdrawal("late-1")).isEmpty();
        assertThat(count("archived_transitions", "late-1")).isEqualTo(4);
    }

    @Test
    void monthsPastKeepingLeaveTheArchiveWholeAndIdempotencyOutlivesThem() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        paid("old-detached-1", "40.00");
        paid("old-dropped-1", "41.00");
        createdIn("old-detached-1", now.minusMonths(7));
        createdIn("old-dropped-1", now.minusMonths(8));
        orchestrator.bean(Archiver.class).run();
        String detachedMonth = now.minusMonths(7).toString().replace("-", "");
        String droppedMonth = now.minusMonths(8).toString().replace("-", "");
        assertThat(partitionsOf("archived_withdrawals")).contains("archived_withdrawals_p" + detachedMonth,
                "archived_withdrawals_p" + droppedMonth);

        Archiver.Pass dropping = archiver(new RetentionProperties(true, Duration.ZERO, 7, ExpiredMonths.DROP, 100))
                .run();
        Archiver.Pass detaching = archiver(new RetentionProperties(true, Duration.ZERO, 6, ExpiredMonths.DETACH, 100))
                .run();

        assertThat(dropping.expiredMonths()).contains(now.minusMonths(8).toString())
                .doesNotContain(now.minusMonths(7).toString());
        assertThat(detaching.expiredMonths()).contains(now.minusMonths(7).toString());
        for (String table : List.of("archived_withdrawals", "archived_serials", "archived_transitions")) {
            assertThat(partitionsOf(table)).doesNotContain(table + "_p" + detachedMonth, table + "_p" + droppedMonth);
            assertThat(exists(table + "_p" + droppedMonth)).as("dropped").isFalse();
            assertThat(exists(table + "_p" + detachedMonth)).as("detached, kept for export").isTrue();
        }
        assertThat(db.sql("select count(*) from archived_withdrawals_p" + detachedMonth
                + " where withdrawal_id = 'old-detached-1'").query(Integer.class).single()).isEqualTo(1);
        assertThat(partitionsOf("archived_withdrawals")).as("the current month is kept")
                .contains("archived_withdrawals_p" + now.toString().replace("-", ""));

        // years later, with its rows gone: the same request is still a replay, never a second payout
        orchestrator.sendRequest("old-dropped-1", request("old-dropped-1", HUIFU_ID, "41.00", "D0"));
        orchestrator.sendRequest("expiry-marker-1", request("expiry-marker-1", HUIFU_ID, "1.00", "D0"));
        awaitStatuses("expiry-marker-1", 1);
        assertThat(orchestrator.withdrawal("old-dropped-1")).isEmpty();
        assertThat(statusesOf("old-dropped-1")).containsExactly("REQUESTED", "PROCESSING", "ACCOUNTED", "SUCCEEDED");
    }

    @Test
    void theInboxKeepsAMonthWhileAHotSerialIsOfItAndDropsItWholeAfterwards() {
        InboxMonths inbox = orchestrator.bean(InboxMonths.class);
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        assertThat(inbox.months()).as("made ahead at start")
                .contains(current, current.plusMonths(1), current.plusMonths(2));
        YearMonth done = current.minusMonths(14);
        YearMonth needed = current.minusMonths(13);
        String doneDay = done.atDay(10).format(DateTimeFormatter.BASIC_ISO_DATE);
        String neededDay = needed.atDay(10).format(DateTimeFormatter.BASIC_ISO_DATE);
        db.sql("insert into processed_notifications values ('inbox-done-1', ?, now()), ('inbox-needed-1', ?, now())")
                .params(doneDay, neededDay).update();
        assertThat(partitionHolding("inbox-done-1")).as("a month without a partition")
                .isEqualTo("processed_notifications_other");

        inbox.ensure(done);
        inbox.ensure(needed);
        assertThat(partitionHolding("inbox-done-1")).as("taken over from the default partition")
                .isEqualTo(InboxMonths.partitionOf(done));
        assertThat(partitionHolding("inbox-needed-1")).isEqualTo(InboxMonths.partitionOf(needed));
        // a hot withdrawal with a serial of the older month: a notice about it may still come and be redelivered
        db.sql("""
                insert into withdrawal_serials (huifu_id, req_date, req_seq_id, withdrawal_id, created_at)
                values (?, ?, 'inbox-needed-serial', 'inbox-needed-w', now())""").params(HUIFU_ID, neededDay)
                .update();
        try {
            Archiver.Pass pass = orchestrator.bean(Archiver.class).run();

            assertThat(pass.droppedInboxMonths()).contains(done.toString())
                    .doesNotContain(needed.toString(), current.toString());
            assertThat(inbox.months()).doesNotContain(done).contains(needed, current, current.plusMonths(2));
            assertThat(exists(InboxMonths.partitionOf(done))).as("dropped whole").isFalse();
            assertThat(partitionHolding("inbox-needed-1")).isEqualTo(InboxMonths.partitionOf(needed));
        } finally {
            db.sql("delete from withdrawal_serials where req_seq_id = 'inbox-needed-serial'").update();
        }
        // a late notice of the month that left is still recorded, in the default partition
        db.sql("insert into processed_notifications values ('inbox-late-1', ?, now())").param(doneDay).update();
        assertThat(partitionHolding("inbox-late-1")).isEqualTo("processed_notifications_other");
        assertThat(orchestrator.bean(Archiver.class).run().droppedInboxMonths()).as("its last hot serial gone")
                .containsExactly(needed.toString());
    }

    @Test
    void everyHotColumnHasItsPlaceInTheArchive() {
        for (String[] table : ArchiveTables.TABLES) {
            List<String> hot = typedColumns(table[0]);
            assertThat(typedColumns(table[1])).as(table[1]).containsAll(hot);
        }
    }

    private static Archiver archiver(RetentionProperties properties) {
        return new Archiver(orchestrator.bean(ArchiveTables.class), orchestrator.bean(InboxMonths.class),
                orchestrator.bean(TransactionTemplate.class),
                properties, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    /** Paid in full through Huifu's notices: REQUESTED, PROCESSING, ACCOUNTED, SUCCEEDED. */
    private static Withdrawal paid(String id, String amount) {
        orchestrator.sendRequest(id, request(id, HUIFU_ID, amount, "D0"));
        awaitStatuses(id, 1);
        orchestrator.markDueSent();
        Withdrawal w = orchestrator.withdrawal(id).orElseThrow();
        orchestrator.deliverNotice(orchestrator.signedNotice(w.serial(), "01", "S", "S", amount, "1.00"));
        awaitStatuses(id, 4);
        return w;
    }

    /** As if the withdrawal had been taken in that month. */
    private static void createdIn(String id, YearMonth month) {
        Instant at = month.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC);
        db.sql("update withdrawals set created_at = ? where withdrawal_id = ?")
                .params(java.sql.Timestamp.from(at), id).update();
    }

    private static List<ConsumerRecord<String, String>> awaitStatuses(String key, int count) {
        return orchestrator.awaitOutcomes(seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= count)
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<String> statusesOf(String key) {
        return orchestrator.awaitOutcomes(seen -> true).stream().filter(r -> key.equals(r.key()))
                .map(r -> header(r, "status")).toList();
    }

    private static int count(String table, String withdrawalId) {
        return db.sql("select count(*) from " + table + " where withdrawal_id = ?").param(withdrawalId)
                .query(Integer.class).single();
    }

    private static List<String> partitionsOf(String table) {
        return db.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "where i.inhparent = ?::regclass").param(table).query(String.class).list();
    }

    private static String partitionHolding(String notificationId) {
        return db.sql("select tableoid::regclass::text from processed_notifications where notification_id = ?")
                .param(notificationId).query(String.class).single();
    }

    private static boolean exists(String table) {
        return db.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
    }

    private static List<String> typedColumns(String table) {
        return db.sql("""
                select column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || coalesce(' ' || numeric_precision || ',' || numeric_scale, '')
                  from information_schema.columns where table_schema = current_schema() and table_name = ?
                """).param(table).query(String.class).list();
    }
}
