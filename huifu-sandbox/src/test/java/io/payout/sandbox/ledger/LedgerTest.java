package io.payout.sandbox.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void feeIsFixedAmountPlusRateRoundedHalfUp() {
        CashConfigSpec config = CashConfigSpec.inside(IntoAcctDateType.D0, "1.00", "0.05");

        assertThat(config.feeFor(Amount.parse("100.00"), true)).isEqualTo(Amount.parse("1.05"));
        // 10.00 × 0.05% = 0.005, rounded half-up to 0.01
        assertThat(config.feeFor(Amount.parse("10.00"), true)).isEqualTo(Amount.parse("1.01"));
        assertThat(config.feeFor(Amount.parse("9.99"), true)).isEqualTo(Amount.parse("1.00"));
    }

    @Test
    void d1UsesTheWeekdayFeeOnWorkingDaysAndTheHolidayFeeOtherwise() {
        CashConfigSpec d1 = new CashConfigSpec("D1", Amount.parse("3.00"), "0.00", "2", null, "1",
                Amount.parse("1.00"), "0.00");

        assertThat(d1.feeFor(Amount.parse("100.00"), true)).isEqualTo(Amount.parse("1.00"));
        assertThat(d1.feeFor(Amount.parse("100.00"), false)).isEqualTo(Amount.parse("3.00"));
    }

    @Test
    void insideFeeIsTakenFromTheAmountAndTheAccountIsDebitedTheAmount() {
        ledger.create(AccountSpec.standard("A", "500.00", "T"));

        Hold hold = ledger.reserve(ask("A", "D0", "100.00")).hold();
        ledger.debit(hold);
        ledger.pay(hold);

        AccountView account = ledger.account("A").orElseThrow();
        assertThat(account.balance()).isEqualTo(Amount.parse("400.00"));
        assertThat(account.paidOut()).isEqualTo(Amount.parse("98.95"));
        assertThat(ledger.totals().feesCollected()).isEqualTo(Amount.parse("1.05"));
        assertThat(ledger.totals().conserved()).isTrue();
    }

    @Test
    void insideFeeAsLargeAsTheAmountIsRefused() {
        ledger.create(AccountSpec.standard("A", "500.00", "T"));

        Reservation reservation = ledger.reserve(ask("A", "D0", "1.00"));

        assertThat(reservation.isAccepted()).isFalse();
        assertThat(reservation.respCode()).isEqualTo("23000003");
        assertThat(reservation.transactional()).isTrue();
    }

    @Test
    void heldMoneyCannotBeWithdrawnTwice() {
        ledger.create(AccountSpec.standard("A", "150.00", "T"));

        assertThat(ledger.reserve(ask("A", "D0", "100.00")).isAccepted()).isTrue();
        Reservation second = ledger.reserve(ask("A", "D0", "100.00"));

        assertThat(second.respCode()).isEqualTo("90000000");
        assertThat(second.respDesc()).isEqualTo("可用余额不足");
        assertThat(ledger.account("A").orElseThrow().available()).isEqualTo(Amount.parse("50.00"));
    }

    @Test
    void bookBackReturnsEverythingToTheSettledBalance() {
        ledger.create(AccountSpec.standard("A", "100.00", "T").withTodayCredits("50.00"));

        Hold hold = ledger.reserve(ask("A", "D0", "120.00")).hold();
        ledger.debit(hold);
        ledger.bookBack(hold);

        AccountView account = ledger.account("A").orElseThrow();
        assertThat(account.balance()).isEqualTo(Amount.parse("150.00"));
        assertThat(account.todayCredits()).isEqualTo(Amount.ZERO);
        assertThat(account.fees()).isEqualTo(Amount.ZERO);
        assertThat(ledger.totals().conserved()).isTrue();
    }

    @Test
    void dmMayNotTouchTodaysCreditsWhileD0TakesThemFirst() {
        ledger.create(AccountSpec.standard("A", "100.00", "T").withTodayCredits("300.00"));

        assertThat(ledger.reserve(ask("A", "DM", "150.00")).respDesc()).isEqualTo("DM取现额度不足");
        assertThat(ledger.reserve(ask("A", "D0", "250.00")).isAccepted()).isTrue();
        assertThat(ledger.account("A").orElseThrow().dmQuota()).isEqualTo(Amount.parse("100.00"));
        assertThat(ledger.reserve(ask("A", "DM", "100.00")).isAccepted()).isTrue();
        assertThat(ledger.account("A").orElseThrow().available()).isEqualTo(Amount.parse("50.00"));
    }

    @Test
    void todaysCreditsAreSettledTheNextDaySoDmsQuotaGrows() {
        AtomicReference<LocalDate> day = new AtomicReference<>(LocalDate.parse("2026-11-26"));
        Ledger daily = new Ledger(fact -> { }, day::get);
        daily.create(AccountSpec.standard("A", "100.00", "T").withTodayCredits("300.00"));
        // held by a D0 of today: still today's credits when the day changes, settled once let go
        Hold d0 = daily.reserve(ask("A", "D0", "50.00")).hold();
        daily.credit("A", Amount.parse("20.00"), true);
        assertThat(daily.reserve(ask("A", "DM", "150.00")).respDesc()).isEqualTo("DM取现额度不足");

        day.set(LocalDate.parse("2026-11-27"));

        AccountView settled = daily.account("A").orElseThrow();
        assertThat(settled.todayCredits()).isEqualTo(Amount.parse("50.00"));
        assertThat(settled.balance()).isEqualTo(Amount.parse("370.00"));
        assertThat(settled.dmQuota()).isEqualTo(Amount.parse("370.00"));
        assertThat(daily.reserve(ask("A", "DM", "150.00")).isAccepted()).isTrue();
        daily.credit("A", Amount.parse("5.00"), true);
        assertThat(daily.account("A").orElseThrow().todayCredits()).isEqualTo(Amount.parse("55.00"));
        daily.debit(d0);
        assertThat(daily.totals().conserved()).isTrue();
    }

    @Test
    void moneyIsConservedThroughAnyMixOfSteps() {
        ledger.create(AccountSpec.standard("A", "5000.00", "T").withTodayCredits("700.00"));
        ledger.create(new AccountSpec("B", null, Amount.parse("300.00"), null, List.of(CardSpec.of("T")),
                List.of(CashConfigSpec.outside(IntoAcctDateType.D0, "0.50", "0.30", "A"))));
        Random random = new Random(7);
        List<Hold> held = new ArrayList<>();
        List<Hold> debited = new ArrayList<>();
        for (int step = 0; step < 2_000; step++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    String who = random.nextBoolean() ? "A" : "B";
                    String type = who.equals("B") ? "D0" : IntoAcctDateType.values()[random.nextInt(4)].name();
                    Reservation r = ledger.reserve(ask(who, type, (2 + random.nextInt(200)) + ".00"));
                    if (r.isAccepted()) {
                        held.add(r.hold());
                    }
                }
                case 2 -> {
                    if (!held.isEmpty()) {
                        Hold hold = held.remove(random.nextInt(held.size()));
                        ledger.debit(hold);
                        debited.add(hold);
                    }
                }
                case 3 -> {
                    if (!debited.isEmpty()) {
                        ledger.pay(debited.remove(random.nextInt(debited.size())));
                    }
                }
                default -> {
                    if (!debited.isEmpty()) {
                        ledger.bookBack(debited.remove(random.nextInt(debited.size())));
                    }
                }
            }
            assertThat(ledger.totals().conserved()).as("seed 7, step %d", step).isTrue();
        }
    }

    private static Ledger.Ask ask(String huifuId, String type, String cash) {
        return new Ledger.Ask(huifuId, null, "T", IntoAcctDateType.valueOf(type), Amount.parse(cash), true);
    }
}
