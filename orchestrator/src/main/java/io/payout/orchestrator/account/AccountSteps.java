package io.payout.orchestrator.account;

import static io.payout.orchestrator.account.ApplicationStep.FIND_CHANGE;
import static io.payout.orchestrator.account.ApplicationStep.FIND_USER;
import static io.payout.orchestrator.account.ApplicationStep.FOLLOW;
import static io.payout.orchestrator.account.ApplicationStep.OPEN_USER;
import static io.payout.orchestrator.account.ApplicationStep.READ_DETAIL;
import static io.payout.orchestrator.account.ApplicationStep.SEND;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountAction;
import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountRequested;
import io.payout.model.account.AccountSource;
import io.payout.orchestrator.huifu.AccountAnswer;
import io.payout.orchestrator.huifu.AccountOperation;
import io.payout.orchestrator.huifu.Huifu;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of an account application against Huifu (CONTRACT.md §6). A change is sent only after its serial is
 * recorded; an answer that was lost sends the application to a lookup (the user list by certificate number after an
 * opening, the detail query after a change), and the change is sent again only under the same serial, and only once
 * the lookup shows it did not happen. A lookup that cannot tell, again and again, asks an operator.
 */
final class AccountSteps {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    static final String LOOKUP_UNANSWERED = "LOOKUP_UNANSWERED";
    static final String HUIFU_UNAVAILABLE = "HUIFU_UNAVAILABLE";

    private final Huifu huifu;
    private final AccountApplications applications;
    private final KeyedHashes hashes;
    private final AccountsProperties properties;

    AccountSteps(Huifu huifu, AccountApplications applications, KeyedHashes hashes, AccountsProperties properties) {
        this.huifu = huifu;
        this.applications = applications;
        this.hashes = hashes;
        this.properties = properties;
    }

    Progress run(AccountApplication application, AccountRequested request, Instant now) {
        boolean sending = application.step() == OPEN_USER || application.step() == SEND;
        Progress p = Progress.of(application, now, sending ? AccountSource.SYNC_RESPONSE : AccountSource.QUERY);
        switch (application.step()) {
            case OPEN_USER:
                // sent and still here: the last attempt ended without an answer being recorded (a crash)
                return application.sent() ? p.next(FIND_USER, now) : openUser(p, request);
            case FIND_USER:
                return findUser(p, request);
            case SEND:
                return application.sent() && request.action() != AccountAction.SEND_VERIFY_CODE
                        ? p.next(FIND_CHANGE, now) : send(p, request);
            case FIND_CHANGE:
                return findChange(p, request);
            case FOLLOW:
                return follow(p, request);
            case READ_DETAIL:
                return readDetail(p, request);
            default:
                throw new IllegalStateException("nothing to do at " + application.step());
        }
    }

    private Progress openUser(Progress p, AccountRequested request) {
        Map<String, Object> data = serialised(p, HuifuAccountRequests.opening(request));
        AccountAnswer answer = huifu.account(HuifuAccountRequests.openingOf(request), data);
        if (notTaken(answer)) {
            return p.sent(false).retry(later(p));
        }
        if (answer.ok() && answer.field("huifu_id") != null) {
            return opened(p, request, answer.field("huifu_id"), AccountSource.SYNC_RESPONSE);
        }
        if (answer.refused()) {
            return p.end(AccountChange.REJECTED, answer.respCode(), answer.respDesc(), null);
        }
        return p.next(FIND_USER, p.now().plus(properties.retryBase()));
    }

    private Progress findUser(Progress p, AccountRequested request) {
        AccountAnswer answer = huifu.account(AccountOperation.USER_LIST_QUERY,
                dated(HuifuAccountRequests.userLookup(request, properties.upperHuifuId()), p.now()));
        if (!answer.ok()) {
            return lookupFailed(p);
        }
        Optional<String> ours = HuifuAccountAnswers.userOpenedUnder(answer, p.reqSeqId());
        if (ours.isPresent()) {
            return opened(p, request, ours.get(), AccountSource.QUERY);
        }
        // Huifu shows no user opened under our serial: the opening did not happen; it is sent again, same serial.
        return p.sent(false).next(OPEN_USER, p.now());
    }

    private Progress opened(Progress p, AccountRequested request, String huifuId, AccountSource source) {
        p.named(huifuId).learn(AccountFacts.unknown(huifuId, AccountKind.USER), source)
                .announce(new Progress.Announcement(AccountChange.OPENED, null, null, null, null));
        if (request.card() == null && request.cashConfig() == null) {
            return p.end(AccountChange.APPROVED, null, null, null);
        }
        // The business onboarding is a change of its own, under a serial of its own.
        return p.serial(null, null).sent(false).next(SEND, p.now());
    }

    private Progress send(Progress p, AccountRequested request) {
        Map<String, Object> data = serialised(p, HuifuAccountRequests.change(request, p.huifuId(),
                properties.upperHuifuId(), properties.notifyUrl()));
        AccountAnswer answer = huifu.account(HuifuAccountRequests.changeOf(request), data);
        if (notTaken(answer)) {
            return p.sent(false).retry(later(p));
        }
        if (answer.ok()) {
            return accepted(p, request, answer);
        }
        if (answer.refused()) {
            return p.end(AccountChange.REJECTED, answer.respCode(), answer.respDesc(),
                    HuifuAccountAnswers.refusedItem(answer));
        }
        if (request.action() == AccountAction.SEND_VERIFY_CODE) {
            // a code texted twice does no harm: asked again under the same serial
            return p.sent(false).retry(later(p));
        }
        return p.next(FIND_CHANGE, p.now().plus(properties.retryBase()));
    }

    private Progress accepted(Progress p, AccountRequested request, AccountAnswer answer) {
        if (request.action() == AccountAction.SEND_VERIFY_CODE) {
            return p.end(AccountChange.APPROVED, null, null, null);
        }
        String applyNo = answer.field("apply_no");
        if (request.accountKind() == AccountKind.MERCHANT) {
            // A merchant's change completes through the status query (CONTRACT.md §6).
            return p.filed(applyNo).next(FOLLOW, p.now());
        }
        String tokenNo = answer.field("token_no");
        if (tokenNo != null && request.card() != null) {
            // The cash configuration is not taken from the request: the detail query right after reads what Huifu
            // made of it (its defaults included), so it is published once, as Huifu has it.
            p.learn(new AccountFacts(p.huifuId(), AccountKind.USER, List.of(HuifuAccountAnswers.card(request.card(),
                    tokenNo, request.action() == AccountAction.OPEN_USER, hashes)), null, null),
                    AccountSource.SYNC_RESPONSE);
        }
        if (applyNo != null) {
            return p.filed(applyNo).underReview().next(FOLLOW, p.now().plus(properties.followAfter()));
        }
        return p.next(READ_DETAIL, p.now());
    }

    private Progress findChange(Progress p, AccountRequested request) {
        AccountAnswer answer = detailQuery(p, request.accountKind());
        if (!answer.ok()) {
            return lookupFailed(p);
        }
        AccountFacts facts = DetailQueryFacts.from(p.huifuId(), request.accountKind(), answer.data(), hashes);
        p.learn(facts, AccountSource.QUERY);
        if (HuifuAccountAnswers.shows(facts, request, hashes)) {
            return p.end(AccountChange.APPROVED, null, null, null);
        }
        // Not (yet) visible: sent again under the same serial, which Huifu answers as the first time if it had it.
        return p.sent(false).next(SEND, p.now());
    }

    private Progress follow(Progress p, AccountRequested request) {
        AccountAnswer answer = huifu.account(HuifuAccountRequests.statusQueryOf(request.accountKind()),
                dated(HuifuAccountRequests.statusQuery(p.huifuId(), p.applyNo()), p.now()));
        if (answer.refused()) {
            return lookupFailed(p);
        }
        if (!answer.ok()) {
            return p.retry(reviewCheck(p));
        }
        HuifuAccountAnswers.Review review = HuifuAccountAnswers.review(answer, request.accountKind());
        if (review.change().isEmpty() || review.change().get() == AccountChange.APPLIED) {
            return p.underReview().retry(reviewCheck(p));
        }
        AccountChange change = review.change().get();
        if (change == AccountChange.APPROVED) {
            return p.next(READ_DETAIL, p.now());
        }
        return p.end(change, review.code(), review.reason(), null);
    }

    private Progress readDetail(Progress p, AccountRequested request) {
        AccountAnswer answer = detailQuery(p, request.accountKind());
        if (answer.ok()) {
            return p.learn(DetailQueryFacts.from(p.huifuId(), request.accountKind(), answer.data(), hashes),
                    AccountSource.QUERY).end(AccountChange.APPROVED, null, null, null);
        }
        if (p.attempts() + 1 < properties.maxLookups()) {
            return p.retry(later(p));
        }
        if (request.action() == AccountAction.REFRESH) {
            return p.end(AccountChange.FAILED, HUIFU_UNAVAILABLE, "the detail query did not answer: " + answer, null);
        }
        // Huifu approved; what it bound is read at the account's next refresh.
        return p.end(AccountChange.APPROVED, null, null, null);
    }

    private AccountAnswer detailQuery(Progress p, AccountKind kind) {
        return huifu.account(HuifuAccountRequests.detailQueryOf(kind),
                dated(HuifuAccountRequests.account(p.huifuId()), p.now()));
    }

    private Progress lookupFailed(Progress p) {
        if (p.attempts() + 1 >= properties.maxLookups()) {
            return p.attention(LOOKUP_UNANSWERED, "Huifu's answer to serial " + p.reqSeqId() + " was lost and "
                    + properties.maxLookups() + " lookups could not tell whether it happened");
        }
        return p.retry(later(p));
    }

    /** Not taken by Huifu for sure: never sent, or throttled before its business layer saw it. */
    private static boolean notTaken(AccountAnswer answer) {
        return answer.kind() == AccountAnswer.Kind.NOT_SENT || answer.answered() && answer.rateLimited();
    }

    /** The change's fields with its serial, recorded as sent before the call leaves. */
    private Map<String, Object> serialised(Progress p, Map<String, Object> fields) {
        if (p.reqSeqId() == null) {
            p.serial(today(p.now()), newSerial());
        }
        applications.markSent(p.started(), p.reqDate(), p.reqSeqId(), p.now());
        p.sent(true);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("req_date", p.reqDate());
        data.put("req_seq_id", p.reqSeqId());
        data.putAll(fields);
        return data;
    }

    /** A query's fields with a serial of its own: a query changes nothing, so its serial is never kept. */
    private static Map<String, Object> dated(Map<String, Object> fields, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("req_date", today(now));
        data.put("req_seq_id", newSerial());
        data.putAll(fields);
        return data;
    }

    private Instant later(Progress p) {
        return p.now().plus(backoff(properties.retryBase(), p.attempts()));
    }

    private Instant reviewCheck(Progress p) {
        return p.now().plus(backoff(properties.followAfter(), p.attempts()));
    }

    private Duration backoff(Duration base, int attempts) {
        Duration wait = base.multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }

    private static String today(Instant now) {
        return LocalDate.ofInstant(now, BEIJING).format(YYYYMMDD);
    }

    private static String newSerial() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
