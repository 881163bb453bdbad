package io.payout.sandbox.lifecycle;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every serial claimed and every withdrawal created, findable by serial and by hf_seq_id. Every change goes to
 * {@code journal} (a {@link WithdrawalFact}) first; the lifecycle journals its steps through {@link #journal}.
 */
public final class Withdrawals {

    private final Set<SerialKey> claimed = ConcurrentHashMap.newKeySet();
    private final Map<SerialKey, Withdrawal> byKey = new ConcurrentHashMap<>();
    private final Map<String, Withdrawal> byHfSeqId = new ConcurrentHashMap<>();
    private final Consumer<WithdrawalFact> journal;

    /** In memory only: changes go nowhere. */
    public Withdrawals() {
        this(fact -> { });
    }

    public Withdrawals(Consumer<WithdrawalFact> journal) {
        this.journal = journal;
    }

    /**
     * Claims a serial, in memory: false when it was claimed before, and the caller answers 20000000 and must not
     * create a second withdrawal. Atomic, so two concurrent requests with one serial never both pass. The claim
     * reaches the journal with the request's outcome ({@link WithdrawalFact.Accepted}, {@link WithdrawalFact.Refused},
     * or {@link #keepClaim} for a plain error), not before it: a sandbox killed between the claim and the outcome
     * answered nothing, so after a restart the serial is free again and a resend is served. Journaled at once, it
     * came back as a serial that answers 20000000 to a send but that no query finds, and the client could never
     * learn what became of its request.
     */
    public boolean claim(SerialKey key) {
        return claimed.add(key);
    }

    /**
     * Keeps a claimed serial across a restart when its request ended in a plain error (no withdrawal for a query to
     * find): a repeat still gets 20000000. Journaled before the error is answered; when the journal refuses, the
     * claim is dropped and the request fails, so that it may be retried.
     */
    public void keepClaim(SerialKey key) {
        try {
            journal.accept(new WithdrawalFact.SerialClaimed(key));
        } catch (RuntimeException e) {
            claimed.remove(key);
            throw e;
        }
    }

    /** Writes a fact to the journal; returns once it is there (or throws, and the change must not happen). */
    void journal(WithdrawalFact fact) {
        journal.accept(fact);
    }

    /** A serial taken before a restart. */
    void restoreClaim(SerialKey key) {
        claimed.add(key);
    }

    Withdrawal byHfSeqId(String hfSeqId) {
        Withdrawal w = byHfSeqId.get(hfSeqId);
        if (w == null) {
            throw new IllegalStateException("no withdrawal with hf_seq_id " + hfSeqId);
        }
        return w;
    }

    void add(Withdrawal withdrawal) {
        byKey.put(withdrawal.request.key(), withdrawal);
        byHfSeqId.put(withdrawal.hfSeqId, withdrawal);
    }

    public Optional<WithdrawalView> find(SerialKey key) {
        return Optional.ofNullable(byKey.get(key)).map(Withdrawal::view);
    }

    public Optional<WithdrawalView> findByHfSeqId(String huifuId, String hfSeqId) {
        return Optional.ofNullable(byHfSeqId.get(hfSeqId))
                .filter(w -> w.request.key().huifuId().equals(huifuId))
                .map(Withdrawal::view);
    }

    /** Accepted withdrawals (refused ones show in the serial log), oldest first, optionally filtered. */
    public List<WithdrawalView> list(String huifuId, String reqSeqId) {
        return byKey.values().stream()
                .filter(w -> w.stage != Withdrawal.Stage.REFUSED)
                .filter(w -> huifuId == null || w.request.key().huifuId().equals(huifuId))
                .filter(w -> reqSeqId == null || w.request.key().reqSeqId().equals(reqSeqId))
                .sorted(Comparator.comparingLong(w -> w.sequence))
                .map(Withdrawal::view)
                .toList();
    }

    /**
     * The accepted withdrawals of one account and request date, oldest first, each viewed only when the stream
     * reaches it: a statement of a million rows holds references to the sandbox's own withdrawals, not a copy.
     */
    public Stream<WithdrawalView> acceptedOn(String huifuId, String reqDate) {
        return byKey.values().stream()
                .filter(w -> w.stage != Withdrawal.Stage.REFUSED)
                .filter(w -> w.request.key().huifuId().equals(huifuId) && w.request.key().reqDate().equals(reqDate))
                .sorted(Comparator.comparingLong(w -> w.sequence))
                .map(Withdrawal::view);
    }

    /**
     * Makes Huifu report another fee for an accepted withdrawal than the one it charged (a test switch for
     * reconciliation). The ledger keeps the real fee. Throws NoSuchElementException for an unknown serial.
     */
    public void misreportFee(String huifuId, String reqSeqId, io.payout.model.Amount fee) {
        Withdrawal w = byKey.values().stream()
                .filter(x -> x.request.key().huifuId().equals(huifuId) && x.request.key().reqSeqId().equals(reqSeqId))
                .findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no withdrawal " + huifuId + "/" + reqSeqId));
        synchronized (w) {
            // Under the monitor, so two switches reach the journal in the order they apply.
            journal.accept(new WithdrawalFact.FeeMisreported(w.hfSeqId, fee));
            w.misreportFee(fee);
        }
    }

    Stream<Withdrawal> all() {
        return byKey.values().stream();
    }
}
