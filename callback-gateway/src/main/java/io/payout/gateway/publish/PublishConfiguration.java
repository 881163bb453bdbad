package io.payout.gateway.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.payout.gateway.GatewayProperties;
import io.payout.model.HuifuNotification;
import io.payout.model.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer behind {@link NotificationPublisher}. Connection settings (servers, security, SSL) come from
 * {@code spring.kafka.*}; the settings the no-loss promise rests on are forced here so no property can weaken them.
 */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    NotificationPublisher notificationPublisher(KafkaProperties kafka, GatewayProperties gateway,
                                                MeterRegistry meters, ObjectProvider<Tracer> tracer) {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(kafka, gateway),
                new StringSerializer(), new ByteArraySerializer());
        // A mapper of our own, so spring.jackson.* settings cannot change the contract's JSON (ISO-8601 instants).
        return new NotificationPublisher(producer, JsonMapper.builder().build(), Map.of(
                HuifuNotification.KIND_WITHDRAWAL, gateway.topic(), HuifuNotification.KIND_ACCOUNT,
                gateway.accountTopic()), gateway.publishTimeout(), meters, tracer.getIfAvailable());
    }

    @Bean
    NotificationTopic notificationTopic(KafkaProperties kafka, GatewayProperties gateway) {
        Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties());
        int timeoutMs = (int) gateway.publishTimeout().toMillis();
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        List<NewTopic> topics = Stream.of(gateway.topic(), gateway.accountTopic())
                .flatMap(topic -> Stream.of(topic, Topics.quarantineOf(topic)))
                .map(topic -> new NewTopic(topic, gateway.topicPartitions(), gateway.topicReplication()))
                .toList();
        return new NotificationTopic(admin, topics, gateway.publishTimeout());
    }

    static Map<String, Object> producerConfig(KafkaProperties kafka, GatewayProperties gateway) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        long timeoutMs = gateway.publishTimeout().toMillis();
        long lingerMs = gateway.linger().toMillis();
        // Idempotent with acks=all: a retried batch is written once, and "acknowledged" means every in-sync replica.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Bounded so a dead broker shows as 503 within the publish timeout rather than holding Huifu's request
        // open past its own 5 s. Kafka requires delivery.timeout >= linger + request.timeout.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (timeoutMs + lingerMs));
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs);
        return config;
    }
}
