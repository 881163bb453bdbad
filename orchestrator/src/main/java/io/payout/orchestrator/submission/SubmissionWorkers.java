package io.payout.orchestrator.submission;

import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.DueWork;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims due withdrawals (FOR UPDATE SKIP LOCKED, so any number of instances can run) and hands each to a bounded
 * pool that sends or queries it. A claim leases the row, or for a send makes the query after it due at the lease's
 * end; either way a failed step leaves the row due again then.
 */
@Component
@ConditionalOnProperty(name = "orchestrator.submission.enabled", havingValue = "true", matchIfMissing = true)
class SubmissionWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWorkers.class);
    private static final long GATHER_WAIT_MILLIS = 10;

    private final DueWork dueWork;
    private final Submissions submissions;
    private final SubmissionProperties props;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Semaphore capacity;
    private final int gather;
    private ExecutorService pool;
    private Thread poller;

    SubmissionWorkers(DueWork dueWork, Submissions submissions, SubmissionProperties props, Clock clock) {
        this.dueWork = dueWork;
        this.submissions = submissions;
        this.props = props;
        this.clock = clock;
        this.capacity = new Semaphore(props.threads());
        this.gather = Math.max(1, Math.min(props.batchSize(), props.threads() / 4));
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(props.threads(), r -> new Thread(r, "submission-" + n.incrementAndGet()));
        poller = new Thread(this::poll, "submission-poller");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        long pollMillis = props.pollInterval().toMillis();
        while (running.get()) {
            try {
                // Every worker busy: claim again as soon as workers come free, not after a poll interval, or a
                // backlog would drain at no more than the pool's size per interval however fast the steps were.
                if (!capacity.tryAcquire(pollMillis, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                capacity.release();
                gatherFreeWorkers();
                int free = Math.min(capacity.availablePermits(), props.batchSize());
                Instant now = clock.instant();
                List<DueWork.Claimed> claimed = dueWork.claim(owner, now, now.plus(props.lease()),
                        SerialNumbers.reqDate(now), free);
                for (DueWork.Claimed c : claimed) {
                    capacity.acquire();
                    pool.execute(() -> step(c));
                }
                if (claimed.size() < free) {
                    // nothing more is due now: look again after the interval
                    Thread.sleep(pollMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // database down: keep polling after a pause; claimed rows come back when their lease expires
                log.warn("claiming due withdrawals failed: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /**
     * With every worker busy (a backlog), claiming for each worker as it came free would cost PostgreSQL one claim
     * statement per one or two withdrawals. Waiting a few milliseconds for a quarter of the pool to come free
     * claims them together; with that many free already it returns at once.
     */
    private void gatherFreeWorkers() throws InterruptedException {
        if (capacity.availablePermits() < gather
                && capacity.tryAcquire(gather, GATHER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            capacity.release(gather);
        }
    }

    private void step(DueWork.Claimed claimed) {
        try {
            submissions.process(claimed);
        } catch (RuntimeException e) {
            log.warn("withdrawal {} step failed, retried after its lease: {}", claimed.row().withdrawalId(),
                    e.toString());
        } finally {
            capacity.release();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(Math.max(1000, props.pollInterval().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        poller.interrupt();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
