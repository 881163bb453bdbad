package io.payout.orchestrator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Beans shared by the features: the clock and the topics created at start-up when missing (CONTRACT.md §1). */
@Configuration(proxyBeanMethods = false)
class OrchestratorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaAdmin.NewTopics orchestratorTopics(OrchestratorTopics topics) {
        List<org.apache.kafka.clients.admin.NewTopic> all = new ArrayList<>();
        for (String name : List.of(topics.requests(), topics.outcomes(), topics.rejections(), topics.notifications())) {
            all.add(TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replication()).build());
        }
        return new KafkaAdmin.NewTopics(all.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
