package io.payout.sandbox.lifecycle;

import io.payout.model.IntoAcctDateType;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.Faults;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.ledger.Reservation;
import io.payout.sandbox.notify.DeliveryAttempt;
import io.payout.sandbox.notify.Notice;
import io.payout.sandbox.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives each accepted withdrawal: after the accounting delay the account is debited and the 02 notice sent;
 * after the payout delay (D0, DM) or at the next natural (D1) or working (T1) day on the settlement clock the
 * money is paid (01, S) or booked back (01, F/B). Every step is idempotent, so {@link #settleAll()} can run
 * everything now while the scheduled steps still come later and find nothing to do.
 * <p>
 * Each step is journaled ({@link WithdrawalFact}) under the withdrawal's monitor before it moves money or is told to
 * anyone; {@link #replay()} rebuilds the withdrawals from the journal and resumes those still under way.
 */
public final class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    private static final DateTimeFormatter HF_SEQ_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss")
            .withZone(SettlementClock.BEIJING);

    /** Delays of the two steps after acceptance. */
    public record Delays(Duration accounting, Duration payout) {
    }

    private final Ledger ledger;
    private final Withdrawals withdrawals;
    private final Notifier notifier;
    private final Faults faults;
    private final SettlementClock settlementClock;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Delays delays;
    private final AtomicLong sequence = new AtomicLong();
    /** Notices queued behind a withdrawal's earlier ones, not yet handed to the notifier. */
    private final AtomicInteger queuedNotices = new AtomicInteger();

    public Lifecycle(Ledger ledger, Withdrawals withdrawals, Notifier notifier, Faults faults,
                     SettlementClock settlementClock, ScheduledExecutorService scheduler, Clock clock, Delays delays) {
        this.ledger = ledger;
        this.withdrawals = withdrawals;
        this.notifier = notifier;
        this.faults = faults;
        this.settlementClock = settlementClock;
        this.scheduler = scheduler;
        this.clock = clock;
        this.delays = delays;
    }

    /** Starts an accepted withdrawal (its money already held) and returns its fresh hf_seq_id. */
    public String accept(WithdrawalRequest request, Reservation reservation) {
        long seq = sequence.incrementAndGet();
        Instant now = clock.instant();
        String hfSeqId = hfSeqId(now, seq);
        // Journaled before a query can find it or the merchant hears 受理成功.
        withdrawals.journal(new WithdrawalFact.Accepted(seq, request, hfSeqId, reservation.hold(), now));
        Withdrawal w = Withdrawal.accepted(seq, request, hfSeqId, reservation.hold(), now);
        withdrawals.add(w);
        log.info("withdrawal accepted huifu_id={} req_seq_id={} hf_seq_id={} cash_amt={} fee_amt={} type={}",
                request.key().huifuId(), request.key().reqSeqId(), w.hfSeqId, request.cash(), w.fee, request.type());
        schedule(() -> account(w), delays.accounting());
        return w.hfSeqId;
    }

    /** Records a withdrawal refused with trans_stat F (never debited), so that a query finds it. */
    public String refuse(WithdrawalRequest request, Reservation reservation) {
        long seq = sequence.incrementAndGet();
        Instant now = clock.instant();
        String hfSeqId = hfSeqId(now, seq);
        withdrawals.journal(new WithdrawalFact.Refused(seq, request, hfSeqId, reservation.fee(),
                reservation.respCode(), reservation.respDesc(), now));
        Withdrawal w = Withdrawal.refused(seq, request, hfSeqId, reservation.fee(), reservation.respCode(),
                reservation.respDesc(), now);
        withdrawals.add(w);
        log.info("withdrawal refused huifu_id={} req_seq_id={} resp_code={}", request.key().huifuId(),
                request.key().reqSeqId(), reservation.respCode());
        return w.hfSeqId;
    }

    /**
     * Records a withdrawal that no client of this sandbox submitted but Huifu carried out (e.g. from its console):
     * accepted, debited and paid at {@code at}, its money held already, never notified (nobody gave a notify_url).
     * It goes through the same journaled facts as any withdrawal, so a restart restores it and the ledger alike.
     */
    public String recordCompleted(WithdrawalRequest request, Reservation reservation, Instant at) {
        long seq = sequence.incrementAndGet();
        String hfSeqId = hfSeqId(at, seq);
        Withdrawal w = Withdrawal.accepted(seq, request, hfSeqId, reservation.hold(), at);
        synchronized (w) {
            withdrawals.journal(new WithdrawalFact.Accepted(seq, request, hfSeqId, reservation.hold(), at));
            withdrawals.add(w);
            withdrawals.journal(new WithdrawalFact.Debited(hfSeqId, at));
            ledger.debit(w.hold);
            w.debited(at);
            withdrawals.journal(new WithdrawalFact.Paid(hfSeqId, at));
            ledger.pay(w.hold);
            w.paid(at);
        }
        log.info("withdrawal made elsewhere huifu_id={} req_date={} req_seq_id={} cash_amt={}",
                request.key().huifuId(), request.key().reqDate(), request.key().reqSeqId(), request.cash());
        return hfSeqId;
    }

    /** Finishes every pending debit and payout now, whatever the clocks say. */
    public void settleAll() {
        withdrawals.all()
                .filter(w -> !w.isFinal())
                .sorted(Comparator.comparingLong(w -> w.sequence))
                .forEach(w -> {
                    account(w);
                    payout(w);
                });
    }

    /** How much work is still under way: withdrawals not final, notices not yet concluded. */
    public SandboxStatus status() {
        int open = (int) withdrawals.all().filter(w -> !w.isFinal()).count();
        return new SandboxStatus(open, queuedNotices.get() + notifier.pending());
    }

    private void account(Withdrawal w) {
        Map<String, String> notice;
        synchronized (w) {
            if (w.stage != Withdrawal.Stage.ACCEPTED) {
                return;
            }
            Instant now = clock.instant();
            withdrawals.journal(new WithdrawalFact.Debited(w.hfSeqId, now));
            ledger.debit(w.hold);
            w.debited(now);
            notice = w.respData("02");
            if (w.request.notifyUrl() != null
                    && faults.strikes(Fault.NOTIFY_REORDER, w.request.key().huifuId(), w.request.key().reqSeqId())) {
                w.withheldAccountingNotice = notice;
                notice = null;
            }
            send(w, notice, "02");
        }
        log.debug("withdrawal debited huifu_id={} req_seq_id={}", w.request.key().huifuId(),
                w.request.key().reqSeqId());
        schedule(() -> payout(w), payoutDelay(w.request.type()));
    }

    private void payout(Withdrawal w) {
        synchronized (w) {
            if (w.stage != Withdrawal.Stage.DEBITED) {
                return;
            }
            // Decided here, when the bank answers, so a one-shot PAYOUT_FAIL hits the next payout.
            boolean fail = faults.strikes(Fault.PAYOUT_FAIL, w.request.key().huifuId(), w.request.key().reqSeqId());
            Instant now = clock.instant();
            // Write-ahead: booked-back money must be in the journal before another withdrawal can be granted it.
            withdrawals.journal(fail ? new WithdrawalFact.BookedBack(w.hfSeqId, now)
                    : new WithdrawalFact.Paid(w.hfSeqId, now));
            if (fail) {
                ledger.bookBack(w.hold);
                w.bookedBack(now);
            } else {
                ledger.pay(w.hold);
                w.paid(now);
            }
            send(w, w.respData("01"), "01");
            // A reorder fault held the 02 back: it follows the 01 now.
            send(w, w.withheldAccountingNotice, "02");
            w.withheldAccountingNotice = null;
        }
        log.info("withdrawal finished huifu_id={} req_seq_id={} trans_status={} acct_status={}",
                w.request.key().huifuId(), w.request.key().reqSeqId(), w.transStatus, w.acctStatus);
    }

    /** Queues a notice behind the withdrawal's earlier ones. Call under the withdrawal's monitor. */
    private void send(Withdrawal w, Map<String, String> respData, String msgType) {
        String url = w.request.notifyUrl();
        if (respData == null || url == null) {
            return;
        }
        Notice notice = new Notice(url, w.request.key().huifuId(), w.request.key().reqSeqId(), msgType, respData,
                attempt -> recordAttempt(w, attempt));
        queuedNotices.incrementAndGet();
        // handle(): a notice that failed to start must not stop the ones behind it.
        w.noticeChain = w.noticeChain.handle((ignored, error) -> null).thenCompose(ignored -> {
            try {
                return notifier.deliver(notice);
            } finally {
                queuedNotices.decrementAndGet();
            }
        });
    }

    private void recordAttempt(Withdrawal w, DeliveryAttempt attempt) {
        w.record(attempt);
        // "dropped" is a fault's decision to lose it; sending it again after a restart would undo the fault.
        boolean ended = attempt.acked() || "dropped".equals(attempt.outcome());
        if (ended && "01".equals(attempt.msgType()) && w.resultNoticed()) {
            try {
                withdrawals.journal(new WithdrawalFact.ResultNoticed(w.hfSeqId));
            } catch (RuntimeException e) {
                // Only costs a duplicate 01 after a restart, which merchants must accept anyway.
                log.warn("could not journal the result notice of hf_seq_id={}", w.hfSeqId, e);
            }
        }
    }

    /** Rebuilds withdrawals from journaled facts, then {@link WithdrawalReplay#resume()} restarts the open ones. */
    public WithdrawalReplay replay() {
        return new WithdrawalReplay(this, ledger, withdrawals);
    }

    /** New hf_seq_ids continue after the restored ones. */
    void restoreSequence(long restored) {
        sequence.accumulateAndGet(restored, Math::max);
    }

    /**
     * Picks a restored withdrawal up where it stood. A debited one gets its 02 again (it may have been lost with
     * the crash; a duplicate is allowed) before its payout; a final one whose 01 was never acknowledged gets it again.
     */
    void resume(Withdrawal w) {
        synchronized (w) {
            switch (w.stage) {
                case ACCEPTED -> schedule(() -> account(w), remainingAccountingDelay(w));
                case DEBITED -> {
                    send(w, w.respData("02"), "02");
                    schedule(() -> payout(w), payoutDelay(w.request.type()));
                }
                case PAID, BOOKED_BACK -> {
                    if (w.resultNoticeOwed()) {
                        send(w, w.respData("01"), "01");
                    }
                }
                case REFUSED -> {
                    // final at once, never notified
                }
            }
        }
    }

    private Duration remainingAccountingDelay(Withdrawal w) {
        Duration remaining = Duration.between(clock.instant(), w.acceptedAt.plus(delays.accounting()));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    private Duration payoutDelay(IntoAcctDateType type) {
        Instant due = switch (type) {
            case D0, DM -> null;
            case D1 -> settlementClock.nextNaturalDay();
            case T1 -> settlementClock.nextWorkingDay();
        };
        if (due == null) {
            return delays.payout();
        }
        Duration untilDue = settlementClock.realDelayUntil(due);
        return untilDue.compareTo(delays.payout()) > 0 ? untilDue : delays.payout();
    }

    private void schedule(Runnable step, Duration delay) {
        try {
            scheduler.schedule(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    log.error("withdrawal step failed", e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("sandbox shutting down; step not scheduled");
        }
    }

    private static String hfSeqId(Instant at, long seq) {
        // Shaped like Huifu's (e.g. 002900TOP3A221112165433P410ac139c1300001), unique within this sandbox.
        return "002900TOPSB" + HF_SEQ_TIME.format(at) + "P" + String.format("%012d", seq);
    }
}
