package io.payout.reliability;

import io.payout.model.WithdrawalStatus;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's disk full: a ballast file takes every free byte of the tmpfs that holds the suite's database
 * ({@link TmpfsTablespace}), so each write that needs a new page (an insert into history or the outbox, a new row
 * version that does not fit its page) fails with SQLSTATE 53100; the WAL is elsewhere, so the server stays up. Held
 * for {@link #HOLD}, then the ballast is deleted. The orchestrators must take 53100 for what it is, a passing
 * outage: retry without limit (RecordGuard's Failures: class 53 is transient), quarantine nothing, keep running,
 * and resume once there is space; the invariants at the end show that nothing was lost.
 */
final class DiskFullFault {

    static final Duration HOLD = Duration.ofSeconds(20);

    private final ReliabilityStack stack;
    private final OrchestratorDatabase database;
    private final Progress progress;
    private final List<String> problems = new ArrayList<>();
    private boolean ran;
    private long refusedWrites;
    private long checked;

    DiskFullFault(ReliabilityStack stack, OrchestratorDatabase database, Progress progress) {
        this.stack = stack;
        this.database = database;
        this.progress = progress;
    }

    void fill() {
        // both orchestrators up first: one starting meanwhile would fail its start-up on the full disk instead
        stack.awaitRestarts();
        Map<String, OrchestratorDatabase.Stored> before = database.withdrawals();
        Path serverLog = stack.postgres.serverLog();
        long logOffset = size(serverLog);
        long used = stack.tablespace.usedBytes();
        long ballast = stack.tablespace.fill();
        ran = true;
        long since = System.nanoTime();
        try {
            progress.say("  disk full: %d MiB of PostgreSQL's files and %d MiB of ballast on the tmpfs", used >> 20,
                    ballast >> 20);
            // PostgreSQL may free pages meanwhile (a truncating vacuum): the ballast takes them again at once
            progress.await("the disk full for " + HOLD.toSeconds() + " s, writes refused", HOLD.plusSeconds(40),
                    () -> stack.tablespace.fill() >= 0 && System.nanoTime() - since >= HOLD.toNanos()
                            && refused(serverLog, logOffset) > 0,
                    () -> refused(serverLog, logOffset) + " writes refused with 53100 so far");
            refusedWrites = refused(serverLog, logOffset);
            for (ServiceProcess o : stack.orchestrators()) {
                if (!o.isAlive()) {
                    problems.add(o.name() + " exited while the disk was full");
                }
            }
        } finally {
            stack.tablespace.release();
        }
        Map<String, OrchestratorDatabase.Stored> after = database.withdrawals();
        checked = before.size();
        before.forEach((id, was) -> {
            OrchestratorDatabase.Stored now = after.get(id);
            if (now == null || rank(now.status()) < rank(was.status())
                    || was.status().isFinal() && now.status() != was.status()) {
                problems.add(id + " " + was.status() + " before the disk filled, " + (now == null ? "gone"
                        : now.status()) + " after");
            }
        });
        if (refusedWrites == 0) {
            problems.add("no write was refused with 53100: the disk never filled for PostgreSQL");
        }
    }

    void report(InvariantTable table) {
        if (!ran) {
            problems.add("the disk never filled");
        }
        table.check("  disk full " + HOLD.toSeconds() + " s (" + refusedWrites + " writes refused, 53100): "
                + "orchestrators alive, no withdrawal moved back", checked, problems);
    }

    /** Ordered along every contract path, so a lower rank afterwards means a state went backwards. */
    private static int rank(WithdrawalStatus status) {
        return switch (status) {
            case REQUESTED -> 0;
            case PROCESSING -> 1;
            case ACCOUNTED -> 2;
            default -> 3;
        };
    }

    /** Errors with SQLSTATE 53100 in the server log since {@code offset} (log_error_verbosity=verbose names it). */
    private static long refused(Path serverLog, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(serverLog.toFile(), "r")) {
            file.seek(Math.min(offset, file.length()));
            byte[] tail = new byte[(int) Math.min(file.length() - file.getFilePointer(), 64L << 20)];
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).lines().filter(l -> l.contains("53100")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
