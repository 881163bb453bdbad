package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One account's money and configuration. Mutable; only {@link Ledger} touches it, always under its lock. */
final class Account {

    /** As it was created: a repeated creation is harmless only with exactly this spec. */
    final AccountSpec spec;
    final String huifuId;
    final String acctId;
    Amount base;
    Amount credits;
    /** The settlement day {@code credits} were put in on: from the next day on they are settled balance. */
    LocalDate creditsDay;
    Amount heldBase = Amount.ZERO;
    Amount heldCredits = Amount.ZERO;
    Amount paidOut = Amount.ZERO;
    Amount fees = Amount.ZERO;
    final Map<String, CardSpec> cards = new LinkedHashMap<>();
    final Map<IntoAcctDateType, CashConfigSpec> cashConfig = new EnumMap<>(IntoAcctDateType.class);

    Account(AccountSpec spec, LocalDate day) {
        this.creditsDay = day;
        this.spec = spec;
        this.huifuId = spec.huifuId();
        this.acctId = spec.acctId();
        this.base = spec.balance();
        this.credits = spec.todayCredits();
        spec.cards().forEach(card -> cards.put(card.tokenNo(), card));
        configure(spec.cashConfig());
    }

    /** Replaces the whole cash configuration. */
    void configure(List<CashConfigSpec> configs) {
        cashConfig.clear();
        configs.forEach(config -> cashConfig.put(config.type(), config));
    }

    /**
     * A new settlement day: today's credits of an earlier day become settled balance (so DM may use them). Credits
     * still held by a withdrawal stay credits until it is debited or let go; the next roll-over settles what is freed.
     */
    boolean rollOver(LocalDate today) {
        if (!today.isAfter(creditsDay)) {
            return false;
        }
        Amount settling = freeCredits();
        base = base.plus(settling);
        credits = credits.minus(settling);
        creditsDay = today;
        return !settling.isZero();
    }

    Amount freeBase() {
        return base.minus(heldBase);
    }

    Amount freeCredits() {
        return credits.minus(heldCredits);
    }

    /**
     * Reserves {@code amount}: today's credits first when allowed (so the settled balance stays available for DM,
     * which may not touch today's funds), then the settled balance. Null when the free funds do not cover it.
     */
    Hold.Portion reserve(Amount amount, boolean creditsAllowed) {
        Amount fromCredits = creditsAllowed ? min(amount, freeCredits()) : Amount.ZERO;
        Amount fromBase = amount.minus(fromCredits);
        if (fromBase.compareTo(freeBase()) > 0) {
            return null;
        }
        heldCredits = heldCredits.plus(fromCredits);
        heldBase = heldBase.plus(fromBase);
        return new Hold.Portion(huifuId, fromBase, fromCredits);
    }

    /** Holds a portion granted before (a restored withdrawal), without checking the free funds again. */
    void hold(Hold.Portion portion) {
        heldCredits = heldCredits.plus(portion.fromCredits());
        heldBase = heldBase.plus(portion.fromBase());
    }

    void unreserve(Hold.Portion portion) {
        heldCredits = heldCredits.minus(portion.fromCredits());
        heldBase = heldBase.minus(portion.fromBase());
    }

    void debit(Hold.Portion portion) {
        unreserve(portion);
        credits = credits.minus(portion.fromCredits());
        base = base.minus(portion.fromBase());
    }

    AccountView view() {
        List<CardSpec> masked = new ArrayList<>();
        cards.values().forEach(card -> masked.add(card.masked()));
        return new AccountView(huifuId, acctId, base, credits, heldBase.plus(heldCredits),
                freeBase().plus(freeCredits()), freeBase(), paidOut, fees, masked, List.copyOf(cashConfig.values()));
    }

    private static Amount min(Amount a, Amount b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
