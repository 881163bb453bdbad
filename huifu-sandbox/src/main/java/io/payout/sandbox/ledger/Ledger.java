package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's books: the ground truth every test compares against. One lock guards all accounts and totals;
 * each operation is a handful of BigDecimal additions, so a single lock serves thousands of withdrawals a second
 * and makes "money is conserved at every moment" trivially true of every snapshot.
 * <p>
 * Money moves in three steps: {@link #reserve} holds it when the request is accepted (it stays in the balance),
 * {@link #debit} takes it out of the balance into transit, then {@link #pay} sends it to the card and the fee to
 * Huifu, or {@link #bookBack} returns all of it to the settled balance.
 * <p>
 * Account changes go to {@code journal} (a {@link LedgerFact}) under the lock, after validation and before they
 * apply: a journal that refuses (throws) leaves the ledger unchanged. {@link #replay} applies a journaled fact again
 * without journaling it, and {@link #restoreHold} puts back a withdrawal's hold exactly as it was.
 */
public final class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final Map<String, Account> accounts = new HashMap<>();
    private final Consumer<LedgerFact> journal;
    private final Supplier<LocalDate> settlementDay;
    private Amount moneyIn = Amount.ZERO;
    private Amount inTransit = Amount.ZERO;
    private Amount paidOut = Amount.ZERO;
    private Amount feesCollected = Amount.ZERO;

    /** A withdrawal as the ledger needs it. {@code workingDay} picks D1's weekday fee. */
    public record Ask(String huifuId, String acctId, String tokenNo, IntoAcctDateType type, Amount cash,
                      boolean workingDay) {
    }

    /** The answer to a creation: the account as it is now, and whether this call created it. */
    public record Creation(AccountView account, boolean created) {
    }

    /** An in-memory ledger whose changes go nowhere, on a day that never ends (today's credits stay today's). */
    public Ledger() {
        this(fact -> { });
    }

    public Ledger(Consumer<LedgerFact> journal) {
        this(journal, () -> LocalDate.MIN);
    }

    /** {@code settlementDay}: the settlement clock's Beijing date; today's credits settle when it moves on. */
    public Ledger(Consumer<LedgerFact> journal, Supplier<LocalDate> settlementDay) {
        this.journal = journal;
        this.settlementDay = settlementDay;
    }

    /**
     * Opens an account. Idempotent: the same spec again (a launcher creating its accounts at every start) answers
     * the account as it is now and moves no money, so balances are never put in twice. Another spec for an existing
     * huifu_id is refused, since silently keeping either one would leave the caller with an account it did not ask for.
     */
    public synchronized Creation create(AccountSpec spec) {
        Account existing = accounts.get(spec.huifuId());
        if (existing != null) {
            if (!existing.spec.equals(spec)) {
                throw new IllegalStateException("account exists with a different spec: " + spec.huifuId());
            }
            return new Creation(existing.view(), false);
        }
        LocalDate today = settlementDay.get();
        journal.accept(new LedgerFact.AccountCreated(spec, today));
        Account account = open(spec, today);
        log.info("account created huifu_id={} balance={} today_credits={}", spec.huifuId(), spec.balance(),
                spec.todayCredits());
        return new Creation(account.view(), true);
    }

    public synchronized Optional<AccountView> account(String huifuId) {
        return Optional.ofNullable(accounts.get(huifuId)).map(account -> settled(account).view());
    }

    /** The account's acct_id (基本户), which answers and notices echo when the request named none. */
    public synchronized Optional<String> acctIdOf(String huifuId) {
        return Optional.ofNullable(accounts.get(huifuId)).map(account -> account.acctId);
    }

    /**
     * Each bound card's number by token_no, unmasked: for a statement, which masks them itself (first 6, last 4,
     * where the account view keeps only the last 4). Empty for an unknown account.
     */
    public synchronized Map<String, String> cardNumbers(String huifuId) {
        Account account = accounts.get(huifuId);
        Map<String, String> numbers = new HashMap<>();
        if (account != null) {
            account.cards.values().forEach(card -> numbers.put(card.tokenNo(), card.cardNo()));
        }
        return numbers;
    }

    public synchronized List<AccountView> accounts() {
        return accounts.values().stream().map(account -> settled(account).view()).toList();
    }

    public synchronized AccountView addCard(String huifuId, CardSpec card) {
        Account account = existing(huifuId);
        journal.accept(new LedgerFact.CardAdded(huifuId, card));
        account.cards.put(card.tokenNo(), card);
        return account.view();
    }

    public synchronized AccountView setCashConfig(String huifuId, List<CashConfigSpec> configs) {
        Account account = existing(huifuId);
        journal.accept(new LedgerFact.CashConfigSet(huifuId, List.copyOf(configs)));
        account.configure(configs);
        return account.view();
    }

    /** Money put in from outside: to the settled balance, or to today's credits (which DM may not use). */
    public synchronized AccountView credit(String huifuId, Amount amount, boolean todayCredit) {
        Account account = settled(existing(huifuId));
        LocalDate today = settlementDay.get();
        journal.accept(new LedgerFact.Credited(huifuId, amount, todayCredit, today));
        putIn(account, amount, todayCredit);
        log.info("account credited huifu_id={} amount={} today={}", huifuId, amount, todayCredit);
        return account.view();
    }

    /** Applies a fact read back from the journal, exactly as it applied the first time, without journaling it. */
    public synchronized void replay(LedgerFact fact) {
        if (fact instanceof LedgerFact.AccountCreated created) {
            open(created.spec(), created.day() == null ? settlementDay.get() : created.day());
        } else if (fact instanceof LedgerFact.CardAdded added) {
            existing(added.huifuId()).cards.put(added.card().tokenNo(), added.card());
        } else if (fact instanceof LedgerFact.CashConfigSet set) {
            existing(set.huifuId()).configure(set.cashConfig());
        } else if (fact instanceof LedgerFact.Credited credited) {
            Account account = existing(credited.huifuId());
            LocalDate day = credited.day() == null ? settlementDay.get() : credited.day();
            account.rollOver(day);
            // a credit of a day before the account's current credits day has long been settled
            putIn(account, credited.amount(), credited.todayCredit() && !day.isBefore(account.creditsDay));
        } else {
            throw new IllegalArgumentException("not a ledger fact: " + fact);
        }
    }

    /**
     * Holds a restored withdrawal's money again, portion by portion as it was first held. No check of the free
     * funds: the hold was granted once, and the journal has every fact that funded it before the hold itself.
     */
    public synchronized void restoreHold(Hold hold) {
        existing(hold.principal().huifuId()).hold(hold.principal());
        existing(hold.feePortion().huifuId()).hold(hold.feePortion());
    }

    /** The account after the settlement day's roll-over (logged when it settles money). */
    private Account settled(Account account) {
        LocalDate today = settlementDay.get();
        Amount credits = account.credits;
        if (account.rollOver(today)) {
            log.info("account credits settled huifu_id={} amount={} settlement_day={}", account.huifuId,
                    credits.minus(account.credits), today);
        }
        return account;
    }

    private Account open(AccountSpec spec, LocalDate day) {
        if (accounts.containsKey(spec.huifuId())) {
            throw new IllegalStateException("account exists: " + spec.huifuId());
        }
        Account account = new Account(spec, day);
        accounts.put(spec.huifuId(), account);
        moneyIn = moneyIn.plus(spec.balance()).plus(spec.todayCredits());
        return account;
    }

    private void putIn(Account account, Amount amount, boolean todayCredit) {
        if (todayCredit) {
            account.credits = account.credits.plus(amount);
        } else {
            account.base = account.base.plus(amount);
        }
        moneyIn = moneyIn.plus(amount);
    }

    /** Checks a withdrawal against the account and, when it passes, holds its money. Codes per PROTOCOL.md §7. */
    public synchronized Reservation reserve(Ask ask) {
        Account account = accounts.get(ask.huifuId());
        if (account == null) {
            return Reservation.error("22000002", "商户信息不存在");
        }
        settled(account);
        if (ask.acctId() != null && !ask.acctId().equals(account.acctId)) {
            return Reservation.error("22000002", "账户信息不存在");
        }
        if (!account.cards.containsKey(ask.tokenNo())) {
            return Reservation.error("22000005", "取现卡信息不存在");
        }
        CashConfigSpec config = account.cashConfig.get(ask.type());
        if (config == null || !config.switchedOn()) {
            return Reservation.error("22000004", "暂未开通" + ask.type() + "取现权限");
        }
        Amount fee = config.feeFor(ask.cash(), ask.workingDay());
        if (config.feeInside() && fee.compareTo(ask.cash()) >= 0) {
            return Reservation.failed(fee, "23000003", "取现金额不足以支付手续费");
        }
        Account payer = account;
        if (!config.feeInside() && config.outFeeHuifuId() != null && !config.outFeeHuifuId().isBlank()) {
            payer = accounts.get(config.outFeeHuifuId());
            if (payer == null) {
                return Reservation.error("22000005", "手续费承担方不存在");
            }
            settled(payer);
        }
        boolean dm = ask.type() == IntoAcctDateType.DM;
        Hold.Portion principal = account.reserve(ask.cash(), !dm);
        if (principal == null) {
            return dm ? Reservation.failed(fee, "90000000", "DM取现额度不足")
                    : Reservation.failed(fee, "90000000", "可用余额不足");
        }
        Hold.Portion feePortion = config.feeInside()
                ? new Hold.Portion(payer.huifuId, Amount.ZERO, Amount.ZERO)
                : payer.reserve(fee, true);
        if (feePortion == null) {
            account.unreserve(principal);
            return Reservation.failed(fee, "90000000", "手续费账户余额不足");
        }
        return Reservation.accepted(new Hold(principal, feePortion, ask.cash(), fee, config.feeInside()));
    }

    /** Accounting (the 02 notice): the held money leaves the balance and is in transit to the card. */
    public synchronized void debit(Hold hold) {
        accounts.get(hold.principal().huifuId()).debit(hold.principal());
        accounts.get(hold.feePortion().huifuId()).debit(hold.feePortion());
        inTransit = inTransit.plus(hold.total());
    }

    /** Paid (01, S): the card gets the amount (less the fee for 内扣); Huifu collects the fee. */
    public synchronized void pay(Hold hold) {
        inTransit = inTransit.minus(hold.total());
        paidOut = paidOut.plus(hold.toCard());
        feesCollected = feesCollected.plus(hold.fee());
        Account account = accounts.get(hold.principal().huifuId());
        account.paidOut = account.paidOut.plus(hold.toCard());
        account.fees = account.fees.plus(hold.fee());
    }

    /** Payout failed (01, F/B): everything debited, fee included, goes back to the settled balances. */
    public synchronized void bookBack(Hold hold) {
        inTransit = inTransit.minus(hold.total());
        Account account = accounts.get(hold.principal().huifuId());
        account.base = account.base.plus(hold.principal().total());
        Account payer = accounts.get(hold.feePortion().huifuId());
        payer.base = payer.base.plus(hold.feePortion().total());
    }

    public synchronized LedgerView totals() {
        Amount balances = Amount.ZERO;
        Amount held = Amount.ZERO;
        for (Account account : accounts.values()) {
            balances = balances.plus(account.base).plus(account.credits);
            held = held.plus(account.heldBase).plus(account.heldCredits);
        }
        boolean conserved = balances.plus(inTransit).plus(paidOut).plus(feesCollected).equals(moneyIn);
        return new LedgerView(moneyIn, balances, held, inTransit, paidOut, feesCollected, conserved);
    }

    private Account existing(String huifuId) {
        Account account = accounts.get(huifuId);
        if (account == null) {
            throw new java.util.NoSuchElementException("no account " + huifuId);
        }
        return account;
    }
}
