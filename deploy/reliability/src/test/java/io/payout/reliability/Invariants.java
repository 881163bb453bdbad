package io.payout.reliability;

import io.payout.model.Amount;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.reliability.FuzzedRequests.Fuzzed;
import io.payout.sandbox.ledger.LedgerView;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CONTRACT.md §2–§3 checked on what the run left behind: the orchestrators' database, the outcomes and rejections
 * topics as a consumer reads them, and the sandbox's ledger (the truth of what Huifu did with the money).
 */
public final class Invariants {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Everything the run left behind. */
    public record Facts(Map<String, WithdrawalRequested> requests, List<Outcome> outcomes,
                 List<ConsumerRecord<String, String>> rejections, List<Fuzzed> fuzzed,
                 Map<String, OrchestratorDatabase.Stored> stored, Map<String, String> serialOwners,
                 List<WithdrawalView> sandbox, LedgerView ledger) {
    }

    private final Facts facts;
    /** Sandbox views by the withdrawal that owns their serial (unowned ones under null). */
    private final Map<String, List<WithdrawalView>> viewsByWithdrawal = new HashMap<>();
    /** Outcome records by withdrawal, in the order a consumer reads them. */
    private final Map<String, List<Outcome>> outcomesByWithdrawal = new LinkedHashMap<>();

    public Invariants(Facts facts) {
        this.facts = facts;
        for (WithdrawalView v : facts.sandbox()) {
            String owner = facts.serialOwners().get(OrchestratorDatabase.serial(v.huifuId(), v.reqDate(), v.reqSeqId()));
            viewsByWithdrawal.computeIfAbsent(owner, k -> new ArrayList<>()).add(v);
        }
        for (Outcome o : facts.outcomes()) {
            outcomesByWithdrawal.computeIfAbsent(o.withdrawalId(), k -> new ArrayList<>()).add(o);
        }
    }

    public void checkWithdrawals(InvariantTable table) {
        List<String> notFinal = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        int failedByQuery = 0;
        for (Map.Entry<String, WithdrawalRequested> e : facts.requests().entrySet()) {
            String id = e.getKey();
            OrchestratorDatabase.Stored stored = facts.stored().get(id);
            if (stored == null || !stored.status().isFinal()) {
                notFinal.add(id + " " + (stored == null ? "never stored" : stored.status()));
                continue;
            }
            List<WithdrawalView> views = viewsByWithdrawal.getOrDefault(id, List.of());
            List<WithdrawalView> accepted = views.stream().filter(WithdrawalView::accepted).toList();
            if (accepted.size() > 1) {
                doubled.add(id + " accepted serials " + accepted.stream().map(WithdrawalView::reqSeqId).toList());
                continue;
            }
            Truth truth = truthOf(views, accepted);
            if (truth.status() == stored.status()) {
                continue;
            }
            if (truth.status() == WithdrawalStatus.REFUNDED && stored.status() == WithdrawalStatus.FAILED
                    && !truth.anyNoticeAcknowledged()) {
                // PROTOCOL.md §5.1: a query answers only trans_status F, and no 02/01 ever reached us
                failedByQuery++;
                continue;
            }
            wrong.add(id + " stored " + stored.status() + ", sandbox " + truth.describe());
        }
        table.check("every valid request stored and final", facts.requests().size(), notFinal);
        table.check("final state equals the sandbox's truth", facts.requests().size(), wrong);
        table.count("  of which booked back, no notice acknowledged: FAILED by query (allowed)", failedByQuery);
        table.check("at most one serial accepted by the sandbox per withdrawal", facts.requests().size(), doubled);
        List<String> unowned = viewsByWithdrawal.getOrDefault(null, List.of()).stream()
                .map(v -> v.huifuId() + "/" + v.reqSeqId()).toList();
        table.check("every serial the sandbox took belongs to a withdrawal", facts.sandbox().size(), unowned);
        List<String> flagged = facts.stored().values().stream().filter(OrchestratorDatabase.Stored::attention)
                .map(s -> s.withdrawalId() + " " + s.status() + ": " + s.attentionReason()).toList();
        table.check("no withdrawal flagged for attention (contradiction, amount, overdue)", facts.stored().size(),
                flagged);
    }

    /** What the sandbox says happened to the money of one withdrawal. */
    private record Truth(WithdrawalStatus status, String describe, boolean anyNoticeAcknowledged) {
    }

    private static Truth truthOf(List<WithdrawalView> views, List<WithdrawalView> accepted) {
        if (accepted.isEmpty()) {
            // refused (with trans_stat F, or before any serial was taken): no money moved
            return new Truth(WithdrawalStatus.FAILED, views.isEmpty() ? "no serial taken" : "refused", false);
        }
        WithdrawalView v = accepted.get(0);
        boolean acked = v.notifications().stream().anyMatch(n -> n.acked());
        String describe = "trans " + v.transStatus() + " acct " + v.acctStatus() + (v.isFinal() ? "" : " (not final)")
                + (acked ? ", a notice acknowledged" : ", no notice acknowledged");
        if (!v.isFinal()) {
            return new Truth(null, describe, acked);
        }
        if (v.succeeded()) {
            return new Truth(WithdrawalStatus.SUCCEEDED, describe, acked);
        }
        return new Truth("B".equals(v.acctStatus()) ? WithdrawalStatus.REFUNDED : WithdrawalStatus.FAILED, describe,
                acked);
    }

    public void checkOutcomeStreams(InvariantTable table) {
        List<String> badPath = new ArrayList<>();
        List<String> wrongEnd = new ArrayList<>();
        List<String> twoIds = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        Map<String, Outcome> byEventId = new HashMap<>();
        List<String> reused = new ArrayList<>();
        for (Outcome o : facts.outcomes()) {
            Outcome first = byEventId.putIfAbsent(o.eventId(), o);
            if (first != null && (first.status() != o.status() || !first.withdrawalId().equals(o.withdrawalId()))) {
                reused.add(o.eventId() + " for " + first.withdrawalId() + " " + first.status() + " and "
                        + o.withdrawalId() + " " + o.status());
            }
        }
        for (Map.Entry<String, WithdrawalRequested> e : facts.requests().entrySet()) {
            String id = e.getKey();
            List<Outcome> stream = outcomesByWithdrawal.getOrDefault(id, List.of());
            Set<String> seen = new HashSet<>();
            List<WithdrawalStatus> path = new ArrayList<>();
            Map<WithdrawalStatus, Set<String>> idsPerStatus = new HashMap<>();
            for (Outcome o : stream) {
                idsPerStatus.computeIfAbsent(o.status(), s -> new HashSet<>()).add(o.eventId());
                if (seen.add(o.eventId())) {
                    path.add(o.status());
                }
                if (!e.getValue().cashAmt().toString().equals(o.cashAmt()) || !id.equals(o.key())) {
                    amounts.add(id + " " + o.status() + " cash_amt " + o.cashAmt() + " key " + o.key());
                }
            }
            if (!WithdrawalStatus.PATHS.contains(path)) {
                badPath.add(id + " " + path);
            }
            OrchestratorDatabase.Stored stored = facts.stored().get(id);
            WithdrawalStatus last = path.isEmpty() ? null : path.get(path.size() - 1);
            if (stored == null || last != stored.status()) {
                wrongEnd.add(id + " stream ends " + last + ", stored " + (stored == null ? null : stored.status()));
            }
            idsPerStatus.forEach((status, ids) -> {
                if (ids.size() > 1) {
                    twoIds.add(id + " " + status + " " + ids);
                }
            });
        }
        int n = facts.requests().size();
        table.check("outcome stream (de-duplicated by event_id) is a contract path", n, badPath);
        table.check("outcome stream ends in the stored state", n, wrongEnd);
        table.check("no transition published under two event_ids", n, twoIds);
        table.check("no event_id names two transitions", byEventId.size(), reused);
        table.check("outcome events carry the requested cash_amt, keyed by withdrawal_id", facts.outcomes().size(),
                amounts);
    }

    public void checkMoney(InvariantTable table) {
        Amount succeeded = Amount.ZERO;
        long succeededCount = 0;
        Set<String> counted = new HashSet<>();
        for (Outcome o : facts.outcomes()) {
            if (o.status() == WithdrawalStatus.SUCCEEDED && counted.add(o.withdrawalId())
                    && facts.requests().containsKey(o.withdrawalId())) {
                succeeded = succeeded.plus(Amount.parse(o.cashAmt()));
                succeededCount++;
            }
        }
        // 内扣: a paid withdrawal's cash_amt went to the card less the fee, and the fee to Huifu
        Amount paid = facts.ledger().paidOut().plus(facts.ledger().feesCollected());
        table.check("sum of SUCCEEDED cash_amt (" + succeeded + ") = sandbox paid out + fees (" + paid + ")",
                succeededCount, succeeded.equals(paid) ? List.of() : List.of(succeeded + " != " + paid));
        List<String> ledger = new ArrayList<>();
        if (!facts.ledger().conserved()) {
            ledger.add("ledger not conserved: " + facts.ledger());
        }
        if (!facts.ledger().inTransit().isZero() || !facts.ledger().held().isZero()) {
            ledger.add("money still in transit or held: " + facts.ledger());
        }
        table.check("sandbox ledger conserved, nothing in transit or held", facts.sandbox().size(), ledger);
    }

    public void checkRejections(InvariantTable table) {
        List<String> validRejected = new ArrayList<>();
        Map<String, Integer> originals = new HashMap<>();
        List<String> truncated = new ArrayList<>();
        List<String> noReason = new ArrayList<>();
        for (ConsumerRecord<String, String> record : facts.rejections()) {
            JsonNode r = JSON.readTree(record.value());
            String id = text(r, "withdrawal_id");
            if (id != null && facts.requests().containsKey(id)) {
                validRejected.add(id + " " + text(r, "reason_code"));
            }
            JsonNode errors = r.get("errors");
            boolean reasoned = text(r, "reason_code") != null && errors != null && errors.isArray() && !errors.isEmpty()
                    && errors.get(0).hasNonNull("message") && !errors.get(0).get("message").asString().isBlank();
            if (!reasoned) {
                noReason.add(abbreviate(record.value()));
                continue;
            }
            String original = String.valueOf(text(r, "original"));
            if (errors.toString().contains("original holds its first")) {
                // a record too long to quote whole is quoted from its beginning (orchestrator README, intake)
                truncated.add(original);
            } else {
                originals.merge(original, 1, Integer::sum);
            }
        }
        List<String> unanswered = new ArrayList<>();
        for (Fuzzed f : facts.fuzzed()) {
            String expected = f.expectedOriginal();
            Integer left = originals.get(expected);
            if (left != null && left > 0) {
                originals.put(expected, left - 1);
            } else if (!takeBeginning(truncated, expected)) {
                unanswered.add(f.kind() + ": " + abbreviate(expected));
            }
        }
        table.check("no valid request rejected", facts.requests().size(), validRejected);
        table.check("every fuzzed record rejected with a reason", facts.fuzzed().size(), unanswered);
        table.check("every rejection carries a reason code and a message", facts.rejections().size(), noReason);
    }

    /** Removes the first quoted beginning of {@code expected} from {@code beginnings}; false when there is none. */
    private static boolean takeBeginning(List<String> beginnings, String expected) {
        for (int k = 0; k < beginnings.size(); k++) {
            String beginning = beginnings.get(k);
            if (beginning.length() < expected.length() && expected.startsWith(beginning)) {
                beginnings.remove(k);
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "… (" + text.length() + " chars)";
    }
}
