package io.payout.orchestrator.outbox;

import io.payout.orchestrator.tracing.Traces;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox to Kafka. Exactly one relay is active across all instances: the one whose dedicated
 * PostgreSQL session holds the relay advisory lock; the others retry the lock and take over when that session
 * ends. The active relay sends unsent rows in id order, in batches, waits for every acknowledgement, and only
 * then deletes the batch; on any failure nothing is deleted and the same rows are sent again after a back-off.
 * Rows are never skipped, so per key the topic carries the transitions in the order they were committed
 * (at least once; consumers de-duplicate on event_id).
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Pause between rounds while rows keep coming: collects a batch's worth instead of one row per round. */
    private static final Duration BUSY_ROUND = Duration.ofMillis(10);

    private final DataSource dataSource;
    private final List<String> bootstrapServers;
    private final OutboxProperties properties;
    private final Traces traces;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong vacuums = new AtomicLong();
    private int deletedSinceVacuum;
    private volatile boolean leading;
    private volatile CountDownLatch stopSignal;
    private volatile Thread worker;

    /**
     * @param dataSource where the relay opens its one dedicated session; best unpooled, so that ending the session
     *                   really closes the connection (a pooled one is unlocked explicitly when the relay stops)
     */
    public OutboxRelay(DataSource dataSource, List<String> bootstrapServers, OutboxProperties properties) {
        this(dataSource, bootstrapServers, properties, null);
    }

    /** With {@code traces} (nullable): a message that carries a traceparent is relayed in a span of its trace. */
    public OutboxRelay(DataSource dataSource, List<String> bootstrapServers, OutboxProperties properties,
                       Traces traces) {
        this.dataSource = dataSource;
        this.bootstrapServers = List.copyOf(bootstrapServers);
        this.properties = properties;
        this.traces = traces;
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        stopSignal = new CountDownLatch(1);
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops publishing and ends the session, which hands the relay role to another instance. */
    @Override
    public synchronized void stop() {
        Thread running = worker;
        if (running == null) {
            return;
        }
        stopSignal.countDown();
        try {
            running.join(properties.sendTimeout().plus(properties.pollInterval()).plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Whether this instance currently holds the relay role. */
    public boolean isLeading() {
        return leading;
    }

    /** Records acknowledged by the broker since start (a metric, and evidence in tests). */
    public long publishedCount() {
        return published.get();
    }

    /** Vacuums of the outbox this relay ran since start (a metric, and evidence in tests). */
    public long vacuumCount() {
        return vacuums.get();
    }

    private void run() {
        Duration backoff = properties.retryBase();
        try (RelayProducer producer = new RelayProducer(bootstrapServers, properties.sendTimeout(), traces)) {
            while (!stopping()) {
                try (RelaySession session = RelaySession.open(dataSource)) {
                    if (!session.tryLead()) {
                        backoff = properties.retryBase();
                        pause(properties.lockRetryInterval());
                        continue;
                    }
                    leading = true;
                    log.info("outbox relay active: this instance holds the relay lock");
                    session.listen();
                    serve(session, producer);
                } catch (SQLException | RuntimeException e) {
                    log.warn("outbox relay lost its database session, retrying in {}: {}", backoff, e.toString());
                    pause(backoff);
                    backoff = longer(backoff);
                } finally {
                    if (leading) {
                        log.info("outbox relay inactive: released the relay lock");
                    }
                    leading = false;
                }
            }
        }
    }

    /**
     * The active relay's loop. While rows keep coming it polls in short rounds (no NOTIFY needed, so writers skip
     * it); once a round finds nothing it asks writers for a wake-up, looks once more (a row whose writer saw no
     * request yet), and sleeps until woken or until the fallback poll is due.
     */
    private void serve(RelaySession session, RelayProducer producer) throws SQLException {
        Duration backoff = properties.retryBase();
        int pollMillis = (int) Math.max(1, properties.pollInterval().toMillis());
        session.wantWakeUps(false);
        while (!stopping()) {
            try {
                if (drain(session, producer) > 0) {
                    backoff = properties.retryBase();
                    pause(BUSY_ROUND);
                    continue;
                }
                session.wantWakeUps(true);
                if (drain(session, producer) > 0) {
                    session.wantWakeUps(false);
                    continue;
                }
            } catch (RelayProducer.RelayFailure e) {
                // Nothing of the batch was deleted: the same rows go again, in the same order, after the pause.
                log.warn("outbox relay could not publish, retrying in {}: {}", backoff, e.getMessage());
                pause(backoff);
                backoff = longer(backoff);
                continue;
            }
            session.awaitWakeUp(pollMillis);
            session.wantWakeUps(false);
        }
    }

    /** Sends everything unsent now, batch by batch; returns how many rows were sent. */
    private int drain(RelaySession session, RelayProducer producer) throws RelayProducer.RelayFailure {
        int sent = 0;
        List<PendingMessage> batch;
        do {
            if (stopping()) {
                return sent;
            }
            batch = session.unsent(properties.batchSize());
            if (batch.isEmpty()) {
                return sent;
            }
            producer.sendAll(batch);
            // Deleted only after every record of the batch is acknowledged (acks=all).
            session.deleteSent(batch);
            published.addAndGet(batch.size());
            sent += batch.size();
            vacuumIfDue(session, batch.size());
        } while (batch.size() == properties.batchSize());
        return sent;
    }

    /**
     * Every read starts at the lowest id and steps over each deleted row until a vacuum removes it. Autovacuum
     * visits a database about once a minute (a new one after a cycle or two), so at thousands of rows a second
     * each read would step over hundreds of thousands of dead rows between its visits. The relay knows how many it
     * deleted and vacuums the table itself.
     */
    private void vacuumIfDue(RelaySession session, int deleted) {
        deletedSinceVacuum += deleted;
        if (properties.vacuumEvery() > 0 && deletedSinceVacuum >= properties.vacuumEvery()) {
            deletedSinceVacuum = 0;
            session.vacuum();
            vacuums.incrementAndGet();
        }
    }

    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : doubled;
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void pause(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopSignal.countDown();
        }
    }
}
