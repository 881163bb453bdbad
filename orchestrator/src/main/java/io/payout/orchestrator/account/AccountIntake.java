package io.payout.orchestrator.account;

import io.payout.model.ParsedRequest;
import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import io.payout.model.account.AccountRequestParser;
import io.payout.model.account.AccountRequestRejected;
import io.payout.model.account.AccountRequested;
import io.payout.model.account.MaskedOriginal;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.intake.QuotedOriginal;
import io.payout.orchestrator.outbox.Outbox;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of {@code account.requests} records in one transaction, with the withdrawals' idempotency rule: a new
 * request is stored, the same id with the same content changes nothing, the same id with other content is rejected
 * {@code IDEMPOTENCY_CONFLICT}. Rejections quote the record masked (CONTRACT.md §6) and go through the outbox.
 */
@Service
@ConditionalOnProperty("orchestrator.accounts.hash-key")
public class AccountIntake {

    private static final Logger log = LoggerFactory.getLogger(AccountIntake.class);

    private final AccountRequestParser parser = new AccountRequestParser();
    private final AccountRequests requests;
    private final KeyedHashes hashes;
    private final Outbox outbox;
    private final OrchestratorTopics topics;
    private final JsonMapper json;
    private final Clock clock;
    private final AccountApplicationFlow flow;

    AccountIntake(AccountRequests requests, AccountsProperties properties, Outbox outbox, OrchestratorTopics topics,
                  JsonMapper json, Clock clock, AccountApplicationFlow flow) {
        this.requests = requests;
        this.flow = flow;
        this.hashes = new KeyedHashes(properties.hashKey());
        this.outbox = outbox;
        this.topics = topics;
        this.json = json;
        this.clock = clock;
    }

    /** What a batch did, for tests and metrics. */
    public record Result(int created, int replayed, int rejected) {
    }

    @Transactional
    public Result accept(List<byte[]> values) {
        Instant now = clock.instant();
        List<ParsedRequest<AccountRequested>> parsed = new ArrayList<>(values.size());
        Set<String> ids = new LinkedHashSet<>();
        for (byte[] value : values) {
            ParsedRequest<AccountRequested> p = parser.parse(value);
            parsed.add(p);
            if (p.valid()) {
                ids.add(p.request().accountRequestId());
            }
        }
        // One query for the whole batch; later records of the same batch are compared with earlier ones too.
        Map<String, byte[]> known = new HashMap<>(requests.hashesOf(ids));
        List<StoredRequest> created = new ArrayList<>();
        List<Integer> createdAt = new ArrayList<>();
        List<OutboxMessage> rejections = new ArrayList<>();
        int replayed = 0;
        for (int i = 0; i < parsed.size(); i++) {
            ParsedRequest<AccountRequested> p = parsed.get(i);
            if (!p.valid()) {
                rejections.add(rejection(p.id(), p.reasonCode(), p.errors(), values.get(i), now));
                continue;
            }
            AccountRequested request = p.request();
            byte[] hash = hashes.of(request);
            byte[] prior = known.get(request.accountRequestId());
            if (prior == null) {
                known.put(request.accountRequestId(), hash);
                created.add(new StoredRequest(request.accountRequestId(), request.action(), request.accountKind(),
                        request.huifuId(), hash, request.requestedAt(), now));
                createdAt.add(i);
                log.info("account request {} received: {} {}", request.accountRequestId(), request.action(),
                        request.huifuId() == null ? "(new account)" : request.huifuId());
            } else if (MessageDigest.isEqual(prior, hash)) {
                // At-least-once delivery: the same request again changes nothing and publishes nothing.
                replayed++;
            } else {
                rejections.add(rejection(request.accountRequestId(), RejectionReason.IDEMPOTENCY_CONFLICT,
                        List.of(new FieldError("account_request_id",
                                "account_request_id is already known with other content; the original is untouched")),
                        values.get(i), now));
            }
        }
        requests.insertAll(created);
        for (int i : createdAt) {
            flow.file(parsed.get(i).request(), values.get(i), now);
        }
        if (!rejections.isEmpty()) {
            outbox.appendAll(rejections);
        }
        return new Result(created.size(), replayed, rejections.size());
    }

    private OutboxMessage rejection(String accountRequestId, RejectionReason reason, List<FieldError> errors,
                                    byte[] value, Instant now) {
        // Masked before it is cut: a cut could otherwise leave half a card number that no rule recognises.
        QuotedOriginal quoted = QuotedOriginal.of(MaskedOriginal.of(value), errors);
        AccountRequestRejected rejected = new AccountRequestRejected(accountRequestId, reason, quoted.errors(),
                quoted.text(), now);
        log.info("account request rejected: {} (account_request_id {})", reason, accountRequestId);
        return new OutboxMessage(topics.accountRejections(), accountRequestId, json.writeValueAsString(rejected),
                Map.of());
    }
}
