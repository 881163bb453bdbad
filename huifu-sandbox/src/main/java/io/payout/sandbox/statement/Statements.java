package io.payout.sandbox.statement;

import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.lifecycle.SerialKey;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.lifecycle.Withdrawals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Huifu's daily withdrawal statement, drawn from the sandbox's own withdrawals (the ground truth): the statement of
 * trade date D holds every withdrawal Huifu accepted with req_date D (refused serials never appear), with its status
 * as of the generation at 10:30 Beijing of D+1 on the settlement clock. The rows are computed whenever asked, from
 * timestamps, so nothing but the alterations and task switches is stored. Each of those is journaled
 * ({@link StatementFact}) before it applies.
 */
public final class Statements {

    private static final Logger log = LoggerFactory.getLogger(Statements.class);
    /** When Huifu batches the withdrawal statement of the previous day (ACCOUNTS.md A8). */
    static final LocalTime READY_AT = LocalTime.of(10, 30);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** A task's switches: failed until replayed; regenerated at a later moment than 10:30. */
    private record TaskState(boolean failed, Instant replayedReal, Instant replayedSettlement) {
    }

    private final Withdrawals withdrawals;
    private final Ledger ledger;
    private final SettlementClock settlementClock;
    private final Clock clock;
    private final Consumer<StatementFact> journal;
    /** Guarded by {@code this}; few entries (one per altered row or switched task), never one per withdrawal. */
    private final Map<SerialKey, RowOverride> overrides = new HashMap<>();
    private final Map<StatementTask.Key, TaskState> tasks = new HashMap<>();

    public Statements(Withdrawals withdrawals, Ledger ledger, SettlementClock settlementClock, Clock clock,
                      Consumer<StatementFact> journal) {
        this.withdrawals = withdrawals;
        this.ledger = ledger;
        this.settlementClock = settlementClock;
        this.clock = clock;
        this.journal = journal;
    }

    /** The task of {@code tradeDate} as it stands now. */
    public StatementTask task(String huifuId, LocalDate tradeDate) {
        TaskState state;
        synchronized (this) {
            state = tasks.get(new StatementTask.Key(huifuId, tradeDate));
        }
        Instant due = readyAt(tradeDate);
        if (state != null && state.failed()) {
            return new StatementTask(huifuId, tradeDate, "F", due, null, false);
        }
        if (settlementClock.now().isBefore(due)) {
            return new StatementTask(huifuId, tradeDate, "P", null, null, false);
        }
        Instant generatedAt = due;
        Instant asOf = settlementClock.realAt(due);
        if (state != null && state.replayedSettlement() != null && state.replayedSettlement().isAfter(due)) {
            generatedAt = state.replayedSettlement();
            asOf = state.replayedReal();
        }
        boolean hasRows;
        try (Stream<StatementRow> rows = rows(huifuId, tradeDate, asOf)) {
            hasRows = rows.findAny().isPresent();
        }
        return new StatementTask(huifuId, tradeDate, "S", generatedAt, asOf, hasRows);
    }

    /** The rows of a generated task, in acceptance order, produced one at a time as the stream is read. */
    Stream<StatementRow> rows(StatementTask task) {
        if (!"S".equals(task.stat())) {
            throw new IllegalArgumentException("task " + task.fileId() + " has no file: " + task.stat());
        }
        return rows(task.huifuId(), task.tradeDate(), task.asOf());
    }

    private Stream<StatementRow> rows(String huifuId, LocalDate tradeDate, Instant asOf) {
        Map<String, String> cards = ledger.cardNumbers(huifuId);
        Map<SerialKey, RowOverride> altered;
        synchronized (this) {
            altered = Map.copyOf(overrides);
        }
        return withdrawals.acceptedOn(huifuId, DATE.format(tradeDate))
                .filter(w -> !omitted(altered.get(key(w))))
                .map(w -> StatementRows.row(w, asOf, cards, altered.get(key(w))));
    }

    /** From now on the task of {@code tradeDate} is failed (task_stat F, no file) until it is replayed. */
    public synchronized void fail(String huifuId, LocalDate tradeDate) {
        journal.accept(new StatementFact.TaskFailed(huifuId, DATE.format(tradeDate)));
        tasks.put(new StatementTask.Key(huifuId, tradeDate), new TaskState(true, null, null));
        log.info("statement task failed huifu_id={} trade_date={}", huifuId, tradeDate);
    }

    /**
     * Regenerates now (v2/trade/check/replay): the task of {@code tradeDate}, or with none given every failed task of
     * the account. Their failure is cleared and their rows are as of this moment. Returns how many were replayed.
     */
    public synchronized int replay(String huifuId, LocalDate tradeDate) {
        List<StatementTask.Key> targets = tradeDate != null ? List.of(new StatementTask.Key(huifuId, tradeDate))
                : tasks.entrySet().stream()
                        .filter(entry -> entry.getKey().huifuId().equals(huifuId) && entry.getValue().failed())
                        .map(Map.Entry::getKey)
                        .toList();
        Instant real = clock.instant();
        Instant settlement = settlementClock.now();
        for (StatementTask.Key key : targets) {
            journal.accept(new StatementFact.TaskReplayed(huifuId, DATE.format(key.tradeDate()), real, settlement));
            tasks.put(key, new TaskState(false, real, settlement));
            log.info("statement task replayed huifu_id={} trade_date={}", huifuId, key.tradeDate());
        }
        return targets.size();
    }

    /**
     * Alters the statement row of the accepted withdrawal {@code reqSeqId} (statement only). Throws
     * NoSuchElementException when there is none, IllegalArgumentException when the serial was used on several dates
     * and {@code req_date} does not say which.
     */
    public synchronized void alter(String huifuId, String reqSeqId, RowOverride override) {
        List<WithdrawalView> found = withdrawals.list(huifuId, reqSeqId).stream()
                .filter(w -> override.reqDate() == null || override.reqDate().equals(w.reqDate()))
                .toList();
        if (found.isEmpty()) {
            throw new NoSuchElementException("no accepted withdrawal " + huifuId + "/" + reqSeqId);
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("req_seq_id " + reqSeqId + " was used on several dates: give req_date");
        }
        SerialKey key = key(found.get(0));
        journal.accept(new StatementFact.RowAltered(key, override));
        overrides.merge(key, override, RowOverride::then);
        log.info("statement row altered huifu_id={} req_seq_id={} {}", huifuId, reqSeqId, override);
    }

    /** Applies a journaled fact again, as it applied the first time, without journaling it. */
    public synchronized void restore(StatementFact fact) {
        if (fact instanceof StatementFact.RowAltered altered) {
            overrides.merge(altered.key(), altered.override(), RowOverride::then);
        } else if (fact instanceof StatementFact.TaskFailed failed) {
            tasks.put(key(failed.huifuId(), failed.tradeDate()), new TaskState(true, null, null));
        } else if (fact instanceof StatementFact.TaskReplayed replayed) {
            tasks.put(key(replayed.huifuId(), replayed.tradeDate()),
                    new TaskState(false, replayed.real(), replayed.settlement()));
        } else {
            throw new IllegalArgumentException("not a statement fact: " + fact);
        }
    }

    /** 10:30 Beijing of the day after the trade date, on the settlement clock. */
    static Instant readyAt(LocalDate tradeDate) {
        return tradeDate.plusDays(1).atTime(READY_AT).atZone(SettlementClock.BEIJING).toInstant();
    }

    private static boolean omitted(RowOverride override) {
        return override != null && override.omits();
    }

    private static SerialKey key(WithdrawalView w) {
        return new SerialKey(w.huifuId(), w.reqDate(), w.reqSeqId());
    }

    private static StatementTask.Key key(String huifuId, String tradeDate) {
        return new StatementTask.Key(Objects.requireNonNull(huifuId), LocalDate.parse(tradeDate, DATE));
    }
}
