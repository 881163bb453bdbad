package io.payout.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether every partition of {@code huifu.notifications} kept moving after the poison notices and through the
 * faults. A partition stalled behind one record would not show in the final states (the orchestrators' queries
 * finish every withdrawal anyway, only later), but in the history: its notices would never be applied, and every
 * withdrawal on it would reach its states by query alone. Counted over the valid withdrawals with at least one
 * genuine notice on the topic (the gateway took it from Huifu; the sandbox's dropped 10 % never get there, so they
 * are not counted), by the partition the notice is on:
 *
 * <ul>
 *   <li>each has a notice in its history ({@code withdrawal_transitions.source = NOTIFICATION}): every notice is
 *       applied, as a state change or, when a query got there first, as a row that changed nothing. A stall that
 *       outlived the run leaves none;
 *   <li>on every partition, the share of them with a state change applied from a notice is at least
 *       {@link #MIN_SHARE} and at least {@link #MIN_OF_MEDIAN} of the median partition's share. Queries win the
 *       race for a withdrawal whenever its notices wait out an outage (the broker down, an orchestrator frozen or
 *       starting, whose submission workers query before its consumers have partitions): under this run's faults
 *       84-94 % of them were moved by a notice on a quiet machine and 48-70 % on one with a load of 30, evenly over
 *       the partitions each time, whereas a partition that stalled for most of the run falls far below the others.
 * </ul>
 */
final class NoticeDriven {

    static final double MIN_SHARE = 0.2;
    static final double MIN_OF_MEDIAN = 0.5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NoticeDriven() {
    }

    /**
     * {@code withNotices}: withdrawals with a NOTIFICATION row in their history; {@code noticeDriven}: those with a
     * state change from one.
     */
    static void check(InvariantTable table, List<ConsumerRecord<String, String>> notices,
                      Map<String, String> serialOwners, Set<String> valid, Set<String> withNotices,
                      Set<String> noticeDriven) {
        Map<Integer, Set<String>> notified = new TreeMap<>();
        for (int p = 0; p < ReliabilityStack.PARTITIONS; p++) {
            notified.put(p, new HashSet<>());
        }
        for (ConsumerRecord<String, String> record : notices) {
            JsonNode data = JSON.readTree(record.value()).get("resp_data");
            if (data == null || !data.hasNonNull("req_seq_id")) {
                continue;
            }
            String owner = serialOwners.get(OrchestratorDatabase.serial(text(data, "huifu_id"), text(data, "req_date"),
                    text(data, "req_seq_id")));
            if (owner != null && valid.contains(owner)) {
                notified.get(record.partition()).add(owner);
            }
        }
        List<String> unapplied = new ArrayList<>();
        notified.forEach((partition, ids) -> ids.stream().filter(id -> !withNotices.contains(id)).sorted()
                .forEach(id -> unapplied.add(id + " (partition " + partition + "): no notice in its history")));
        table.check("every withdrawal notified on the topic has the notice in its history (no partition stalled)",
                notified.values().stream().mapToInt(Set::size).sum(), unapplied);

        Map<Integer, Double> shares = new TreeMap<>();
        notified.forEach((partition, ids) -> shares.put(partition, ids.isEmpty() ? 0
                : (double) ids.stream().filter(noticeDriven::contains).count() / ids.size()));
        double median = shares.values().stream().sorted().skip((shares.size() - 1) / 2).findFirst().orElse(0.0);
        double least = Math.max(MIN_SHARE, MIN_OF_MEDIAN * median);
        List<String> behind = new ArrayList<>();
        StringBuilder each = new StringBuilder();
        shares.forEach((partition, share) -> {
            each.append(String.format(" %.0f", share * 100));
            if (share < least) {
                behind.add(String.format("partition %d: %.0f %% of %d notified withdrawals moved by a notice, "
                        + "below %.0f %%", partition, share * 100, notified.get(partition).size(), least * 100));
            }
        });
        table.check(String.format("  state changes from notices on every partition, >= %.0f %% and half the median "
                + "(%%:%s)", MIN_SHARE * 100, each), ReliabilityStack.PARTITIONS, behind);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
