package io.payout.orchestrator.account;

import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one step did to an application, before it is recorded: the next step and when, what was learned of the
 * account, and the application's changes to announce. Mutable, and lives only for the step that fills it.
 */
final class Progress {

    /** An application change to publish on {@code account.updates}. */
    record Announcement(AccountChange change, String applyNo, String reasonCode, String reason, String businessItem) {
    }

    private final AccountApplication started;
    private final Instant now;
    private ApplicationStep step;
    private ApplicationState state;
    private String huifuId;
    private String applyNo;
    private String reqDate;
    private String reqSeqId;
    private boolean sent;
    private int attempts;
    private Instant nextAttemptAt;
    private String reasonCode;
    private String reason;
    private String businessItem;
    private Instant appliedAt;
    private AccountFacts learned;
    private AccountSource source;
    private final List<Announcement> announcements = new ArrayList<>();

    private final AccountSource via;

    private Progress(AccountApplication a, Instant now, AccountSource via) {
        this.started = a;
        this.now = now;
        this.via = via;
        this.step = a.step();
        this.state = a.state();
        this.huifuId = a.huifuId();
        this.applyNo = a.applyNo();
        this.reqDate = a.reqDate();
        this.reqSeqId = a.reqSeqId();
        this.sent = a.sent();
        this.attempts = a.attempts();
        this.nextAttemptAt = a.nextAttemptAt();
        this.appliedAt = a.appliedAt();
    }

    /** @param via where this step's news comes from: an answer, a query or a notice */
    static Progress of(AccountApplication application, Instant now, AccountSource via) {
        return new Progress(application, now, via);
    }

    AccountSource via() {
        return via;
    }

    AccountApplication started() {
        return started;
    }

    Instant now() {
        return now;
    }

    /** On to {@code next} at {@code at}, with a fresh count of attempts. */
    Progress next(ApplicationStep next, Instant at) {
        this.step = next;
        this.attempts = 0;
        this.nextAttemptAt = at;
        return this;
    }

    /** The same step again at {@code at}. */
    Progress retry(Instant at) {
        this.attempts++;
        this.nextAttemptAt = at;
        return this;
    }

    /** The serial the next change is sent under: a new one, or (after a lookup found nothing) the same again. */
    Progress serial(String date, String seqId) {
        this.reqDate = date;
        this.reqSeqId = seqId;
        return this;
    }

    /** Whether the serial may have reached Huifu; false when it surely did not (not sent, or throttled). */
    Progress sent(boolean sent) {
        this.sent = sent;
        return this;
    }

    Progress named(String huifuId) {
        this.huifuId = huifuId;
        return this;
    }

    Progress filed(String applyNo) {
        this.applyNo = applyNo;
        return this;
    }

    /** Huifu reviews the application: announced once, however often P is read. */
    Progress underReview() {
        if (appliedAt == null) {
            appliedAt = now;
            announce(new Announcement(AccountChange.APPLIED, applyNo, null, null, null));
        }
        return this;
    }

    Progress learn(AccountFacts facts, AccountSource from) {
        this.learned = facts;
        this.source = from;
        return this;
    }

    Progress announce(Announcement announcement) {
        announcements.add(announcement);
        return this;
    }

    /** The request's final answer: APPROVED, REJECTED or FAILED. */
    Progress end(AccountChange end, String code, String why, String item) {
        this.state = ApplicationState.of(end);
        this.step = ApplicationStep.DONE;
        this.reasonCode = code;
        this.reason = why;
        this.businessItem = item;
        announce(new Announcement(end, applyNo, code, why, item));
        return this;
    }

    /** Nothing more is tried: an operator looks at Huifu's side. */
    Progress attention(String code, String why) {
        this.state = ApplicationState.ATTENTION;
        this.step = ApplicationStep.DONE;
        this.reasonCode = code;
        this.reason = why;
        return this;
    }

    int attempts() {
        return attempts;
    }

    String huifuId() {
        return huifuId;
    }

    String applyNo() {
        return applyNo;
    }

    String reqDate() {
        return reqDate;
    }

    String reqSeqId() {
        return reqSeqId;
    }

    ApplicationState state() {
        return state;
    }

    ApplicationStep step() {
        return step;
    }

    AccountFacts learned() {
        return learned;
    }

    AccountSource source() {
        return source;
    }

    List<Announcement> announcements() {
        return List.copyOf(announcements);
    }

    /** The row after this step; the sealed request is dropped once the application is final (CONTRACT.md §6). */
    AccountApplication toApplication() {
        boolean finished = state.isFinal();
        return new AccountApplication(started.accountRequestId(), started.action(), started.accountKind(), huifuId,
                step, state, reqDate, reqSeqId, sent, applyNo, finished ? null : started.sealed(), attempts,
                nextAttemptAt, reasonCode, reason, businessItem, started.receivedAt(), appliedAt,
                finished ? now : null, now, null);
    }
}
