package io.payout.reliability;

import io.payout.reliability.UpstreamPublisher.Request;
import io.payout.sandbox.SandboxControl;
import io.payout.testkit.AccountRequestJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account requests alongside the withdrawals, under the same faults (lost answers, 5xx, dropped, duplicated and
 * reordered notices, crashes): individuals opened with their card, one in ten with a card whose holder does not
 * match (Huifu rejects it), and enterprises paid out to a corporate card of another name (Huifu reviews it). Then the
 * invariants of CONTRACT.md §6: every request ends once and as expected, one token_no per bound card, nothing opened
 * twice, and the registry equal to the sandbox's truth.
 */
final class AccountRequestsUnderFaults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request and the end it must reach, with what may never appear in a log. */
    record Planned(String id, String expectedEnd, String cardNo, String certNo, String name) {
    }

    private final Map<String, Planned> planned = new LinkedHashMap<>();
    private final List<Request> records = new ArrayList<>();

    AccountRequestsUnderFaults(long seed, int count) {
        Random random = new Random(seed);
        long base = 10_000_000L + random.nextInt(80_000_000);
        for (int i = 0; i < count; i++) {
            String id = "acct-" + seed + "-" + i;
            String certNo = "1101011990" + String.format("%08d", base + i);
            String cardNo = "62220202" + String.format("%08d", base + i);
            String name = "可靠" + (char) ('甲' + i % 10) + i;
            boolean enterprise = i % 5 == 4;
            // the sandbox's bank says a number ending in 0000 belongs to someone else
            boolean mismatch = !enterprise && i % 10 == 3;
            String json = enterprise ? AccountRequestJson.openEnterprise(id, name, certNo, cardNo, "T1")
                    : AccountRequestJson.openIndividual(id, name, certNo,
                            mismatch ? cardNo.substring(0, 12) + "0000" : cardNo, "D0", "T1");
            planned.put(id, new Planned(id, mismatch ? "REJECTED" : "APPROVED", cardNo, certNo, name));
            records.add(new Request(id, json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    List<Request> records() {
        return records;
    }

    List<Planned> planned() {
        return List.copyOf(planned.values());
    }

    int count() {
        return planned.size();
    }

    /** How many requests have their final answer among {@code updates}. */
    long ended(List<ConsumerRecord<String, String>> updates) {
        return ends(updates).keySet().stream().filter(planned::containsKey).count();
    }

    void check(InvariantTable table, List<ConsumerRecord<String, String>> updates, OrchestratorDatabase database,
               SandboxControl sandbox) {
        Map<String, List<JsonNode>> ends = ends(updates);
        List<String> notFinal = new ArrayList<>();
        List<String> endedTwice = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (Planned p : planned.values()) {
            List<JsonNode> end = ends.getOrDefault(p.id(), List.of());
            Set<String> eventIds = new HashSet<>();
            end.forEach(e -> eventIds.add(e.path("event_id").asString()));
            if (end.isEmpty()) {
                notFinal.add(p.id());
            } else if (eventIds.size() > 1) {
                endedTwice.add(p.id() + " " + end.stream().map(e -> e.path("change").asString()).toList());
            } else if (!p.expectedEnd().equals(end.get(0).path("change").asString())) {
                unexpected.add(p.id() + " " + end.get(0).path("change").asString() + " ("
                        + end.get(0).path("reason").asString("") + "), expected " + p.expectedEnd());
            }
        }
        table.check("every account request final on account.updates", planned.size(), notFinal);
        table.check("every account request ends once (one APPROVED, REJECTED or FAILED)", planned.size(), endedTwice);
        // An opening sent again under a new serial is refused by Huifu (the person has a user): it would show here.
        table.check("every account request ends as Huifu's rules say (none opened twice, none bound a wrong card)",
                planned.size(), unexpected);

        Map<String, Set<String>> tokensByRequest = new HashMap<>();
        Map<String, String> accountOf = new HashMap<>();
        for (ConsumerRecord<String, String> record : updates) {
            JsonNode u = JSON.readTree(record.value());
            String id = u.path("account_request_id").asString(null);
            if (id == null || !planned.containsKey(id)) {
                continue;
            }
            if ("CARD_BOUND".equals(u.path("change").asString())) {
                tokensByRequest.computeIfAbsent(id, k -> new TreeSet<>()).add(u.path("token_no").asString());
            }
            if ("APPROVED".equals(u.path("change").asString())) {
                accountOf.put(id, u.path("huifu_id").asString());
            }
        }
        List<String> tokens = new ArrayList<>();
        tokensByRequest.forEach((id, t) -> {
            if (t.size() != 1) {
                tokens.add(id + " " + t);
            }
        });
        accountOf.keySet().stream().filter(id -> !tokensByRequest.containsKey(id))
                .forEach(id -> tokens.add(id + " approved without a token_no"));
        table.check("one token_no per bound card", accountOf.size(), tokens);

        Map<String, Set<String>> registry = database.openCardTokens();
        List<String> differ = new ArrayList<>();
        for (String huifuId : accountOf.values()) {
            Set<String> truth = new TreeSet<>();
            sandbox.account(huifuId).cards().forEach(card -> truth.add(card.tokenNo()));
            Set<String> known = new TreeSet<>(registry.getOrDefault(huifuId, Set.of()));
            if (!truth.equals(known)) {
                differ.add(huifuId + ": registry " + known + ", sandbox " + truth);
            }
        }
        table.check("the registry's cards equal the sandbox's truth", accountOf.size(), differ);
        table.check("no account application left open or waiting for an operator", planned.size(),
                database.unfinishedAccountApplications());
    }

    private Map<String, List<JsonNode>> ends(List<ConsumerRecord<String, String>> updates) {
        Map<String, List<JsonNode>> ends = new HashMap<>();
        for (ConsumerRecord<String, String> record : updates) {
            JsonNode u = JSON.readTree(record.value());
            String id = u.path("account_request_id").asString(null);
            if (id != null && u.path("change").asString().matches("APPROVED|REJECTED|FAILED")) {
                ends.computeIfAbsent(id, k -> new ArrayList<>()).add(u);
            }
        }
        return ends;
    }
}
