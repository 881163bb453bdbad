package io.payout.sandbox.state;

import io.payout.sandbox.account.AccountFact;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.ledger.LedgerFact;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.WithdrawalFact;
import io.payout.sandbox.lifecycle.WithdrawalReplay;
import io.payout.sandbox.statement.StatementFact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sandbox's ledger, withdrawals and statement switches across a crash ({@code sandbox.state-dir}): every
 * fact the ledger, the lifecycle and the statements hand over is appended to {@code journal.jsonl} in that folder
 * before it takes effect, and at start {@link #restore} replays them in order and resumes the withdrawals still
 * under way. {@link #inMemory()} keeps
 * nothing and costs nothing: its sinks do nothing. A {@code lock} file held while open stops a second sandbox from
 * writing into the same journal; the OS releases it when the process dies, even by SIGKILL.
 */
public final class StateJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateJournal.class);
    static final String JOURNAL_FILE = "journal.jsonl";
    static final String LOCK_FILE = "lock";

    private final Path dir;
    private final FactCodec codec;
    private final JournalWriter writer;
    private final FileChannel lockChannel;
    /** The facts read at open, until {@link #restore} has applied them. */
    private List<Object> recorded;

    private StateJournal(Path dir, FactCodec codec, JournalWriter writer, FileChannel lockChannel,
                         List<Object> recorded) {
        this.dir = dir;
        this.codec = codec;
        this.writer = writer;
        this.lockChannel = lockChannel;
        this.recorded = recorded;
    }

    /** The default: nothing persisted, nothing restored. */
    public static StateJournal inMemory() {
        return new StateJournal(null, null, null, null, List.of());
    }

    /** Opens (creating) the journal in {@code dir} and reads what it holds, ready for {@link #restore}. */
    public static StateJournal open(Path dir) {
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("sandbox.state-dir " + dir + " is in use by another sandbox");
            }
            FactCodec codec = new FactCodec();
            Path file = dir.resolve(JOURNAL_FILE);
            JournalReader.Contents<Object> contents = JournalReader.read(file, codec::decode);
            if (contents.ignoredTail() != null) {
                log.warn("sandbox journal {}: ignoring its torn last line ({} characters), cut off by a crash",
                        file, contents.ignoredTail().length());
            }
            JournalWriter writer = new JournalWriter(file, contents.intactBytes());
            log.info("sandbox journal {}: {} facts to restore", file, contents.facts().size());
            return new StateJournal(dir, codec, writer, lockChannel, contents.facts());
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("cannot open sandbox.state-dir " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** Where the ledger's account facts go. */
    public Consumer<LedgerFact> ledgerFacts() {
        return writer == null ? fact -> { } : this::append;
    }

    /** Where the withdrawals' facts go. */
    public Consumer<WithdrawalFact> withdrawalFacts() {
        return writer == null ? fact -> { } : this::append;
    }

    /** Where the statements' switches and row alterations go. */
    public Consumer<StatementFact> statementFacts() {
        return writer == null ? fact -> { } : this::append;
    }

    /** Where the account paths' users, cards, applications and answers go. */
    public Consumer<AccountFact> accountFacts() {
        return writer == null ? fact -> { } : this::append;
    }

    /**
     * Replays the journal into a fresh ledger, lifecycle and statements, in the order it was written (account facts and
     * withdrawal facts interleaved, since a hold may spend money a credit just before it put in), then resumes the
     * withdrawals under way. Call once, before the sandbox serves anything.
     */
    public void restore(Ledger ledger, Lifecycle lifecycle, Consumer<StatementFact> statements,
                        Consumer<AccountFact> accounts) {
        if (recorded.isEmpty()) {
            return;
        }
        WithdrawalReplay replay = lifecycle.replay();
        for (Object fact : recorded) {
            if (fact instanceof LedgerFact ledgerFact) {
                ledger.replay(ledgerFact);
            } else if (fact instanceof StatementFact statementFact) {
                statements.accept(statementFact);
            } else if (fact instanceof AccountFact accountFact) {
                accounts.accept(accountFact);
            } else {
                replay.apply((WithdrawalFact) fact);
            }
        }
        int facts = recorded.size();
        recorded = List.of();
        int open = replay.resume();
        log.info("sandbox state restored from {}: {} facts, {} accounts, {} withdrawals still under way, ledger {}",
                dir, facts, ledger.accounts().size(), open, ledger.totals());
    }

    private void append(Object fact) {
        writer.append(codec.encode(fact));
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // releases the lock
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
