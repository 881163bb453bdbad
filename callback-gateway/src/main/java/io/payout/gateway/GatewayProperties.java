package io.payout.gateway;

import io.payout.model.Topics;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's configuration (INTERFACES.md, prefix {@code gateway.}). The Kafka connection itself comes from
 * {@code spring.kafka.*}; the delivery guarantees (idempotence, acks=all, timeouts) are not configurable there.
 *
 * @param huifuPublicKey   Huifu's public key (X.509 Base64, PEM, or {@code file:/path}); verifies every notification
 * @param topic            where verified withdrawal notices go
 * @param accountTopic     where verified account audit notices go
 * @param publishTimeout   how long a request waits for the broker's acknowledgement before answering 503
 * @param maxBodyBytes     larger bodies get 413 without being read
 * @param allowedNetworks  CIDR blocks notifications may come from; empty means any source
 * @param topicPartitions  partitions of the topic when the gateway creates it
 * @param topicReplication replication factor of the topic when the gateway creates it
 * @param linger           how long the producer waits to fill a batch; small, as every request waits for it
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        String huifuPublicKey,
        @DefaultValue(Topics.HUIFU_NOTIFICATIONS) String topic,
        @DefaultValue(Topics.HUIFU_ACCOUNT_NOTICES) String accountTopic,
        @DefaultValue("2s") Duration publishTimeout,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1") short topicReplication,
        @DefaultValue("1ms") Duration linger) {

    /** Huifu gives up on an attempt after 5 s (PROTOCOL.md §4.4); an answer after that is as good as none. */
    public static final Duration HUIFU_NOTIFY_TIMEOUT = Duration.ofSeconds(5);

    public GatewayProperties {
        if (topic == null || topic.isBlank() || accountTopic == null || accountTopic.isBlank()) {
            throw new IllegalArgumentException("gateway.topic and gateway.account-topic must not be blank");
        }
        if (topic.equals(accountTopic)) {
            throw new IllegalArgumentException("gateway.topic and gateway.account-topic must differ: " + topic);
        }
        if (publishTimeout.isNegative() || publishTimeout.isZero()
                || publishTimeout.compareTo(HUIFU_NOTIFY_TIMEOUT) >= 0) {
            throw new IllegalArgumentException("gateway.publish-timeout must be positive and below Huifu's 5 s: "
                    + publishTimeout);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("gateway.max-body-bytes must be at least 1024: " + maxBodyBytes);
        }
        if (topicPartitions < 1 || topicReplication < 1) {
            throw new IllegalArgumentException("gateway.topic-partitions and -replication must be positive");
        }
        if (linger.isNegative() || linger.compareTo(publishTimeout) >= 0) {
            throw new IllegalArgumentException("gateway.linger must be between 0 and the publish timeout: " + linger);
        }
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    }

    /** Never prints the key, only whether one is set. */
    @Override
    public String toString() {
        return "GatewayProperties[topic=" + topic + ", accountTopic=" + accountTopic + ", publishTimeout=" + publishTimeout + ", maxBodyBytes="
                + maxBodyBytes + ", allowedNetworks=" + allowedNetworks + ", huifuPublicKey="
                + (huifuPublicKey == null || huifuPublicKey.isBlank() ? "<missing>" : "<set>") + "]";
    }
}
