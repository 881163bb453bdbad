package io.payout.orchestrator.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.testkit.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The broker goes away and comes back: nothing appended meanwhile is lost or doubled. */
class OutboxBrokerOutageIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "outcomes.outage";

    private final OutboxTestDatabase db = new OutboxTestDatabase();
    private final List<EmbeddedKafkaKraftBroker> brokers = new ArrayList<>();
    private OutboxRelay relay;

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        brokers.forEach(EmbeddedKafkaKraftBroker::destroy);
    }

    @Test
    void deliversMessagesAppendedWhileTheBrokerIsDownOnceEachInOrder() {
        EmbeddedKafkaKraftBroker broker = startBroker();
        relay = new OutboxRelay(db.sessions, List.of(broker.getBrokersAsString()), new OutboxProperties(true, 500,
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofMillis(500), Duration.ofSeconds(3), 20_000));
        relay.start();
        db.appendCommitted(messages(0, 10));
        assertThat(readUntil(broker, 10)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(payloads(0, 10));
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);

        BrokerServer server = broker.getCluster().brokers().values().iterator().next();
        server.shutdown();
        server.awaitShutdown();
        for (int i = 10; i < 40; i++) {
            OutboxMessage message = OutboxRelayIntegrationTest.message(TOPIC, "w" + (i % 3), i);
            db.inTransaction(outbox -> outbox.append(message));
        }
        // The relay keeps trying and never marks anything sent while no broker acknowledges.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> db.unsentRows() == 30 && relay.publishedCount() == 10);

        server.startup();
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);
        List<ConsumerRecord<String, String>> all = readUntil(broker, 40);
        List<ConsumerRecord<String, String>> delivered = all.stream()
                .filter(r -> payloads(10, 40).contains(r.value())).toList();

        // Everything appended during the outage arrives exactly once, in order per key, after what came before.
        assertThat(all).extracting(ConsumerRecord::value).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(payloads(0, 40));
        for (int key = 0; key < 3; key++) {
            String k = "w" + key;
            List<String> expected = IntStream.range(10, 40).filter(i -> i % 3 == Integer.parseInt(k.substring(1)))
                    .mapToObj(i -> OutboxRelayIntegrationTest.payload(k, i)).toList();
            assertThat(delivered).filteredOn(r -> r.key().equals(k)).extracting(ConsumerRecord::value)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(relay.publishedCount()).isEqualTo(40);
    }

    private EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = TestKafka.startPrivateBroker();
        brokers.add(broker);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
        return broker;
    }

    /** Reads the topic from the start until {@code count} records arrived (more would show up as a failure). */
    private static List<ConsumerRecord<String, String>> readUntil(EmbeddedKafkaKraftBroker broker, int count) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(TOPIC, p))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                return seen.size() >= count;
            });
        }
        return seen;
    }

    private static List<OutboxMessage> messages(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> OutboxRelayIntegrationTest.message(TOPIC, "w" + (i % 3), i))
                .toList();
    }

    private static List<String> payloads(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> OutboxRelayIntegrationTest.payload("w" + (i % 3), i)).toList();
    }
}
