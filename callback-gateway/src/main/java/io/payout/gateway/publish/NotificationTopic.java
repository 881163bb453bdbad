package io.payout.gateway.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Creates the gateway's topics when they are missing (CONTRACT.md §1, §6): withdrawal notices, account notices and
 * the quarantine topic of each. One bounded attempt at start-up; if the broker is unreachable the gateway starts
 * anyway (answering 503 meanwhile) and keeps trying in the background.
 */
final class NotificationTopic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationTopic.class);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

    private final Map<String, Object> adminConfig;
    private final List<NewTopic> topics;
    private final Duration attemptTimeout;
    private ScheduledExecutorService retries;
    private volatile boolean running;

    NotificationTopic(Map<String, Object> adminConfig, List<NewTopic> topics, Duration attemptTimeout) {
        this.adminConfig = adminConfig;
        this.topics = List.copyOf(topics);
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public void start() {
        running = true;
        if (!ensureExists()) {
            retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "gateway-topic-init");
                thread.setDaemon(true);
                return thread;
            });
            retries.scheduleWithFixedDelay(() -> {
                if (ensureExists()) {
                    retries.shutdown();
                }
            }, RETRY_INTERVAL.toMillis(), RETRY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** True once every topic exists (created now or before). */
    boolean ensureExists() {
        for (NewTopic topic : topics) {
            if (!ensureExists(topic)) {
                return false;
            }
        }
        return true;
    }

    private boolean ensureExists(NewTopic topic) {
        Admin admin = Admin.create(adminConfig);
        try {
            admin.createTopics(List.of(topic)).all().get(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("created topic {} with {} partitions, replication {}", topic.name(), topic.numPartitions(),
                    topic.replicationFactor());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            log.warn("cannot create topic {} yet ({}); retrying every {}", topic.name(), e.getCause().toString(),
                    RETRY_INTERVAL);
            return false;
        } catch (TimeoutException e) {
            log.warn("broker unreachable, topic {} not checked yet; retrying every {}", topic.name(), RETRY_INTERVAL);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            // Without a bound, close() would wait out the attempt still pending against an absent broker.
            admin.close(Duration.ZERO);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
