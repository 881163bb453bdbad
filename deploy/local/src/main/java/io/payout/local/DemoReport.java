package io.payout.local;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The demo's closing summary: final states, lifecycle latency, every failure's reason, and the sandbox check. */
final class DemoReport {

    private static final List<List<WithdrawalStatus>> VALID_PATHS = List.of(
            List.of(WithdrawalStatus.REQUESTED, WithdrawalStatus.PROCESSING, WithdrawalStatus.ACCOUNTED,
                    WithdrawalStatus.SUCCEEDED),
            List.of(WithdrawalStatus.REQUESTED, WithdrawalStatus.PROCESSING, WithdrawalStatus.ACCOUNTED,
                    WithdrawalStatus.REFUNDED),
            List.of(WithdrawalStatus.REQUESTED, WithdrawalStatus.PROCESSING, WithdrawalStatus.FAILED),
            List.of(WithdrawalStatus.REQUESTED, WithdrawalStatus.FAILED));

    private final Map<WithdrawalStatus, Integer> finals = new EnumMap<>(WithdrawalStatus.class);
    private final List<Long> latenciesMs = new ArrayList<>();
    private final Map<String, Integer> failureReasons = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private Amount succeededSum = Amount.ZERO;
    private Amount sandboxPaidSum = Amount.ZERO;
    private int matched;
    private int total;

    static DemoReport of(List<Demo.Planned> plan, OutcomeTracker tracker, List<WithdrawalView> truth) {
        Map<String, WithdrawalView> bySerial = truth.stream()
                .collect(Collectors.toMap(v -> v.huifuId() + "/" + v.reqSeqId(), Function.identity(), (a, b) -> a));
        DemoReport report = new DemoReport();
        for (Demo.Planned planned : plan) {
            report.check(planned, tracker.of(planned.request().withdrawalId()), bySerial);
        }
        return report;
    }

    private void check(Demo.Planned planned, OutcomeTracker.Seen seen, Map<String, WithdrawalView> bySerial) {
        total++;
        String id = planned.request().withdrawalId();
        if (seen.rejection != null) {
            problems.add(id + ": rejected " + seen.rejection);
            return;
        }
        if (seen.last == null || !seen.last.status().isFinal()) {
            problems.add(id + ": not final, last seen " + (seen.last == null ? "nothing" : seen.last.status()));
            return;
        }
        WithdrawalStatus status = seen.last.status();
        finals.merge(status, 1, Integer::sum);
        latenciesMs.add(Demo.millis(seen.finalNanos - seen.publishedNanos));
        if (status != WithdrawalStatus.SUCCEEDED) {
            failureReasons.merge(status + " " + seen.last.reasonCode() + " " + seen.last.reason(), 1, Integer::sum);
        }
        if (!VALID_PATHS.contains(seen.path)) {
            problems.add(id + ": outcome path " + seen.path + " is not one of the contract's");
        }
        DemoCase expected = planned.demoCase();
        if (status != expected.expected()) {
            problems.add(id + ": " + status + " but case " + expected.name() + " expects " + expected.expected());
        }
        if (expected.expectedReason() != null && !expected.expectedReason().equals(seen.last.reasonCode())) {
            problems.add(id + ": reason " + seen.last.reasonCode() + " but case " + expected.name() + " expects "
                    + expected.expectedReason());
        }
        WithdrawalView view = bySerial.get(seen.last.huifuId() + "/" + seen.last.reqSeqId());
        WithdrawalStatus truth = truthOf(view);
        if (truth != status) {
            problems.add(id + ": orchestrator says " + status + ", sandbox ledger says " + truth);
            return;
        }
        if (status == WithdrawalStatus.SUCCEEDED) {
            succeededSum = succeededSum.plus(seen.last.cashAmt());
            sandboxPaidSum = sandboxPaidSum.plus(view.cashAmt());
        }
        matched++;
    }

    /** The final state the sandbox's ledger implies; null while it is not final there. */
    static WithdrawalStatus truthOf(WithdrawalView view) {
        if (view == null || !view.accepted()) {
            return WithdrawalStatus.FAILED;
        }
        if (!view.isFinal()) {
            return null;
        }
        if (view.succeeded()) {
            return WithdrawalStatus.SUCCEEDED;
        }
        return "B".equals(view.acctStatus()) ? WithdrawalStatus.REFUNDED : WithdrawalStatus.FAILED;
    }

    boolean allMatch() {
        return problems.isEmpty() && matched == total && succeededSum.equals(sandboxPaidSum);
    }

    String render() {
        StringBuilder out = new StringBuilder("\nFinal states\n");
        for (WithdrawalStatus status : List.of(WithdrawalStatus.SUCCEEDED, WithdrawalStatus.REFUNDED,
                WithdrawalStatus.FAILED)) {
            out.append(String.format(Locale.ROOT, "  %-10s %6d%n", status, finals.getOrDefault(status, 0)));
        }
        out.append(String.format(Locale.ROOT, "  %-10s %6d%n", "not final", total - finals.values().stream()
                .mapToInt(Integer::intValue).sum()));
        Collections.sort(latenciesMs);
        out.append(String.format(Locale.ROOT, "%nLifecycle latency, request published → final outcome seen (ms)%n"
                + "  p50 %d   p95 %d   p99 %d   max %d%n", percentile(50), percentile(95), percentile(99),
                latenciesMs.isEmpty() ? 0 : latenciesMs.get(latenciesMs.size() - 1)));
        out.append("\nFailures and refunds, by reason\n");
        if (failureReasons.isEmpty()) {
            out.append("  none\n");
        }
        failureReasons.forEach((reason, n) -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", n, reason)));
        out.append(String.format(Locale.ROOT, "%nChecked against the sandbox's ledger: %d of %d match; "
                + "SUCCEEDED sum %s, sandbox paid %s%n", matched, total, succeededSum, sandboxPaidSum));
        problems.stream().limit(20).forEach(problem -> out.append("  ✗ ").append(problem).append('\n'));
        if (problems.size() > 20) {
            out.append("  … and ").append(problems.size() - 20).append(" more\n");
        }
        out.append(allMatch() ? "RESULT: every outcome matches the sandbox\n" : "RESULT: MISMATCH\n");
        return out.toString();
    }

    private long percentile(int p) {
        if (latenciesMs.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * latenciesMs.size()) - 1;
        return latenciesMs.get(Math.max(0, Math.min(index, latenciesMs.size() - 1)));
    }
}
