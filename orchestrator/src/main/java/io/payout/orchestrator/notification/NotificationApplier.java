package io.payout.orchestrator.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.model.huifu.HuifuSignatureException;
import io.payout.orchestrator.huifu.HuifuEvidence;
import io.payout.orchestrator.withdrawal.SerialKey;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.orchestrator.withdrawal.WithdrawalWork;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies Huifu notifications in batches, one transaction per batch: verify the signature again, find each
 * withdrawal by its serial, record the ids in the inbox (skipping those recorded before), and apply 02/01 through
 * the transition table (implied steps included). A notification for a serial not known yet is kept and applied
 * once the serial is known.
 */
@Service
class NotificationApplier {

    private static final Logger log = LoggerFactory.getLogger(NotificationApplier.class);

    private final WithdrawalSerials serials;
    private final WithdrawalWork work;
    private final NotificationInbox inbox;
    private final JsonMapper json;
    private final Clock clock;
    private final PublicKey huifuKey;
    private final Counter rejectedSignature;
    private final Counter unreadable;
    private final Counter forArchived;

    NotificationApplier(WithdrawalSerials serials, WithdrawalWork work, NotificationInbox inbox,
                               JsonMapper json, Clock clock, MeterRegistry meters,
                               @Value("${orchestrator.huifu.huifu-public-key}") String huifuPublicKey) {
        this.serials = serials;
        this.work = work;
        this.inbox = inbox;
        this.json = json;
        this.clock = clock;
        this.huifuKey = HuifuKeys.publicKey(huifuPublicKey);
        this.rejectedSignature = Counter.builder("huifu.notifications.bad_signature").register(meters);
        this.unreadable = Counter.builder("huifu.notifications.unreadable").register(meters);
        this.forArchived = Counter.builder("huifu.notifications.archived")
                .description("notices for a serial of an archived withdrawal, recorded as processed").register(meters);
    }

    /** What a batch did, for tests and metrics. */
    public record Result(int applied, int duplicates, int kept, int discarded) {
    }

    @Transactional
    public Result apply(List<String> values) {
        Instant now = clock.instant();
        Map<String, Verified> verified = new LinkedHashMap<>();
        int discarded = 0;
        int duplicates = 0;
        for (String value : values) {
            Verified v = verify(value);
            if (v == null) {
                discarded++;
            } else if (verified.putIfAbsent(v.notificationId(), v) != null) {
                duplicates++;
            }
        }
        Result result = applyVerified(new ArrayList<>(verified.values()), now, true);
        return new Result(result.applied(), result.duplicates() + duplicates, result.kept(), discarded);
    }

    /** Applies kept notifications whose serial became known; returns how many were applied. */
    @Transactional
    public int applyKnownPending(int limit) {
        List<NotificationInbox.Pending> pending = inbox.nowKnown(limit);
        if (pending.isEmpty()) {
            return 0;
        }
        List<Verified> verified = new ArrayList<>();
        for (NotificationInbox.Pending p : pending) {
            Verified v = verify(p.payload());
            if (v != null) {
                verified.add(v);
            }
        }
        inbox.forget(pending.stream().map(NotificationInbox.Pending::notificationId).toList());
        return applyVerified(verified, clock.instant(), false).applied();
    }

    private Result applyVerified(List<Verified> verified, Instant now, boolean keepUnknown) {
        Map<SerialKey, String> owners = serials.ownersOf(
                new HashSet<>(verified.stream().map(v -> HuifuEvidence.serialOfNotice(v.fields())).toList()));
        Map<SerialKey, String> archivedOwners = serials.archivedOwnersOf(verified.stream()
                .map(v -> HuifuEvidence.serialOfNotice(v.fields())).filter(k -> !owners.containsKey(k))
                .collect(Collectors.toSet()));
        List<Verified> addressed = new ArrayList<>();
        List<NotificationInbox.Pending> unknown = new ArrayList<>();
        for (Verified v : verified) {
            SerialKey serial = HuifuEvidence.serialOfNotice(v.fields());
            if (owners.containsKey(serial) || archivedOwners.containsKey(serial)) {
                addressed.add(v);
                continue;
            }
            // Never dropped: kept until the serial is known (PROTOCOL.md §4.4 "store the raw event, then act").
            log.info("notification {} for unknown serial {}/{} kept", v.notificationId(), serial.reqDate(),
                    serial.reqSeqId());
            unknown.add(new NotificationInbox.Pending(v.notificationId(), serial.huifuId(), serial.reqDate(),
                    serial.reqSeqId(), v.payload(), now));
        }
        // The inbox: a notice recorded before (a redelivery, Huifu's retry) is skipped.
        Map<String, String> reqDates = new LinkedHashMap<>();
        addressed.forEach(v -> reqDates.put(v.notificationId(), HuifuEvidence.serialOfNotice(v.fields()).reqDate()));
        Set<String> fresh = inbox.claim(reqDates, now);
        List<WithdrawalWork.Addressed> evidence = new ArrayList<>();
        int applied = 0;
        for (Verified v : addressed) {
            if (!fresh.contains(v.notificationId())) {
                continue;
            }
            applied++;
            SerialKey serial = HuifuEvidence.serialOfNotice(v.fields());
            String owner = owners.get(serial);
            if (owner == null) {
                String archivedOwner = archivedOwners.get(serial);
                // Final for longer than the archive window: nothing changes it any more. Said loudly (a warning and
                // a metric), so that a notice contradicting the outcome is seen.
                forArchived.increment();
                log.warn("notification {} ({} trans_status {}) for serial {}/{} of archived withdrawal {} not applied",
                        v.notificationId(), v.fields().get("msg_type"), v.fields().get("trans_status"),
                        serial.reqDate(), serial.reqSeqId(), archivedOwner);
                continue;
            }
            evidence.add(new WithdrawalWork.Addressed(owner, HuifuEvidence.ofNotice(v.fields(), v.raw())));
        }
        work.applyAll(evidence);
        if (keepUnknown && !unknown.isEmpty()) {
            inbox.keep(unknown);
        }
        return new Result(applied, addressed.size() - fresh.size(), unknown.size(), 0);
    }

    /** Reads the gateway's record and verifies Huifu's signature again; null when it cannot be trusted. */
    private Verified verify(String value) {
        SignedText signed;
        try {
            signed = json.readValue(value, SignedText.class);
        } catch (JacksonException | IllegalArgumentException e) {
            signed = null;
        }
        if (signed == null || signed.raw() == null || signed.sign() == null) {
            unreadable.increment();
            log.warn("unreadable notification record skipped");
            return null;
        }
        // The id is computed from the raw text we verify, not taken from the record.
        String notificationId = HuifuNotifications.notificationId(signed.raw());
        try {
            Map<String, String> fields = HuifuNotifications.verify(signed.raw(), signed.sign(), huifuKey);
            return new Verified(notificationId, fields, signed.raw(), value);
        } catch (HuifuSignatureException e) {
            rejectedSignature.increment();
            log.warn("notification {} skipped: {}", notificationId, e.getMessage());
            return null;
        }
    }

    /**
     * The only fields of a {@link HuifuNotification} record the orchestrator uses: everything else is derived again
     * from {@code raw} once its signature holds, so the record's parsed copy is skipped, not built.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignedText(String raw, String sign) {
    }

    private record Verified(String notificationId, Map<String, String> fields, String raw, String payload) {
    }
}
