package io.payout.orchestrator.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures (does not assert) how fast outcomes go from business transactions to the broker. Run with
 * {@code -Dbenchmark=true -Dtest=OutboxThroughputBenchmarkTest}; the rates are printed.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutboxThroughputBenchmarkTest {

    private static final int MESSAGES = Integer.getInteger("benchmark.messages", 20_000);
    private static final int WRITERS = Integer.getInteger("benchmark.writers", 8);

    @Test
    void measuresRelayThroughputOfABacklog() {
        OutboxTestDatabase db = new OutboxTestDatabase();
        String topic = TestKafka.uniqueTopic("bench");
        TestKafka.createTopics(6, topic);
        for (int from = 0; from < MESSAGES; from += 1_000) {
            int start = from;
            db.appendCommitted(IntStream.range(start, Math.min(MESSAGES, start + 1_000))
                    .mapToObj(i -> OutboxRelayIntegrationTest.message(topic, "w" + (i % 5_000), i)).toList());
        }
        OutboxRelay relay = relay(db);
        long began = System.nanoTime();
        relay.start();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> db.unsentRows() == 0);
        report("relay, backlog", began);
        relay.stop();
        assertThat(relay.publishedCount()).isEqualTo(MESSAGES);
    }

    @Test
    void measuresOneMessagePerTransactionEndToEnd() throws InterruptedException {
        OutboxTestDatabase db = new OutboxTestDatabase();
        String topic = TestKafka.uniqueTopic("bench");
        TestKafka.createTopics(6, topic);
        OutboxRelay relay = relay(db);
        relay.start();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long began = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.execute(() -> {
                for (int i = writer; i < MESSAGES; i += WRITERS) {
                    OutboxMessage message = OutboxRelayIntegrationTest.message(topic, "w" + (i % 5_000), i);
                    db.inTransaction(outbox -> outbox.append(message));
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(5, TimeUnit.MINUTES);
        report("append, 1 message per transaction, " + WRITERS + " writers", began);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> relay.publishedCount() == MESSAGES);
        report("end to end", began);
        relay.stop();
    }

    private static OutboxRelay relay(OutboxTestDatabase db) {
        return new OutboxRelay(db.sessions, List.of(TestKafka.bootstrapServers()), OutboxProperties.defaults());
    }

    private static void report(String what, long began) {
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("BENCHMARK %s: %d messages in %.2f s = %.0f/s%n", what, MESSAGES, seconds,
                MESSAGES / seconds);
    }
}
