package io.payout.orchestrator.e2e;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.payout.model.Topics;
import io.payout.model.TraceParent;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

/**
 * One withdrawal followed by its trace id through the whole stack: a request record with a W3C traceparent, the
 * Huifu call and the outbox relay as spans of that trace, every outcome record carrying it on, and the Huifu notices
 * as traces of their own (started at the gateway) linked to the withdrawal's.
 */
class WithdrawalTraceIntegrationTest {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final String HUIFU_ID = "6666000000000401";
    private static HuifuStack stack;

    /** Added to the orchestrator's context: its finished spans land here instead of an OTLP endpoint. */
    static class CollectSpans {
        @Bean
        SpanExporter inMemorySpans() {
            return SPANS;
        }
    }

    @BeforeAll
    static void start() {
        stack = new HuifuStack(Map.of(), Map.of("management.opentelemetry.tracing.export.schedule-delay", "100ms"),
                CollectSpans.class);
        stack.control().createAccount(AccountSpec.standard(HUIFU_ID, "1000.00", "10004053462"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void oneTraceIdFromTheRequestRecordToTheFinalOutcomeRecord() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String upstream = new TraceParent(traceId, HexFormat.of().formatHex(randomBytes(8)), true).header();
        send("trace-1", request("trace-1", HUIFU_ID, "12.00", "D0"), upstream);

        List<ConsumerRecord<String, String>> outcomes = stack.orchestrator.awaitOutcomes(records -> records.stream()
                .anyMatch(r -> r.key().equals("trace-1") && "SUCCEEDED".equals(header(r, Topics.HEADER_STATUS))));
        List<ConsumerRecord<String, String>> mine = outcomes.stream().filter(r -> r.key().equals("trace-1")).toList();
        assertThat(mine).extracting(r -> header(r, Topics.HEADER_STATUS))
                .contains("REQUESTED", "PROCESSING", "SUCCEEDED");
        for (ConsumerRecord<String, String> outcome : mine) {
            TraceParent carried = TraceParent.parse(header(outcome, Topics.HEADER_TRACEPARENT));
            assertThat(carried).as("traceparent of the %s outcome", header(outcome, Topics.HEADER_STATUS))
                    .isNotNull();
            assertThat(carried.traceId()).isEqualTo(traceId);
        }

        await().atMost(OrchestratorHarness.WAIT).untilAsserted(() -> {
            List<SpanData> spans = SPANS.getFinishedSpanItems();
            assertThat(spans).filteredOn(s -> s.getName().equals("huifu submit"))
                    .anyMatch(s -> s.getTraceId().equals(traceId));
            List<String> relayed = spans.stream().filter(s -> s.getName().equals("outbox relay")
                    && s.getTraceId().equals(traceId)).map(SpanData::getSpanId).toList();
            // each outcome record's parent is the relay span that published it
            assertThat(relayed).containsAll(mine.stream()
                    .map(r -> TraceParent.parse(header(r, Topics.HEADER_TRACEPARENT)).spanId()).toList());
            assertThat(spans).filteredOn(s -> s.getName().equals("huifu notice applied"))
                    .anyMatch(s -> !s.getTraceId().equals(traceId) && s.getLinks().stream()
                            .anyMatch(link -> link.getSpanContext().getTraceId().equals(traceId)));
        });
    }

    private static void send(String key, String json, String traceParent) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(stack.orchestrator.requests, key,
                    json.getBytes(StandardCharsets.UTF_8));
            record.headers().add(Topics.HEADER_TRACEPARENT, traceParent.getBytes(StandardCharsets.US_ASCII));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
