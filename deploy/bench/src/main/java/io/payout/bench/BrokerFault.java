package io.payout.bench;

import io.payout.reliability.InvariantTable;
import io.payout.reliability.Invariants;
import io.payout.reliability.OrchestratorDatabase;
import io.payout.reliability.Outcome;
import io.payout.reliability.TopicTail;
import io.payout.sandbox.SandboxControl;
import io.payout.testkit.ServiceLaunch;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * B3-cluster-fault: once half of B3's burst is final, kill -9 of one broker of the three (the active controller, so
 * the controller moves too, besides the leadership of a third of the partitions), started again {@code down} later.
 * Reported: the timeline after the kill (controller moved, its partitions led elsewhere, in-sync replica sets shrunk,
 * restarted, answering, every partition in sync again), the per-second rate of final outcomes with its dip and the
 * time to recover; then the reliability suite's invariants over every withdrawal of the run: each final exactly once,
 * its outcome the sandbox's truth, no serial paid twice, the money conserved.
 */
final class BrokerFault implements BurstFault {

    private static final Duration BACK_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaCluster cluster;
    private final Duration down;
    private final String databaseUser;
    private final String bootstrapServers;
    private Thread thread;
    private volatile RuntimeException failure;
    private volatile int victim = -1;
    private volatile int leadersOnVictim = -1;
    private volatile long killedAt;
    private volatile Set<String> scenarioTopics = Set.of();
    private volatile long controllerMovedAt;
    private volatile long leadersMovedAt;
    private volatile long isrShrunkAt;
    private volatile long restartedAt;
    private volatile long servingAt;
    private volatile long inSyncAt;

    BrokerFault(Stack stack, Duration down) {
        this.cluster = stack.cluster().orElseThrow(() -> new IllegalStateException(
                "the broker fault needs a cluster (--brokers 3)"));
        this.down = down;
        this.databaseUser = stack.postgres.username();
        this.bootstrapServers = stack.bootstrapServers;
    }

    @Override
    public void start(OutcomeWatcher outcomes, ServiceLaunch.Topics topics, long finalsBefore, int count) {
        scenarioTopics = Set.of(topics.requests(), topics.outcomes(), topics.rejections(), topics.notifications());
        thread = new Thread(() -> {
            try {
                if (!outcomes.await(() -> outcomes.finals() >= finalsBefore + count / 2, Duration.ofMinutes(15))) {
                    throw new IllegalStateException("half of the burst never became final: no fault injected");
                }
                inject(outcomes.finals() - finalsBefore, count);
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "broker-fault");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Kills the active controller, watches the cluster while it is down (the controller moving, its partitions'
     * leadership moving, the in-sync replica sets shrinking), starts it again and waits until it answers and every
     * partition is fully in sync.
     */
    private void inject(long finalsSoFar, int count) {
        victim = cluster.activeController();
        leadersOnVictim = cluster.ledByOrLeaderless(victim, scenarioTopics);
        int partitions = cluster.partitions(scenarioTopics);
        ClusterBroker broker = cluster.broker(victim);
        killedAt = System.nanoTime();
        broker.kill();
        System.out.printf("  FAULT: kill -9 of %s (the active controller, leader of %d of the scenario's %d "
                + "partitions) with %d of %d final%n", broker.name(), leadersOnVictim, partitions,
                finalsSoFar, count);
        long restartDue = killedAt + down.toNanos();
        while (System.nanoTime() < restartDue) {
            observe();
            Bench.sleep(Math.max(0, Math.min(200, (restartDue - System.nanoTime()) / 1_000_000)));
        }
        broker.start();
        restartedAt = System.nanoTime();
        long deadline = restartedAt + BACK_TIMEOUT.toNanos();
        while (inSyncAt == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(broker.name() + " not back and in sync " + BACK_TIMEOUT
                        + " after its restart");
            }
            observe();
            if (servingAt == 0 && cluster.answers(broker)) {
                servingAt = System.nanoTime();
            }
            if (servingAt != 0 && cluster.underReplicatedPartitions() == 0) {
                inSyncAt = System.nanoTime();
            }
            Bench.sleep(100);
        }
        System.out.printf("  FAULT: %s started again after %d s; %s%n", broker.name(), down.toSeconds(),
                timeline());
    }

    /** Notes the first moment the controller, the leaderships and the in-sync replica sets had moved. */
    private void observe() {
        long now = System.nanoTime();
        try {
            if (controllerMovedAt == 0 && cluster.activeController() != victim) {
                controllerMovedAt = now;
            }
            if (leadersMovedAt == 0 && cluster.ledByOrLeaderless(victim, scenarioTopics) == 0) {
                leadersMovedAt = now;
            }
            if (isrShrunkAt == 0 && cluster.underReplicatedPartitions() > 0) {
                isrShrunkAt = now;
            }
        } catch (RuntimeException unanswered) {
            // the cluster is busy electing: the next look will tell
        }
    }

    /** Each step after the kill, in seconds from it ("never" when it did not happen while the broker was away). */
    private String timeline() {
        return String.format("after the kill: controller moved %s, its partitions led elsewhere %s, in-sync replica "
                + "sets shrunk %s, restarted %s, answering %s, every partition in sync %s",
                since(controllerMovedAt), since(leadersMovedAt), since(isrShrunkAt), since(restartedAt),
                since(servingAt), since(inSyncAt));
    }

    private String since(long at) {
        return at == 0 ? "never" : String.format("%.1f s", (at - killedAt) / 1e9);
    }

    @Override
    public Map<String, Object> report(Burst burst) {
        join();
        if (failure != null) {
            throw failure;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("killed", "kafka-" + victim + " (active controller), kill -9");
        r.put("partitions_led_by_killed_broker", leadersOnVictim);
        r.put("down_seconds", down.toSeconds());
        r.put("killed_at_s", seconds(killedAt - burst.startNanos()));
        // seconds from the kill; null: did not happen while the broker was away
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("controller_moved", fromKill(controllerMovedAt));
        timeline.put("partitions_led_elsewhere", fromKill(leadersMovedAt));
        timeline.put("in_sync_replicas_shrunk", fromKill(isrShrunkAt));
        timeline.put("restarted", fromKill(restartedAt));
        timeline.put("answering", fromKill(servingAt));
        timeline.put("all_partitions_in_sync", fromKill(inSyncAt));
        r.put("seconds_after_kill", timeline);
        long[] perSecond = Stats.countsPerSecond(burst.finalOffsetsNanos());
        ThroughputDip dip = ThroughputDip.of(perSecond, (killedAt - burst.startNanos()) / 1e9);
        r.put("finals_per_second", perSecond);
        r.put("rate_before_per_second", Bench.round(dip.before()));
        r.put("lowest_per_second", dip.lowest());
        r.put("lowest_at_s", dip.lowestSecond());
        r.put("recovered_after_s", Bench.round(dip.recoverySeconds()));
        r.put("seconds_below_90_percent", dip.secondsBelow());
        System.out.printf("  finals per second from the burst start: %s%n", Arrays.toString(perSecond));
        System.out.printf("  rate before the kill %.0f/s (median); lowest %d/s in second %d; back to 90 %% %.1f s "
                + "after the kill (%d whole seconds below)%n", dip.before(), dip.lowest(), dip.lowestSecond(),
                dip.recoverySeconds(), dip.secondsBelow());
        r.putAll(checkInvariants(burst));
        return r;
    }

    /** The reliability suite's invariants over every withdrawal the run published, warm-up included. */
    private Map<String, Object> checkInvariants(Burst burst) {
        SandboxControl sandbox = SandboxControl.of(burst.deployment().sandbox().baseUrl());
        OrchestratorDatabase database = new OrchestratorDatabase(burst.jdbcUrl(), databaseUser);
        InvariantTable table = new InvariantTable();
        boolean quiet = await(() -> sandbox.status().idle() && database.unsentOutboxRows() == 0);
        table.check("run quiet afterwards: sandbox idle, outbox empty", 1, quiet ? List.of()
                : List.of(sandbox.status() + ", unsent outbox rows " + database.unsentOutboxRows()));
        try (TopicTail outcomes = TopicTail.start(bootstrapServers, burst.topics().outcomes(), record -> { });
             TopicTail rejections = TopicTail.start(bootstrapServers, burst.topics().rejections(), record -> { })) {
            boolean read = await(() -> outcomes.atEnd() && rejections.atEnd());
            table.check("outcomes and rejections topics read to their end", 2, read ? List.of()
                    : List.of("not read to the end within " + QUIET_TIMEOUT));
            Invariants invariants = new Invariants(new Invariants.Facts(burst.published(),
                    outcomes.records().stream().map(Outcome::of).toList(), rejections.records(), List.of(),
                    database.withdrawals(), database.serialOwners(), sandbox.withdrawals(), sandbox.ledger()));
            invariants.checkWithdrawals(table);
            invariants.checkOutcomeStreams(table);
            invariants.checkMoney(table);
            invariants.checkRejections(table);
        }
        System.out.printf("  invariants over all %,d withdrawals of the run (warm-up included):%n%s",
                burst.published().size(), table.render());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("invariants_checked_withdrawals", burst.published().size());
        r.put("invariant_violations", table.violations());
        r.put("invariants", table.render());
        return r;
    }

    private static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Bench.sleep(200);
        }
        return true;
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Double fromKill(long at) {
        return at == 0 ? null : seconds(at - killedAt);
    }

    private static double seconds(long nanos) {
        return Bench.round(nanos / 1e9);
    }
}
