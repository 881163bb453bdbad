package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.calendar.WorkingDays;
import io.payout.orchestrator.huifu.Huifu;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * What the accounts feature says of a withdrawal about to be sent (CONTRACT.md §6): whether a check fails (card
 * bound and open, cash type on, merchant not frozen, DM within Huifu's quota), and the fee its account's cash
 * configuration gives. By default only accounts the registry knows are checked; the others pass to Huifu as before.
 */
@Service
@ConditionalOnProperty("orchestrator.accounts.hash-key")
public class PreSendChecks {

    /** A check's result: the failure, if one failed, and the expected fee when the configuration is known. */
    public record Verdict(Optional<CheckFailure> failure, Amount expectedFee) {

        public static final Verdict PASS = new Verdict(Optional.empty(), null);
    }

    private final AccountRegistry registry;
    private final ObjectProvider<AccountRefresh> refresh;
    private final Huifu huifu;
    private final WorkingDays workingDays;
    private final CheckMode mode;

    PreSendChecks(AccountRegistry registry, ObjectProvider<AccountRefresh> refresh, Huifu huifu,
                  WorkingDays workingDays, AccountsProperties properties) {
        this.registry = registry;
        this.refresh = refresh;
        this.huifu = huifu;
        this.workingDays = workingDays;
        this.mode = properties.checks();
    }

    /** @param reqDate the serial's Beijing date (yyyyMMdd): D1's fee is the working-day fee on a working day */
    public Verdict before(String huifuId, AccountKind kind, String tokenNo, IntoAcctDateType cashType, Amount cashAmt,
                          String reqDate) {
        Optional<AccountFacts> known = registry.facts(huifuId);
        if (mode == CheckMode.OFF || known.isEmpty() && mode == CheckMode.KNOWN_ACCOUNTS) {
            return new Verdict(Optional.empty(), fee(known, cashType, cashAmt, reqDate));
        }
        AtomicReference<Optional<AccountFacts>> latest = new AtomicReference<>(known);
        Optional<CheckFailure> failure = SendChecks.check(mode, new SendChecks.Candidate(huifuId, tokenNo, cashType),
                known, id -> {
                    latest.set(refresh.getObject().refresh(id, kind));
                    return latest.get();
                });
        if (failure.isEmpty() && cashType == IntoAcctDateType.DM) {
            // asked right before the send: the quota moves with every credit and every DM withdrawal
            failure = SendChecks.checkQuota(cashAmt, huifu.dmQuota(huifuId));
        }
        Optional<AccountFacts> facts = latest.get().isPresent() ? latest.get() : known;
        return new Verdict(failure, fee(facts, cashType, cashAmt, reqDate));
    }

    private Amount fee(Optional<AccountFacts> facts, IntoAcctDateType cashType, Amount cashAmt, String reqDate) {
        if (facts.isEmpty()) {
            return null;
        }
        boolean workingDay = workingDays.isWorkingDay(LocalDate.parse(reqDate, DateTimeFormatter.BASIC_ISO_DATE));
        return ExpectedFees.expected(facts.get(), cashType, cashAmt, workingDay).orElse(null);
    }
}
