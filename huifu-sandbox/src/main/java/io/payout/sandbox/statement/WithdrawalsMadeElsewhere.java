package io.payout.sandbox.statement;

import io.payout.sandbox.ledger.AccountView;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.ledger.Reservation;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.SerialKey;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.WithdrawalRequest;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.lifecycle.Withdrawals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records withdrawals made elsewhere: the break "unknown to us". The money moves through the ledger's own checks
 * (balance, card, cash config) and the lifecycle's journaled facts, so the ledger stays conserved and a restart
 * restores them like any other withdrawal.
 */
public final class WithdrawalsMadeElsewhere {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** A past trade date's withdrawal is placed at noon that day, well before its statement is generated. */
    private static final LocalTime PAST_DAY_TIME = LocalTime.NOON;

    private final Ledger ledger;
    private final Withdrawals withdrawals;
    private final Lifecycle lifecycle;
    private final SettlementClock settlementClock;
    private final Clock clock;
    private final AtomicLong serials = new AtomicLong();

    public WithdrawalsMadeElsewhere(Ledger ledger, Withdrawals withdrawals, Lifecycle lifecycle,
                                    SettlementClock settlementClock, Clock clock) {
        this.ledger = ledger;
        this.withdrawals = withdrawals;
        this.lifecycle = lifecycle;
        this.settlementClock = settlementClock;
        this.clock = clock;
    }

    /**
     * Pays {@code spec} at once. Throws NoSuchElementException for an unknown account, IllegalArgumentException for
     * a bad or future date or an account without cards, IllegalStateException for a serial already taken or a
     * withdrawal the ledger refuses (its Huifu code and text).
     */
    public WithdrawalView record(ElsewhereWithdrawal spec) {
        AccountView account = ledger.account(spec.huifuId())
                .orElseThrow(() -> new NoSuchElementException("no account " + spec.huifuId()));
        LocalDate today = LocalDate.now(clock.withZone(SettlementClock.BEIJING));
        LocalDate date = spec.reqDate() == null ? today : parse(spec.reqDate());
        if (date.isAfter(today)) {
            throw new IllegalArgumentException("req_date must not be in the future: " + spec.reqDate());
        }
        String tokenNo = spec.tokenNo() != null ? spec.tokenNo() : account.cards().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("account has no card: " + spec.huifuId()))
                .tokenNo();
        String reqSeqId = spec.reqSeqId() != null ? spec.reqSeqId()
                : "ELSEWHERE" + clock.millis() + "N" + serials.incrementAndGet();
        SerialKey key = new SerialKey(spec.huifuId(), DATE.format(date), reqSeqId);
        if (!withdrawals.claim(key)) {
            throw new IllegalStateException("serial already taken: " + reqSeqId);
        }
        Reservation reservation = ledger.reserve(new Ledger.Ask(spec.huifuId(), account.acctId(), tokenNo,
                spec.intoAcctDateType(), spec.cashAmt(), settlementClock.isWorkingDay(date)));
        if (!reservation.isAccepted()) {
            withdrawals.keepClaim(key);
            throw new IllegalStateException(reservation.respCode() + " " + reservation.respDesc());
        }
        Instant at = date.equals(today) ? clock.instant()
                : date.atTime(PAST_DAY_TIME).atZone(SettlementClock.BEIJING).toInstant();
        lifecycle.recordCompleted(new WithdrawalRequest(key, account.acctId(), tokenNo, spec.intoAcctDateType(),
                spec.cashAmt(), null), reservation, at);
        return withdrawals.find(key).orElseThrow();
    }

    private static LocalDate parse(String reqDate) {
        try {
            return LocalDate.parse(reqDate, DATE);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("req_date must be yyyyMMdd: " + reqDate);
        }
    }
}
