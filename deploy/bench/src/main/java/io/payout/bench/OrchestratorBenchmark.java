package io.payout.bench;

import io.payout.model.HuifuNotification;
import io.payout.model.IntoAcctDateType;
import io.payout.model.Topics;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code deploy/bench/run orchestrator}: the orchestrator's intake and notification processing from backlogs, so
 * that neither a producer nor the gateway sets the pace: requests already waiting on the requests topic when it
 * starts, then (after a restart) a signed 02 and 01 for each of the first withdrawals waiting on the notifications
 * topic. It runs from its exec jar, as in B1 and B2, with submission off. Each phase is timed from the first row it
 * wrote to the last, by the rows' own timestamps, so the JVM's start-up is not counted. Arguments:
 * --requests=100000 --notified=20000; --quick: 5,000 and 1,000.
 */
final class OrchestratorBenchmark {

    private static final String SCENARIO = "orch";
    /** The orchestrator's default partition count; its listeners consume the partitions in parallel. */
    private static final int PARTITIONS = 6;

    private OrchestratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int requests = options.integer("requests", 100_000, 5_000);
        int notified = Math.min(requests, options.integer("notified", 20_000, 1_000));
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("payout-bench-orchestrator-");
        try (Stack stack = new Stack(root, work)) {
            ServiceLaunch.Topics topics = Stack.topics(SCENARIO);
            String jdbcUrl = stack.freshDatabase(SCENARIO);
            // Made before the backlog is produced: a topic the broker creates on first use has one partition.
            createTopics(stack.bootstrapServers, topics.requests(), topics.notifications());
            String run = Long.toString(System.currentTimeMillis(), 36);

            Requests.publish(stack.bootstrapServers, topics.requests(), requests,
                    i -> Requests.request("orch-" + run + "-" + i, "6666000" + (100000000 + i % 1000), "T1", i,
                            IntoAcctDateType.T1));
            try (ServiceProcess orchestrator = stack.orchestrator(SCENARIO, topics, jdbcUrl, null, null)) {
                awaitRows(stack, jdbcUrl, "withdrawals", requests);
            }
            double intakeSeconds = span(stack, jdbcUrl, "created_at", "withdrawals");

            SentSerials.markSent(stack, jdbcUrl);
            List<SentSerials.Serial> serials = SentSerials.read(stack, jdbcUrl).subList(0, notified);
            List<ProducerRecord<String, byte[]>> notices = new ArrayList<>(serials.size() * 2);
            for (SentSerials.Serial serial : serials) {
                String key = Topics.notificationKey(serial.huifuId(), serial.reqSeqId());
                for (String msgType : List.of(HuifuNotification.MSG_TYPE_ACCOUNTING,
                        HuifuNotification.MSG_TYPE_RESULT)) {
                    notices.add(new ProducerRecord<>(topics.notifications(), key, notice(stack, serial, msgType)));
                }
            }
            produce(stack.bootstrapServers, notices);
            try (ServiceProcess orchestrator = stack.orchestrator(SCENARIO, topics, jdbcUrl, null, null)) {
                awaitRows(stack, jdbcUrl, "processed_notifications", notices.size());
            }
            double notificationSeconds = span(stack, jdbcUrl, "processed_at", "processed_notifications");

            System.out.printf("%n=== orchestrator benchmark (machine: %d cores, load average at the end: %s) ===%n",
                    Runtime.getRuntime().availableProcessors(), Bench.loadAverage());
            System.out.printf("intake: %d requests in %.1f s = %.0f/s (first row stored to last)%n",
                    requests, intakeSeconds, perSecond(requests, intakeSeconds));
            System.out.printf("notifications: %d notifications in %.1f s = %.0f/s (first one applied to last)%n",
                    notices.size(), notificationSeconds, perSecond(notices.size(), notificationSeconds));
            System.out.println("orchestrator log: " + work.resolve("logs"));
        }
        System.exit(0);
    }

    /** NaN when every row came in one batch: one timestamp says nothing of a rate. */
    private static double perSecond(int count, double seconds) {
        return seconds > 0 ? count / seconds : Double.NaN;
    }

    /** The record the gateway would publish for this notice: verified there, verified again by the orchestrator. */
    private static byte[] notice(Stack stack, SentSerials.Serial serial, String msgType) {
        Map<String, String> data = SignedNotices.noticeData(serial, msgType);
        Map<String, String> form = HuifuNotifications.signedForm(data, stack.huifu.getPrivate());
        String raw = form.get("resp_data");
        return Bench.JSON.writeValueAsString(new HuifuNotification(HuifuNotifications.notificationId(raw),
                HuifuNotification.KIND_WITHDRAWAL, msgType, data, raw, form.get("sign"), Instant.now()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void createTopics(String bootstrapServers, String... topics)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String topic : topics) {
                wanted.add(new NewTopic(topic, PARTITIONS, (short) 1));
            }
            admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrapServers, List<ProducerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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

    /** Waits until {@code table} has {@code expected} rows; a half-second poll costs the database little. */
    private static void awaitRows(Stack stack, String jdbcUrl, String table, int expected)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres.username(), "");
             Statement st = c.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(table + " did not reach " + expected + " rows within 15 minutes");
                }
                Thread.sleep(500);
            }
        }
    }

    /** Seconds from the first row's timestamp to the last's: the orchestrator's clock, taken as each batch began. */
    private static double span(Stack stack, String jdbcUrl, String column, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres.username(), "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select extract(epoch from max(" + column + ") - min(" + column
                     + ")) from " + table)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
