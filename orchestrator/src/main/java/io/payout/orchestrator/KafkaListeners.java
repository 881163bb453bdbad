package io.payout.orchestrator;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The batch listener containers of intake and notifications. Offsets are committed only after the listener
 * returns, i.e. after the database transaction committed; a listener that throws (database down, version
 * conflict) gets the same batch again with exponential back-off, forever: a transient failure never turns into a
 * rejection or a skipped record.
 */
@Configuration(proxyBeanMethods = false)
class KafkaListeners {

    /** First retry after 100 ms, doubling up to 10 s; never gives up. */
    private static final long RETRY_INITIAL_MS = 100;
    private static final long RETRY_MAX_MS = 10_000;

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> requestListenerFactory(KafkaProperties kafka,
            org.springframework.core.env.Environment env, MeterRegistry meters) {
        // Bytes, not strings: invalid UTF-8 must become a MALFORMED rejection, not a poison pill.
        return factory(kafka, env, meters, ByteArrayDeserializer.class);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> notificationListenerFactory(KafkaProperties kafka,
            org.springframework.core.env.Environment env, MeterRegistry meters) {
        return factory(kafka, env, meters, StringDeserializer.class);
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> factory(KafkaProperties kafka,
            org.springframework.core.env.Environment env, MeterRegistry meters, Class<?> valueDeserializer) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                env.getProperty("orchestrator.consumer.max-poll-records", Integer.class, 1000));
        props.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, env.getProperty("orchestrator.consumer.group-id",
                "orchestrator"));
        // Each batch costs a transaction, a handful of statements and an offset commit whatever its size. Letting the
        // broker hold a fetch until some records gathered (or the wait passed) turns a trickle of single-record
        // batches into fewer, fuller ones. The wait trades a little median latency at low rates for much less CPU
        // per record; under load 16 KiB gather long before the wait ends.
        props.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                env.getProperty("orchestrator.consumer.fetch-min-bytes", Integer.class, 16_384));
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) env.getProperty(
                "orchestrator.consumer.fetch-max-wait", Duration.class, Duration.ofMillis(100))
                .toMillis());
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, V> consumers = new DefaultKafkaConsumerFactory<>(props);
        // the consumers' own metrics (records-lag-max, records-consumed-total) tell whether a consumer moves
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(env.getProperty("orchestrator.consumer.concurrency", Integer.class, 2));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(RETRY_INITIAL_MS, 2.0);
        backOff.setMaxInterval(RETRY_MAX_MS);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
