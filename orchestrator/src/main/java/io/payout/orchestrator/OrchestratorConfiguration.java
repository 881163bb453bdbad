package io.payout.orchestrator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.Topics;
import io.payout.model.calendar.WorkingDays;
import io.payout.orchestrator.reconciliation.ReconciliationProperties;
import io.payout.orchestrator.submission.SubmissionProperties;
import io.payout.orchestrator.withdrawal.NextStep;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the features: the clock, the working-day calendar, the next-step policy and the topics created at start-up when missing (CONTRACT.md §1). */
@Configuration(proxyBeanMethods = false)
class OrchestratorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrchestratorConfiguration.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** What is due next for a withdrawal: the submission timings and the poll schedule, in one policy. */
    @Bean
    NextStep nextStep(SubmissionProperties submission, ReconciliationProperties reconciliation,
                      WorkingDays workingDays) {
        return new NextStep(submission.nextStepSettings(reconciliation.pollSettings(workingDays)),
                NextStep.Jitter.RANDOM);
    }

    /**
     * Mainland China's working days. A date in a year without an announcement counts on
     * {@code business_calendar_unknown_dates_total} and is warned of once per year: add the year's calendar file
     * before it starts, or T1 arrivals and D1 fees over its holidays will be wrong.
     */
    @Bean
    WorkingDays workingDays(ReconciliationProperties reconciliation, MeterRegistry meters) {
        Counter unknown = Counter.builder("business.calendar.unknown.dates")
                .description("Dates asked about in a year the working-day calendar has no announcement for")
                .register(meters);
        Set<Integer> warned = ConcurrentHashMap.newKeySet();
        WorkingDays days = reconciliation.workingDays();
        log.info("working-day calendar: announced years {}", days.years());
        return days.whenUnknown(day -> {
            unknown.increment();
            if (warned.add(day.getYear())) {
                log.warn("the working-day calendar has no announcement for {}: only weekends are off that year; "
                        + "set orchestrator.reconciliation.calendar-file", day.getYear());
            }
        });
    }

    /**
     * Creates missing topics before any listener starts. Not NewTopic beans: KafkaAdmin also adds partitions to
     * an existing topic with fewer, which silently moves keys to other partitions and breaks per-key order.
     */
    @Bean
    InitializingBean orchestratorTopicsCreated(OrchestratorTopics topics, KafkaProperties kafka) {
        return () -> {
            try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
                Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                List<NewTopic> missing = new ArrayList<>();
                for (String name : List.of(topics.requests(), topics.outcomes(), topics.rejections(),
                        topics.notifications(), Topics.quarantineOf(topics.requests()),
                        Topics.quarantineOf(topics.notifications()), topics.accountRequests(),
                        topics.accountRejections(), topics.accountUpdates(), topics.accountNotices(),
                        Topics.quarantineOf(topics.accountRequests()),
                        Topics.quarantineOf(topics.accountNotices()))) {
                    if (!existing.contains(name) && missing.stream().noneMatch(t -> t.name().equals(name))) {
                        NewTopic topic = new NewTopic(name, topics.partitions(), topics.replication());
                        if (name.equals(topics.accountRequests())) {
                            topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                                    Long.toString(topics.accountRequestsRetention().toMillis())));
                        }
                        missing.add(topic);
                    }
                }
                if (!missing.isEmpty()) {
                    try {
                        admin.createTopics(missing).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        // another instance created it meanwhile: fine
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("could not create the orchestrator's topics in time", e);
            }
        };
    }
}
