package io.payout.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.payout.orchestrator.outbox.Outbox;
import io.payout.orchestrator.outbox.OutboxMessage;
import io.payout.orchestrator.outbox.OutboxProperties;
import io.payout.orchestrator.outbox.OutboxRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code deploy/bench/run outbox}: how fast outcomes go from business transactions to the broker through the
 * orchestrator's outbox and its relay, in this JVM on the orchestrator's schema: a committed backlog drained by the
 * relay, then writers committing one message per transaction while the relay runs. It prints the rates and the
 * relay's published count; it checks nothing. Arguments: --messages=20000 --writers=8; --quick: 2,000 messages.
 */
final class OutboxBenchmark {

    private static final int PARTITIONS = 6;

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int messages = options.integer("messages", 20_000, 2_000);
        int writers = options.integer("writers", 8, 8);
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("payout-bench-outbox-");
        try (Stack stack = new Stack(root, work)) {
            System.out.printf("%n=== outbox benchmark (machine: %d cores, load average at the start: %s) ===%n",
                    Runtime.getRuntime().availableProcessors(), Bench.loadAverage());
            backlog(stack, messages);
            oneMessagePerTransaction(stack, messages, writers);
        }
        System.exit(0);
    }

    /** The relay started on a backlog already committed, as after an outage of the broker or of the relay. */
    private static void backlog(Stack stack, int messages) throws Exception {
        try (Database db = new Database(stack, "outbox_backlog")) {
            String topic = topic(stack, "outbox.backlog");
            for (int from = 0; from < messages; from += 1_000) {
                List<OutboxMessage> batch = IntStream.range(from, Math.min(messages, from + 1_000))
                        .mapToObj(i -> message(topic, "w" + (i % 5_000), i)).toList();
                db.inTransaction(outbox -> outbox.appendAll(batch));
            }
            OutboxRelay relay = db.relay(stack);
            long began = System.nanoTime();
            relay.start();
            boolean drained = await(() -> db.unsentRows() == 0);
            report("relay, backlog", messages, began);
            relay.stop();
            printPublished(relay, messages, drained);
        }
    }

    /** Writers committing one message per transaction: the outbox's cost per commit, and a relay fed a stream. */
    private static void oneMessagePerTransaction(Stack stack, int messages, int writers) throws Exception {
        try (Database db = new Database(stack, "outbox_append")) {
            String topic = topic(stack, "outbox.append");
            OutboxRelay relay = db.relay(stack);
            relay.start();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long began = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                pool.execute(() -> {
                    for (int i = writer; i < messages; i += writers) {
                        OutboxMessage message = message(topic, "w" + (i % 5_000), i);
                        db.inTransaction(outbox -> outbox.append(message));
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
            report("append, 1 message per transaction, " + writers + " writers", messages, began);
            boolean drained = await(() -> relay.publishedCount() >= messages);
            report("end to end", messages, began);
            relay.stop();
            printPublished(relay, messages, drained);
        }
    }

    private static OutboxMessage message(String topic, String key, int step) {
        return new OutboxMessage(topic, key, "{\"withdrawal_id\":\"" + key + "\",\"step\":" + step + "}",
                Map.of("event_id", "e-" + key + "-" + step, "status", "S" + step));
    }

    private static String topic(Stack stack, String prefix) throws Exception {
        String topic = prefix + "." + Long.toString(System.nanoTime(), 36);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    /** False if the condition still does not hold after five minutes; the rates printed so far stand. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static void report(String what, int messages, long began) {
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("%s: %d messages in %.2f s = %.0f/s%n", what, messages, seconds, messages / seconds);
    }

    private static void printPublished(OutboxRelay relay, int messages, boolean drained) {
        System.out.printf("  published by the relay: %d of %d%s%n", relay.publishedCount(), messages,
                drained ? "" : " (gave up waiting after 5 minutes)");
    }

    /**
     * A fresh database with the orchestrator's schema and the outbox on it, wired as the orchestrator wires it: a
     * pool for the business transactions (a new connection per transaction would measure only that) and unpooled
     * sessions for the relay, whose lock lives as long as its connection.
     */
    private static final class Database implements AutoCloseable {

        private final HikariDataSource pool = new HikariDataSource();
        private final PGSimpleDataSource sessions = new PGSimpleDataSource();
        private final JdbcClient jdbc;
        private final Outbox outbox;
        private final TransactionTemplate transactions;

        Database(Stack stack, String name) {
            String url = stack.freshDatabase(name);
            pool.setJdbcUrl(url);
            pool.setUsername(stack.postgres.username());
            pool.setPassword("");
            pool.setMaximumPoolSize(12);
            sessions.setUrl(url);
            sessions.setUser(stack.postgres.username());
            sessions.setPassword("");
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            jdbc = JdbcClient.create(pool);
            outbox = new Outbox(jdbc, Clock.systemUTC());
            transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        }

        OutboxRelay relay(Stack stack) {
            return new OutboxRelay(sessions, List.of(stack.bootstrapServers), OutboxProperties.defaults());
        }

        void inTransaction(java.util.function.Consumer<Outbox> work) {
            transactions.executeWithoutResult(status -> work.accept(outbox));
        }

        /** The relay deletes a row once the broker acknowledged it. */
        long unsentRows() {
            return jdbc.sql("select count(*) from outbox").query(Long.class).single();
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
