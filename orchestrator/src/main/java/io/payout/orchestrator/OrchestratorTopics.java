package io.payout.orchestrator;

import io.payout.model.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Topic names (CONTRACT.md §1 defaults) and how the orchestrator creates them when missing. */
@ConfigurationProperties("orchestrator.topics")
public record OrchestratorTopics(
        @DefaultValue(Topics.WITHDRAWAL_REQUESTS) String requests,
        @DefaultValue(Topics.WITHDRAWAL_OUTCOMES) String outcomes,
        @DefaultValue(Topics.WITHDRAWAL_REJECTIONS) String rejections,
        @DefaultValue(Topics.HUIFU_NOTIFICATIONS) String notifications,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replication) {
}
