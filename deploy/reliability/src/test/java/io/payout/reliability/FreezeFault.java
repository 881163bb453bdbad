package io.payout.reliability;

import io.payout.testkit.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An orchestrator frozen with SIGSTOP while it holds claimed work (rows it leased, sends it claimed and has not had
 * the answer of), for longer than its lease (ReliabilityStack: 8 s) and its Kafka session (6 s), then resumed with
 * SIGCONT. Meanwhile the other
 * instance takes over its leases once they expire (a claimed send's row is due for a query then: Huifu is asked
 * before anything is sent again) and its partitions once its session expires. On resuming, the frozen instance
 * finishes what it was doing with stale claims: each write it makes carries the row version it read, so a row the
 * other instance moved on refuses it. The invariants then show no double send ("at most one serial accepted by the
 * sandbox per withdrawal") and no lost transition (every path complete, final state equal to the sandbox's truth).
 */
final class FreezeFault {

    /** The lease of ReliabilityStack's orchestrators. */
    static final Duration LEASE = Duration.ofSeconds(8);
    /** Frozen this long past the lease, so that every lease it held expires and is taken over while it sleeps. */
    static final Duration MARGIN = Duration.ofSeconds(6);
    /** A freeze that found the instance holding nothing is undone and tried again, this many times at most. */
    private static final int TRIES = 20;

    private final ReliabilityStack stack;
    private final OrchestratorDatabase database;
    private final Progress progress;
    private final List<String> problems = new ArrayList<>();
    private boolean ran;
    private long leasesHeld;
    private long sendsInFlight;

    FreezeFault(ReliabilityStack stack, OrchestratorDatabase database, Progress progress) {
        this.stack = stack;
        this.database = database;
        this.progress = progress;
    }

    /**
     * Freezes orchestrator {@code index} at a moment it holds leased rows or sends are under way (what it holds is
     * read after it stopped, so it cannot let go in between), keeps it frozen for the lease and a margin, resumes it.
     */
    void freeze(int index) {
        stack.awaitRestart(index);
        ServiceProcess frozen = stack.orchestrator(index);
        for (int attempt = 1; attempt <= TRIES && !ran; attempt++) {
            progress.await("claimed work in flight", Duration.ofSeconds(30),
                    () -> database.leasesHeldBy(frozen.pid()) + database.sendsInFlightBy(frozen.pid()) > 0,
                    () -> "none");
            frozen.pause();
            leasesHeld = database.leasesHeldBy(frozen.pid());
            sendsInFlight = database.sendsInFlightBy(frozen.pid());
            if (leasesHeld == 0 && sendsInFlight == 0 && attempt < TRIES) {
                frozen.resume(); // it let go just before it stopped: another moment
                continue;
            }
            ran = true;
            long since = System.nanoTime();
            Duration hold = LEASE.plus(MARGIN);
            try {
                progress.say("  %s frozen (SIGSTOP) holding %d leased rows and %d sends under way; for %d s",
                        frozen.name(), leasesHeld, sendsInFlight, hold.toSeconds());
                // the condition is the lease's end: every row it leased is free again, and the time has passed
                progress.await(frozen.name() + " frozen past its lease", hold.plusSeconds(30),
                        () -> System.nanoTime() - since >= hold.toNanos() && database.leasesHeldBy(frozen.pid()) == 0,
                        () -> "leases still held: " + database.leasesHeldBy(frozen.pid()));
            } finally {
                frozen.resume();
            }
            if (!frozen.isAlive()) {
                problems.add(frozen.name() + " exited after SIGCONT");
            }
        }
        if (leasesHeld == 0 && sendsInFlight == 0) {
            problems.add("frozen holding no leased row and with no send under way");
        }
    }

    void report(InvariantTable table) {
        if (!ran) {
            problems.add("the freeze never ran");
        }
        table.check("  SIGSTOP past the lease (" + LEASE.plus(MARGIN).toSeconds() + " s) holding claimed work ("
                + leasesHeld + " leased rows, " + sendsInFlight + " of its sends under way), then SIGCONT, still alive",
                1, problems);
    }
}
