package io.payout.sandbox;

import io.payout.model.calendar.WorkingDays;
import io.payout.sandbox.account.CardBook;
import io.payout.sandbox.account.CardHolders;
import io.payout.sandbox.account.MerchantAccounts;
import io.payout.sandbox.account.UserAccounts;
import io.payout.sandbox.api.SerialLog;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.behavior.Faults;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.Withdrawals;
import io.payout.sandbox.notify.Notifier;
import io.payout.sandbox.state.StateJournal;
import io.payout.sandbox.statement.DownloadLinks;
import io.payout.sandbox.statement.StatementSettings;
import io.payout.sandbox.statement.Statements;
import io.payout.sandbox.statement.WithdrawalsMadeElsewhere;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the sandbox's features; each is a plain class with its collaborators passed in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    Clock sandboxClock() {
        return Clock.systemUTC();
    }

    @Bean
    SandboxKeys sandboxKeys(SandboxProperties properties) {
        SandboxKeys keys = SandboxKeys.from(properties);
        log.info("sandbox signing key ready; public key (Base64 X.509) {}", keys.huifuPublicKeyBase64());
        return keys;
    }

    @Bean
    Faults faults(SandboxProperties properties) {
        return new Faults(new FaultSettings(properties.seed(), properties.faults().rates(),
                properties.faults().accounts()));
    }

    /** With {@code sandbox.state-dir}, the journal of that folder; without, one that keeps nothing. */
    @Bean(destroyMethod = "close")
    StateJournal stateJournal(SandboxProperties properties) {
        return properties.persistentState().map(StateJournal::open).orElseGet(StateJournal::inMemory);
    }

    @Bean
    Ledger ledger(StateJournal state, SettlementClock settlementClock) {
        // today's credits become settled balance when the settlement clock's day moves on (DM's quota grows)
        return new Ledger(state.ledgerFacts(), settlementClock::today);
    }

    @Bean
    CardHolders cardHolders() {
        return new CardHolders();
    }

    @Bean
    CardBook cardBook(Ledger ledger, StateJournal state) {
        return new CardBook(ledger, state.accountFacts());
    }

    @Bean
    UserAccounts userAccounts(Ledger ledger, CardBook cards, CardHolders holders, StateJournal state,
                              SettlementClock settlementClock, Notifier notifier) {
        return new UserAccounts(ledger, cards, holders, state.accountFacts(), settlementClock::now, notifier);
    }

    @Bean
    MerchantAccounts merchantAccounts(Ledger ledger, CardBook cards, CardHolders holders, StateJournal state,
                                      SettlementClock settlementClock, UserAccounts users) {
        // One reviewer for both: the review settings of the control API apply to users' and merchants' cards.
        return new MerchantAccounts(ledger, cards, holders, state.accountFacts(), settlementClock::now, users::review);
    }

    @Bean
    Withdrawals withdrawals(StateJournal state) {
        return new Withdrawals(state.withdrawalFacts());
    }

    @Bean
    SerialLog serialLog() {
        return new SerialLog();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService sandboxScheduler() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-clock-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SettlementClock settlementClock(SandboxProperties properties, Clock clock) {
        return new SettlementClock(clock, properties.timeCompression(),
                WorkingDays.builtIn().withHolidays(properties.holidayDates()));
    }

    @Bean
    Notifier notifier(SandboxProperties properties, SandboxKeys keys, Faults faults,
                      ScheduledExecutorService sandboxScheduler, Clock clock) {
        SandboxProperties.Notify notify = properties.notification();
        return new Notifier(new Notifier.Settings(notify.timeout(), notify.retryInterval(), notify.maxRetries(),
                notify.maxConcurrency()), keys.huifuPrivateKey(), faults, sandboxScheduler, clock);
    }

    @Bean
    Lifecycle lifecycle(SandboxProperties properties, Ledger ledger, Withdrawals withdrawals, Notifier notifier,
                        Faults faults, SettlementClock settlementClock, ScheduledExecutorService sandboxScheduler,
                        Clock clock, StateJournal state, Statements statements, CardBook cards,
                        UserAccounts users, MerchantAccounts merchants) {
        Lifecycle lifecycle = new Lifecycle(ledger, withdrawals, notifier, faults, settlementClock, sandboxScheduler,
                clock, new Lifecycle.Delays(properties.accountingDelay(), properties.payoutDelay()));
        // Here, so that whatever serves requests (it needs the lifecycle) only ever sees the restored state.
        state.restore(ledger, lifecycle, statements::restore, fact -> {
            cards.replay(fact);
            users.replay(fact);
            merchants.replay(fact);
        });
        // Reviews end by the settlement clock, which the control API may move: look for due ones often, and only
        // once the journal is replayed, so that nothing is decided twice.
        sandboxScheduler.scheduleWithFixedDelay(() -> decideReviews(users), 200, 200, TimeUnit.MILLISECONDS);
        return lifecycle;
    }

    private static void decideReviews(UserAccounts users) {
        try {
            users.decideDue();
        } catch (RuntimeException e) {
            // A failed sweep must not end the schedule; the next one tries again.
            log.warn("account review sweep failed", e);
        }
    }

    @Bean
    Statements statements(Withdrawals withdrawals, Ledger ledger, SettlementClock settlementClock, Clock clock,
                          StateJournal state) {
        return new Statements(withdrawals, ledger, settlementClock, clock, state.statementFacts());
    }

    @Bean
    StatementSettings statementSettings(SandboxProperties properties) {
        return new StatementSettings(properties.statement().rowsPerFile(), properties.statement().baseUrl());
    }

    /** Keyed by a digest of the signing key: links survive a restart when that key is configured. */
    @Bean
    DownloadLinks downloadLinks(SandboxProperties properties, SandboxKeys keys, Clock clock)
            throws NoSuchAlgorithmException {
        byte[] secret = MessageDigest.getInstance("SHA-256").digest(keys.huifuPrivateKey().getEncoded());
        return new DownloadLinks(secret, properties.statement().linkTtl(), clock);
    }

    @Bean
    WithdrawalsMadeElsewhere withdrawalsMadeElsewhere(Ledger ledger, Withdrawals withdrawals, Lifecycle lifecycle,
                                                      SettlementClock settlementClock, Clock clock) {
        return new WithdrawalsMadeElsewhere(ledger, withdrawals, lifecycle, settlementClock, clock);
    }
}
