package io.payout.bench;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.Topics;
import io.payout.model.TraceParent;
import io.payout.model.WithdrawalRequested;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Publishes withdrawal requests the way an upstream service does (acks=all, batched). */
final class Requests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The share of requests sent with a W3C traceparent whose sampled flag is set ({@code --traced-share}); the others
     * carry one unsampled. Negative (the default): no traceparent at all, as an upstream without tracing sends.
     */
    private static volatile double tracedShare = -1;

    private Requests() {
    }

    static void traced(double sampledShare) {
        tracedShare = sampledShare;
    }

    static WithdrawalRequested request(String id, String huifuId, String tokenNo, int i, IntoAcctDateType type) {
        // 10.00 .. 109.00 yuan in whole fen, from integers (above the sandbox's standard 1.00 + 0.05 % fee)
        Amount amount = new Amount(BigDecimal.valueOf(1_000 + (i * 37L) % 9_901, 2));
        return new WithdrawalRequested(id, huifuId, AccountKind.MERCHANT, tokenNo, amount, type, null, null,
                Instant.now());
    }

    private static String traceParent(double sampledShare) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new TraceParent(HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(
                random.nextLong()), HexFormat.of().toHexDigits(random.nextLong()), random.nextDouble() < sampledShare)
                .header();
    }

    /** Sends {@code count} requests and returns the nanoTime just before the first send. */
    static long publish(String bootstrapServers, String topic, int count, IntFunction<WithdrawalRequested> make) {
        String[] values = new String[count];
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            WithdrawalRequested request = make.apply(i);
            keys[i] = request.withdrawalId();
            values[i] = JSON.writeValueAsString(request);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.partitionsFor(topic);
            long start = System.nanoTime();
            double share = tracedShare;
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, keys[i], values[i]);
                if (share >= 0) {
                    record.headers().add(Topics.HEADER_TRACEPARENT, traceParent(share)
                            .getBytes(StandardCharsets.US_ASCII));
                }
                producer.send(record);
            }
            producer.flush();
            return start;
        }
    }
}
