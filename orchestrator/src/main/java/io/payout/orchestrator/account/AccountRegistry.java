package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.Topics;
import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountChanged;
import io.payout.model.account.AccountSource;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.outbox.Outbox;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry of accounts in PostgreSQL: learns facts from wherever they come (an answer, a notice, a query),
 * stores each with its source and time, and publishes each change on {@code account.updates} through the outbox in
 * the same transaction. The account's row is locked while it learns, so two sources learning at once cannot both
 * publish the same change.
 */
@Service
public class AccountRegistry {

    private static final Logger log = LoggerFactory.getLogger(AccountRegistry.class);

    private final AccountRows rows;
    private final AccountApplications applications;
    private final Outbox outbox;
    private final OrchestratorTopics topics;
    private final JsonMapper json;
    private final Clock clock;

    AccountRegistry(AccountRows rows, AccountApplications applications, Outbox outbox, OrchestratorTopics topics, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.applications = applications;
        this.outbox = outbox;
        this.topics = topics;
        this.json = json;
        this.clock = clock;
    }

    /** Learns {@code learned} (null lists and status: not learned) and returns the changes it published. */
    @Transactional
    public List<AccountChanged> learn(AccountFacts learned, AccountSource source, String accountRequestId) {
        Instant now = clock.instant();
        AccountFacts known = rows.lockOrCreate(learned.huifuId(), learned.accountKind(), now);
        List<FactChange> changes = RegistryDiff.between(known, learned);
        AccountFacts merged = RegistryDiff.merged(known, learned);
        rows.save(merged, learned, source, now);
        List<AccountChanged> events = new ArrayList<>(changes.size());
        List<OutboxMessage> messages = new ArrayList<>(changes.size());
        for (FactChange change : changes) {
            AccountChanged event = event(merged, change, source, accountRequestId, now);
            events.add(event);
            messages.add(new OutboxMessage(topics.accountUpdates(), merged.huifuId(), json.writeValueAsString(event),
                    Map.of(Topics.HEADER_EVENT_ID, event.eventId().toString())));
            log.info("account {} {} from {}{}", merged.huifuId(), change.change(), source,
                    change.card() == null ? "" : " (token_no " + change.card().tokenNo() + ")");
        }
        if (!messages.isEmpty()) {
            outbox.appendAll(messages);
        }
        return events;
    }

    /**
     * Publishes an application's change (OPENED, APPLIED, APPROVED, REJECTED, FAILED) for the request that caused it,
     * keyed by the account, or by the request until Huifu names the account.
     */
    @Transactional
    public AccountChanged announce(String huifuId, AccountKind kind, String accountRequestId, AccountChange change,
                                   AccountSource source, String applyNo, String reasonCode, String reason,
                                   String businessItem) {
        Instant now = clock.instant();
        AccountChanged event = new AccountChanged(UUID.randomUUID(), huifuId, kind, accountRequestId, change, source,
                now, applyNo, reasonCode, reason, businessItem, null, null, null, null, null, null);
        outbox.appendAll(List.of(new OutboxMessage(topics.accountUpdates(),
                huifuId != null ? huifuId : accountRequestId, json.writeValueAsString(event),
                Map.of(Topics.HEADER_EVENT_ID, event.eventId().toString()))));
        log.info("account {} request {} {} from {}{}", huifuId == null ? "(not yet named)" : huifuId,
                accountRequestId, change, source, reasonCode == null ? "" : " (" + reasonCode + ")");
        return event;
    }

    /** The account with where and when each fact was learned; empty when the registry never heard of it. */
    @Transactional(readOnly = true)
    public Optional<AccountView> view(String huifuId) {
        return rows.find(huifuId).map(row -> new AccountView(row, rows.cardsWithOrigin(huifuId),
                applications.unfinishedOf(huifuId).stream().map(a -> new AccountView.OpenApplication(
                        a.accountRequestId(), a.action().name(), a.step().name(), a.state().name(), a.applyNo(),
                        a.receivedAt(), a.appliedAt(), a.reasonCode(), a.reason())).toList()));
    }

    /** The accounts known, by {@code huifu_id} after {@code after}; {@code kind} null for both kinds. */
    @Transactional(readOnly = true)
    public List<AccountRecord> list(String after, AccountKind kind, int limit) {
        return rows.list(after, kind, limit);
    }

    /** What the registry knows of the account, for the checks before a send; empty when nothing. */
    @Transactional(readOnly = true)
    public Optional<AccountFacts> facts(String huifuId) {
        return rows.find(huifuId).map(row -> row.facts(row.cardsLearnedAt() == null ? null
                : rows.cardsWithOrigin(huifuId).stream().map(StoredCard::card).toList()));
    }

    /** The accounts the registry knows, the most recently changed first (the console's list). */
    @Transactional(readOnly = true)
    public List<AccountRecord> latest(int limit) {
        return rows.latest(limit);
    }

    private static AccountChanged event(AccountFacts account, FactChange change, AccountSource source,
                                        String accountRequestId, Instant now) {
        KnownCard card = change.card();
        return new AccountChanged(UUID.randomUUID(), account.huifuId(), account.accountKind(), accountRequestId,
                change.change(), source, now, null, null, null, null,
                card == null ? null : card.tokenNo(),
                card == null ? null : card.maskedCardNo(),
                card == null ? null : card.cardType(),
                card == null ? null : card.isDefault(),
                change.cashConfig(), change.merStat());
    }
}
