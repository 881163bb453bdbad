package io.payout.orchestrator.intake;

import io.payout.model.ParsedRequest;
import io.payout.model.RequestRejected;
import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import io.payout.model.WithdrawalRequestParser;
import io.payout.model.WithdrawalRequested;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.outbox.Outbox;
import io.payout.orchestrator.outbox.OutboxMessage;
import io.payout.orchestrator.retention.WithdrawalKeys;
import io.payout.orchestrator.withdrawal.WithdrawalWork;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of request records in one transaction: new withdrawals are stored REQUESTED with their first
 * serial and their REQUESTED event; replays change nothing; conflicts and bad records become rejections. Every
 * output goes through the outbox, so nothing reaches Kafka before this transaction commits.
 */
@Service
class RequestIntake {

    private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);
    private final WithdrawalRequestParser parser = new WithdrawalRequestParser();
    private final Withdrawals withdrawals;
    private final WithdrawalKeys archivedKeys;
    private final WithdrawalWork work;
    private final Outbox outbox;
    private final OrchestratorTopics topics;
    private final JsonMapper json;
    private final Clock clock;

    RequestIntake(Withdrawals withdrawals, WithdrawalKeys archivedKeys, WithdrawalWork work, Outbox outbox,
                  OrchestratorTopics topics, JsonMapper json, Clock clock) {
        this.withdrawals = withdrawals;
        this.archivedKeys = archivedKeys;
        this.work = work;
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
        return accept(values, java.util.Collections.nCopies(values.size(), null));
    }

    /** As {@link #accept(List)}, each value with the W3C traceparent its record carried (null without one). */
    @Transactional
    public Result accept(List<byte[]> values, List<String> traceParents) {
        Instant now = clock.instant();
        List<ParsedRequest<WithdrawalRequested>> parsed = new ArrayList<>(values.size());
        Set<String> ids = new LinkedHashSet<>();
        for (byte[] value : values) {
            ParsedRequest<WithdrawalRequested> p = parser.parse(value);
            parsed.add(p);
            if (p.valid()) {
                ids.add(p.request().withdrawalId());
            }
        }
        // One query for the whole batch; later records of the same batch are compared with earlier ones too.
        Map<String, WithdrawalRequested> known = new HashMap<>(withdrawals.requestsOf(ids));
        // An id the hot tables do not hold may be an archived withdrawal: only its fingerprint is left to compare.
        // Read after the hot rows: an archiving that commits in between moved the row and wrote its key at once, so
        // the second read sees the key (each statement reads what was committed when it began).
        Map<String, byte[]> archived = archivedKeys.fingerprintsOf(
                ids.stream().filter(id -> !known.containsKey(id)).toList());
        List<WithdrawalRequested> created = new ArrayList<>();
        Map<String, String> createdTraces = new HashMap<>();
        List<OutboxMessage> rejections = new ArrayList<>();
        int replayed = 0;
        for (int i = 0; i < parsed.size(); i++) {
            ParsedRequest<WithdrawalRequested> p = parsed.get(i);
            if (!p.valid()) {
                rejections.add(rejection(p.id(), p.reasonCode(), p.errors(), values.get(i), now));
                continue;
            }
            WithdrawalRequested request = p.request();
            WithdrawalRequested prior = known.get(request.withdrawalId());
            byte[] archivedFingerprint = archived.get(request.withdrawalId());
            boolean sameAsPrior = prior != null ? prior.sameContentAs(request)
                    : archivedFingerprint != null && Arrays.equals(archivedFingerprint, request.contentFingerprint());
            if (prior == null && archivedFingerprint == null) {
                known.put(request.withdrawalId(), request);
                created.add(request);
                if (traceParents.get(i) != null) {
                    createdTraces.put(request.withdrawalId(), traceParents.get(i));
                }
            } else if (sameAsPrior) {
                // At-least-once delivery: the same request again changes nothing and publishes nothing.
                replayed++;
            } else {
                log.info("withdrawal {} rejected: IDEMPOTENCY_CONFLICT", request.withdrawalId());
                rejections.add(rejection(request.withdrawalId(), RejectionReason.IDEMPOTENCY_CONFLICT,
                        List.of(new FieldError("withdrawal_id",
                                "withdrawal_id is already known with other content; the original is untouched")),
                        values.get(i), now));
            }
        }
        work.create(created, createdTraces);
        if (!rejections.isEmpty()) {
            outbox.appendAll(rejections);
        }
        return new Result(created.size(), replayed, rejections.size());
    }

    private OutboxMessage rejection(String withdrawalId, RejectionReason reason, List<FieldError> errors,
                                    byte[] value, Instant now) {
        QuotedOriginal quoted = QuotedOriginal.of(QuotedOriginal.textOf(value), errors);
        RequestRejected rejected = new RequestRejected(withdrawalId, reason, quoted.errors(), quoted.text(), now);
        if (reason != RejectionReason.IDEMPOTENCY_CONFLICT) {
            log.info("request rejected: {} (withdrawal_id {})", reason, withdrawalId);
        }
        return new OutboxMessage(topics.rejections(), withdrawalId, json.writeValueAsString(rejected), Map.of());
    }
}
