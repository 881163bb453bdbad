package io.payout.orchestrator.account;

import io.payout.model.HuifuNotification;
import io.payout.model.ParsedRequest;
import io.payout.model.account.AccountAction;
import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountRequestParser;
import io.payout.model.account.AccountRequested;
import io.payout.model.account.AccountSource;
import io.payout.orchestrator.huifu.Huifu;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes each account request through Huifu to its final answer (CONTRACT.md §6): files the application when the
 * request is stored, runs its due steps ({@link AccountSteps}), applies Huifu's audit notices, and records each step
 * in one transaction with what it learned of the account and the changes it announces. A step's result is dropped
 * when a notice moved the application on meanwhile, so a notice and a status query never both end it.
 */
@Service
@ConditionalOnProperty("orchestrator.accounts.hash-key")
public class AccountApplicationFlow {

    private static final Logger log = LoggerFactory.getLogger(AccountApplicationFlow.class);

    private final AccountRequestParser parser = new AccountRequestParser();
    private final AccountApplications applications;
    private final AccountRegistry registry;
    private final AccountSteps steps;
    private final SealedRequests sealing;
    private final KeyedHashes hashes;
    private final AccountsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountApplicationFlow(AccountApplications applications, AccountRegistry registry, Huifu huifu,
                           AccountsProperties properties, TransactionTemplate transactions, Clock clock) {
        this.applications = applications;
        this.registry = registry;
        this.hashes = new KeyedHashes(properties.hashKey());
        this.sealing = new SealedRequests(properties.sealingKeys(), properties.hashKey());
        this.steps = new AccountSteps(huifu, applications, hashes, properties);
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Files the application of a request just stored, in the intake's transaction; its raw record sealed. */
    void file(AccountRequested request, byte[] rawRecord, Instant now) {
        ApplicationStep first = request.action() == AccountAction.OPEN_USER ? ApplicationStep.OPEN_USER
                : request.action() == AccountAction.REFRESH ? ApplicationStep.READ_DETAIL : ApplicationStep.SEND;
        applications.insert(new AccountApplication(request.accountRequestId(), request.action(),
                request.accountKind(), request.huifuId(), first, ApplicationState.OPEN, null, null, false, null,
                sealing.seal(request.accountRequestId(), rawRecord), 0, now, null, null, null, now, null, null, now,
                null));
    }

    /** Runs the steps now due, up to a batch; returns how many ran. */
    public int advanceDue() {
        Instant now = clock.instant();
        List<AccountApplication> due = applications.claimDue(now, properties.lease(), properties.batchSize());
        for (AccountApplication application : due) {
            try {
                Progress progress = steps.run(application, requestOf(application), clock.instant());
                transactions.executeWithoutResult(tx -> record(progress));
            } catch (LeaseLost e) {
                log.info("{}", e.getMessage());
            } catch (RuntimeException e) {
                // its lease runs out and it is tried again; the others go on
                log.warn("account request {} step {} failed: {}", application.accountRequestId(), application.step(),
                        e.toString());
            }
        }
        return due.size();
    }

    /** Applies an audit notice (ACCOUNTS.md A3.3, A4) to the open application it answers; others change nothing. */
    public void applyNotice(HuifuNotification notice) {
        Optional<String> id = applications.openBySerial(notice.huifuId(), notice.reqSeqId());
        if (id.isEmpty()) {
            // a duplicate, or a notice for an application already final (or not ours): nothing to change
            log.info("account notice huifu_id={} req_seq_id={} answers no open application", notice.huifuId(),
                    notice.reqSeqId());
            return;
        }
        transactions.executeWithoutResult(tx -> applications.lockOpen(id.get())
                .ifPresent(application -> record(noticed(application, notice))));
    }

    private Progress noticed(AccountApplication application, HuifuNotification notice) {
        Instant now = clock.instant();
        Progress p = Progress.of(application, now, AccountSource.NOTIFICATION);
        HuifuAccountAnswers.Review audit = HuifuAccountAnswers.audit(notice.respData(), application.accountKind());
        if (audit.change().isEmpty() || application.step() == ApplicationStep.DONE) {
            return p;
        }
        AccountChange change = audit.change().get();
        if (change == AccountChange.APPLIED) {
            return p.underReview();
        }
        if (change != AccountChange.APPROVED) {
            return p.end(change, audit.code(), audit.reason(), "card");
        }
        AccountRequested request = requestOf(application);
        if (audit.tokenNo() != null && request.card() != null) {
            p.learn(new AccountFacts(application.huifuId(), application.accountKind(),
                    List.of(HuifuAccountAnswers.card(request.card(), audit.tokenNo(),
                            request.action() == AccountAction.OPEN_USER, hashes)), null, null),
                    AccountSource.NOTIFICATION);
        }
        // the detail query reads the rest of what the approval changed (the cash configuration with it)
        return p.next(ApplicationStep.READ_DETAIL, now);
    }

    /**
     * One step's result, in the caller's transaction; dropped when the application moved on meanwhile: a notice
     * recorded, or the claim the step ran under taken over by another instance (which runs the step itself).
     */
    private void record(Progress p) {
        AccountApplication started = p.started();
        Optional<AccountApplication> current = applications.lockOpen(started.accountRequestId());
        if (current.isEmpty() || current.get().step() != started.step()
                || current.get().state() != started.state()
                || !Objects.equals(current.get().leaseUntil(), started.leaseUntil())) {
            log.info("account request {} moved on during step {}: its result is dropped",
                    started.accountRequestId(), started.step());
            return;
        }
        if (p.learned() != null && p.learned().huifuId() != null) {
            registry.learn(p.learned(), p.source(), started.accountRequestId());
        }
        for (Progress.Announcement a : p.announcements()) {
            registry.announce(p.huifuId(), started.accountKind(), started.accountRequestId(), a.change(), p.via(),
                    a.applyNo(), a.reasonCode(), a.reason(), a.businessItem());
        }
        AccountApplication next = p.toApplication();
        applications.update(next);
        if (next.state() == ApplicationState.ATTENTION) {
            log.warn("account request {} needs an operator: {}", started.accountRequestId(), next.reason());
        } else if (next.step() != started.step()) {
            log.info("account request {} {} -> {}{}", started.accountRequestId(), started.step(), next.step(),
                    next.state() == ApplicationState.OPEN ? "" : " (" + next.state() + ")");
        }
    }

    private AccountRequested requestOf(AccountApplication application) {
        if (application.sealed() == null) {
            throw new IllegalStateException("account request " + application.accountRequestId()
                    + " has no sealed request left");
        }
        ParsedRequest<AccountRequested> parsed = parser.parse(sealing.open(application.accountRequestId(),
                application.sealed()));
        if (!parsed.valid()) {
            throw new IllegalStateException("account request " + application.accountRequestId()
                    + " no longer parses: " + parsed.reasonCode());
        }
        return parsed.request();
    }

    /** Seconds since the oldest application still under review at Huifu was filed; zero when none is. */
    public long oldestUnderReviewSeconds() {
        return applications.oldestUnderReview()
                .map(filed -> Math.max(0, Duration.between(filed, clock.instant()).toSeconds())).orElse(0L);
    }

    /** How many applications wait for an operator, for the metric. */
    public long waitingForOperator() {
        return applications.waitingForOperator();
    }

    /** The account's applications not final yet, for the operations API. */
    public List<AccountApplication> unfinishedOf(String huifuId) {
        return applications.unfinishedOf(huifuId);
    }
}
