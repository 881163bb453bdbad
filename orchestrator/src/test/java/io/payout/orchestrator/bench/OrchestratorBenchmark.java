package io.payout.orchestrator.bench;

import static io.payout.orchestrator.OrchestratorHarness.request;

import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.DueWork;
import io.payout.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of intake and notification processing with the real broker and database. Not a test (the name does
 * not end in Test, so surefire skips it); run it on purpose:
 * {@code ./mvnw -B -q -pl orchestrator -am verify -Dtest=OrchestratorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes: {@code -Dbench.requests=100000 -Dbench.notified=20000}). It measures, it asserts nothing.
 */
class OrchestratorBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(200);

    @Test
    void intakeAndNotificationThroughput() throws Exception {
        int requests = Integer.getInteger("bench.requests", 100_000);
        int notified = Math.min(requests, Integer.getInteger("bench.notified", 20_000));
        OrchestratorHarness orchestrator = new OrchestratorHarness()
                .with("orchestrator.topics.partitions", 6)
                .with("orchestrator.outbox.relay-enabled", true);
        TestKafka.createTopics(6, orchestrator.requests, orchestrator.notifications);
        JdbcClient db = JdbcClient.create(orchestrator.database.dataSource());

        // Intake: the records wait on the topic, then the orchestrator starts and takes them all.
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            String id = "bench-" + i;
            records.add(new ProducerRecord<>(orchestrator.requests, id,
                    request(id, "66660000" + (10000000 + i % 1000), (1 + i % 500) + ".00", "T1")
                            .getBytes(StandardCharsets.UTF_8)));
        }
        produce(records);
        orchestrator.start();
        // timed from the first stored row, so the context's start-up is not counted as intake time
        awaitCount(db, "select count(*) from withdrawals", 1);
        long start = System.nanoTime();
        awaitCount(db, "select count(*) from withdrawals", requests);
        double intakeSeconds = (System.nanoTime() - start) / 1e9;
        // Huifu notifies only serials it was sent: the workers are off, so a claim marks the first ones as sent.
        Instant now = Instant.now();
        orchestrator.bean(DueWork.class).claim("bench", now, now.plusSeconds(30), SerialNumbers.reqDate(now),
                notified);
        orchestrator.close();

        // Notifications: a 02 and a 01 for each sent withdrawal, signed as Huifu signs them.
        List<Map<String, Object>> serials = db.sql("""
                select s.huifu_id, s.req_date, s.req_seq_id, w.cash_amt
                from withdrawal_serials s join withdrawals w on w.withdrawal_id = s.withdrawal_id
                """).query().listOfRows();
        List<ProducerRecord<String, byte[]>> notices = new ArrayList<>(serials.size() * 2);
        for (Map<String, Object> serial : serials) {
            for (String msgType : List.of("02", "01")) {
                notices.add(new ProducerRecord<>(orchestrator.notifications,
                        serial.get("huifu_id") + ":" + serial.get("req_seq_id"),
                        notice(orchestrator, serial, msgType).getBytes(StandardCharsets.UTF_8)));
            }
        }
        produce(notices);
        orchestrator.start();
        awaitCount(db, "select count(*) from processed_notifications", 1);
        start = System.nanoTime();
        awaitCount(db, "select count(*) from processed_notifications", notices.size());
        double notificationSeconds = (System.nanoTime() - start) / 1e9;
        orchestrator.close();

        System.out.printf("BENCHMARK intake: %d requests in %.1f s = %.0f/s (from the first one applied)%n",
                requests, intakeSeconds, requests / intakeSeconds);
        System.out.printf("BENCHMARK notifications: %d notifications in %.1f s = %.0f/s (from the first one applied)%n",
                notices.size(), notificationSeconds, notices.size() / notificationSeconds);
    }

    private static String notice(OrchestratorHarness orchestrator, Map<String, Object> serial, String msgType) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_status", "S");
        data.put("cash_amt", serial.get("cash_amt").toString());
        data.put("fee_amt", "1.00");
        data.put("huifu_id", (String) serial.get("huifu_id"));
        data.put("msg_type", msgType);
        data.put("req_date", serial.get("req_date").toString());
        data.put("req_seq_id", (String) serial.get("req_seq_id"));
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功");
        data.put("trans_status", "01".equals(msgType) ? "S" : "P");
        Map<String, String> form = HuifuNotifications.signedForm(data, orchestrator.huifuKeys.getPrivate());
        String raw = form.get("resp_data");
        return JSON.writeValueAsString(new HuifuNotification(HuifuNotifications.notificationId(raw),
                HuifuNotification.KIND_WITHDRAWAL, msgType, data, raw, form.get("sign"), Instant.now()));
    }

    private static void produce(List<ProducerRecord<String, byte[]>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void awaitCount(JdbcClient db, String sql, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (db.sql(sql).query(Integer.class).single() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within 15 minutes: " + sql);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
