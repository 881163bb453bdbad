package io.payout.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft) per JVM, started on first use, with the few helpers tests need: create topics,
 * produce, and read a topic from the beginning until a condition holds. The broker is in-process, or a container
 * under {@code -Ptestcontainers} (see {@link InfrastructureSelection}); every helper works on either.
 */
public final class TestKafka {

    private static final Duration POLL = Duration.ofMillis(100);

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return InfrastructureSelection.selected().kafkaBootstrapServers();
    }

    /**
     * A broker of the caller's own, e.g. to stop it in a test; the caller destroys it. Always in-process, also under
     * {@code -Ptestcontainers}: its callers stop and restart it through the embedded broker's own API (the outage
     * tests shut down and start up its {@code BrokerServer}; the local stack and the benchmarks run on it).
     */
    public static EmbeddedKafkaKraftBroker startPrivateBroker() {
        return InProcessInfrastructure.startBroker();
    }

    /** A topic name no other test uses, so tests sharing the broker never see each other's records. */
    public static String uniqueTopic(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void createTopics(int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    public static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    /** Sends raw bytes (e.g. invalid UTF-8) in order, waiting for every acknowledgement. */
    public static void sendBytes(String topic, List<Map.Entry<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
            }
            producer.flush();
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code condition} holds for everything read so far, and
     * returns it. Fails with the records seen when {@code timeout} passes first.
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(
            String topic, Predicate<List<ConsumerRecord<String, String>>> condition, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                consumer.poll(POLL).forEach(seen::add);
                if (condition.test(seen)) {
                    return seen;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition on topic " + topic + " not met within " + timeout
                            + "; read " + seen.size() + " records");
                }
            }
        }
    }

    /**
     * Everything on the topic now: its end offsets are taken first, then the topic is read up to them. (Waiting for a
     * quiet period instead can return too early on a loaded machine, before the consumer has even been positioned.)
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            Set<TopicPartition> partitions = consumer.assignment();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + ends);
                }
                consumer.poll(POLL).forEach(seen::add);
            }
            return seen;
        }
    }

    /** A consumer assigned every partition of {@code topic}, positioned at the beginning; the caller closes it. */
    private static KafkaConsumer<String, String> fromTheBeginning(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    static Set<String> topics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
