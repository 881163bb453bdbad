package io.payout.orchestrator;

import io.payout.model.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Topic names (CONTRACT.md §1 defaults) and how the orchestrator creates them when missing. */
@ConfigurationProperties("orchestrator.topics")
public record OrchestratorTopics(
        @DefaultValue(Topics.WITHDRAWAL_REQUESTS) String requests,
        @DefaultValue(Topics.WITHDRAWAL_OUTCOMES) String outcomes,
        @DefaultValue(Topics.WITHDRAWAL_REJECTIONS) String rejections,
        @DefaultValue(Topics.HUIFU_NOTIFICATIONS) String notifications,
        @DefaultValue(Topics.ACCOUNT_REQUESTS) String accountRequests,
        @DefaultValue(Topics.ACCOUNT_REJECTIONS) String accountRejections,
        @DefaultValue(Topics.ACCOUNT_UPDATES) String accountUpdates,
        @DefaultValue(Topics.HUIFU_ACCOUNT_NOTICES) String accountNotices,
        // How long account.requests keeps records when the orchestrator creates it: they carry card numbers,
        // certificate numbers and names (CONTRACT.md §6), so only long enough to be consumed after an outage.
        @DefaultValue("P1D") Duration accountRequestsRetention,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replication) {
}
