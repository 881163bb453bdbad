package io.payout.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The suite's crashes, freezes, restarts and outages, each injected when so many of the 3,000 request records are
 * published, so that requests are still arriving and work of every kind is in flight, on a quiet machine (where the
 * withdrawals finish within seconds of their request) as on a loaded one:
 *
 * <ol>
 *   <li>SIGSTOP of orchestrator b, longer than its lease, while it holds claimed work; then SIGCONT (300 published,
 *       {@link FreezeFault});
 *   <li>PostgreSQL's disk full for 20 s while requests pour in, then space again (1,100, {@link DiskFullFault});
 *   <li>kill -9 of orchestrator a (1,500);
 *   <li>PostgreSQL restarted (1,800);
 *   <li>kill -9 of orchestrator b (2,100);
 *   <li>kill -9 of the Kafka broker, then started again (2,400);
 *   <li>kill -9 of orchestrator a again (2,700).
 * </ol>
 *
 * A killed orchestrator is started again in the background while the run goes on (an incarnation that starts while
 * PostgreSQL or the broker is away and exits is started again), so every fault meets work in flight. Publishing
 * goes on through every fault (the broker's delays its acknowledgements), but never past the next fault's mark
 * before that fault is injected: however fast the machine or long a fault, every fault, the last included, meets
 * requests still arriving, and {@link #MIN_GAP} keeps the faults apart.
 */
final class FaultSchedule {

    private static final Duration STEP_WAIT = Duration.ofMinutes(3);
    /** At least this long between the end of one fault and the next, so that each meets a system that moves again. */
    private static final Duration MIN_GAP = Duration.ofSeconds(5);

    private record Step(int records, String when, BooleanSupplier reached, String what, Runnable action) {
    }

    private final ReliabilityStack stack;
    private final OrchestratorDatabase database;
    private final Progress progress;
    private final InvariantTable table;

    FaultSchedule(ReliabilityStack stack, OrchestratorDatabase database, Progress progress, InvariantTable table) {
        this.stack = stack;
        this.database = database;
        this.progress = progress;
        this.table = table;
    }

    /** Runs every step in order; a step whose moment never comes (within 3 min) is reported, and the rest skipped. */
    void run(UpstreamPublisher upstream, Set<String> finals, int valid, Supplier<String> status) {
        FreezeFault freeze = new FreezeFault(stack, database, progress);
        DiskFullFault diskFull = new DiskFullFault(stack, database, progress);
        List<Step> steps = List.of(
                published(upstream, 300, "SIGSTOP orchestrator b past its lease, then SIGCONT", () -> freeze.freeze(1)),
                published(upstream, 1_100, "fill PostgreSQL's disk for " + DiskFullFault.HOLD.toSeconds()
                        + " s, then free it", diskFull::fill),
                published(upstream, 1_500, "kill -9 orchestrator a (restarted in the background)", () -> kill(0)),
                published(upstream, 1_800, "restart PostgreSQL", stack.postgres::restart),
                published(upstream, 2_100, "kill -9 orchestrator b (restarted in the background)", () -> kill(1)),
                // SIGKILL, not a controlled shutdown: no leader hand-over, unflushed segments recovered at start
                published(upstream, 2_400, "kill -9 the Kafka broker, then start it again", () -> {
                    stack.broker.kill();
                    stack.broker.start();
                }),
                published(upstream, 2_700, "kill -9 orchestrator a (restarted in the background, once its last "
                        + "restart is done)", () -> kill(0)));
        int done = 0;
        List<String> idle = new ArrayList<>();
        double[] lastEnded = {Double.NEGATIVE_INFINITY};
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            upstream.holdAt(step.records());
            if (!progress.await(step.when(), STEP_WAIT, () -> step.reached().getAsBoolean()
                    && progress.seconds() - lastEnded[0] >= MIN_GAP.toSeconds(), status)) {
                break;
            }
            // requests go on arriving during the fault, up to the next one's mark
            upstream.holdAt(s + 1 < steps.size() ? steps.get(s + 1).records() : upstream.total());
            double began = progress.seconds();
            progress.say("FAULT: %s (%s)", step.what(), status.get());
            if (finals.size() >= valid) {
                idle.add(step.what() + " came after every withdrawal was final");
            }
            step.action().run();
            progress.say("FAULT: %s done in %.1f s", step.what(), progress.seconds() - began);
            lastEnded[0] = progress.seconds();
            done++;
        }
        upstream.holdAt(upstream.total());
        stack.awaitRestarts();
        progress.say("both orchestrators run again (%s)", status.get());
        table.check("faults injected (SIGSTOP past the lease, 3 kill -9, broker kill -9, PostgreSQL restart, disk "
                + "full)", steps.size(), done == steps.size() ? List.of() : List.of((steps.size() - done)
                + " never reached"));
        table.check("  each while withdrawals were in flight", steps.size(), idle);
        freeze.report(table);
        diskFull.report(table);
    }

    /**
     * kill -9 of orchestrator {@code index} once the other one runs: one instance always carries the work, as in
     * production, instead of both starting at once on a busy machine and nothing moving meanwhile.
     */
    private void kill(int index) {
        stack.awaitRestart(1 - index);
        stack.killAndRestartOrchestrator(index);
    }

    private static Step published(UpstreamPublisher upstream, int records, String what, Runnable action) {
        return new Step(records, records + " request records published", () -> upstream.acknowledged() >= records,
                what, action);
    }
}
