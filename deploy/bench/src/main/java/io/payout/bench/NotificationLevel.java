package io.payout.bench;

import io.payout.bench.SignedNotices.Notice;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One B2 level: a set of withdrawals' notices sent at one offered rate, each timed from its scheduled send to the
 * arrival of the state it implies, with the services' CPU over the level. Prints the level's row and returns its JSON.
 */
final class NotificationLevel {

    /** In-flight cap of the load generator; a send that waits for it still counts from its scheduled time. */
    private static final int MAX_IN_FLIGHT = 1000;

    private final LoadClient http;
    private final OutcomeWatcher outcomes;
    private final ServiceProcess gateway;
    private final ServiceProcess orchestrator;
    private final long ticks;

    NotificationLevel(LoadClient http, OutcomeWatcher outcomes, ServiceProcess gateway, ServiceProcess orchestrator,
                      long ticks) {
        this.http = http;
        this.outcomes = outcomes;
        this.gateway = gateway;
        this.orchestrator = orchestrator;
        this.ticks = ticks;
    }

    /** The header of the rows {@link #run} prints. */
    static void printHeader() {
        System.out.printf("  %7s %9s %9s %8s %8s %8s %8s %9s %9s %9s %9s %9s%n", "offered", "sent", "achieved",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "http!=200", "gw ms/n", "orch ms/n", "hrns ms/n",
                "pg ms/n");
    }

    /** Sends the 02 and 01 of each of {@code pairs} at {@code rate} a second, and measures them. */
    Map<String, Object> run(int rate, List<Notice[]> pairs) throws IOException {
        List<Notice> order = order(pairs, rate);
        int n = order.size();
        long[] scheduled = new long[n];
        long[] ackNanos = new long[n];
        long[] non200 = new long[1];
        Map<Integer, Long> statuses = new TreeMap<>();
        long interval = 1_000_000_000L / rate;
        http.openAll();
        Phase phase = Phase.begin(List.of(gateway, orchestrator));
        long t0 = System.nanoTime() + 50_000_000L;
        long wallT0 = System.currentTimeMillis() + 50;
        for (int i = 0; i < n; i++) {
            scheduled[i] = t0 + i * interval;
        }
        long sendEnd = http.run(order.stream().map(Notice::request).toList(), t0, interval, MAX_IN_FLIGHT,
                (index, status, nanoTime) -> {
                    ackNanos[index] = nanoTime - scheduled[index];
                    statuses.merge(status, 1L, Long::sum);
                    if (status != 200) {
                        non200[0]++;
                    }
                });
        // Resumes where the last look stopped (an outcome, once seen, stays seen) rather than scanning every notice
        // each 20 ms: the watcher's polling is counted in the harness's CPU too.
        int[] arrived = {0};
        outcomes.await(() -> {
            while (arrived[0] < n && outcomes.seenAt(order.get(arrived[0]).withdrawalId(),
                    order.get(arrived[0]).implies()) != 0) {
                arrived[0]++;
            }
            return arrived[0] == n;
        }, Duration.ofSeconds(60));
        Map<String, Object> cpu = phase.cpuMillisPer(n, ticks);

        long[] latencies = new long[n];
        long[] offsets = new long[n];
        long[][] stages = new long[3][n]; // to the transition, on to the relay's send, on to the read here
        int done = 0;
        long last = t0;
        for (int i = 0; i < n; i++) {
            long seen = outcomes.seenAt(order.get(i).withdrawalId(), order.get(i).implies());
            if (seen != 0) {
                // an outcome published before its own notice was even sent (the 01 came first) counts as instant
                offsets[done] = scheduled[i] - t0;
                OutcomeWatcher.Stages at = outcomes.stagesOf(order.get(i).withdrawalId(), order.get(i).implies());
                long sentWall = wallT0 + (scheduled[i] - t0) / 1_000_000L;
                stages[0][done] = Math.max(0, at.occurredAtMillis() - sentWall) * 1_000_000L;
                stages[1][done] = Math.max(0, at.sentAtMillis() - at.occurredAtMillis()) * 1_000_000L;
                stages[2][done] = Math.max(0, at.readAtMillis() - at.sentAtMillis()) * 1_000_000L;
                latencies[done++] = Math.max(0, seen - scheduled[i]);
                last = Math.max(last, seen);
            }
        }
        Stats latency = Stats.ofNanos(Arrays.copyOf(latencies, done));
        List<Stats> bySecond = Stats.bySecond(Arrays.copyOf(offsets, done), Arrays.copyOf(latencies, done));
        Map<String, Object> byStage = new LinkedHashMap<>();
        String[] stageNames = {"to_transition", "transition_to_relay_send", "relay_send_to_read"};
        for (int k = 0; k < 3; k++) {
            byStage.put(stageNames[k], Bench.latency(Stats.ofNanos(Arrays.copyOf(stages[k], done))));
        }
        Stats ack = Stats.ofNanos(ackNanos);
        double achieved = Stats.perSecond(done, last - t0);
        boolean sustained = done == n && non200[0] == 0 && achieved >= 0.95 * rate
                && (sendEnd - t0) <= 1.05 * n * interval + 100_000_000L;
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("offered_per_second", rate);
        level.put("notices", n);
        level.put("outcomes_seen", done);
        level.put("http_not_200", non200[0]);
        level.put("http_statuses", statuses); // 0: no answer, for the reasons in http_failures
        level.put("http_failures", http.failures());
        level.put("achieved_per_second", Bench.round(achieved));
        level.put("sustained", sustained);
        level.put("latency", Bench.latency(latency));
        level.put("latency_by_stage", byStage); // wall-clock milliseconds, so resolution 1 ms
        level.put("latency_by_second", bySecond.stream().map(Bench::latency).toList());
        level.put("http_ack_latency", Bench.latency(ack));
        level.put("cpu", cpu);
        double gw = (double) ((Map<?, ?>) cpu.get("gateway")).get("cpu_ms_per_unit");
        double orch = (double) ((Map<?, ?>) cpu.get("orchestrator")).get("cpu_ms_per_unit");
        double harness = (double) ((Map<?, ?>) cpu.get(Phase.HARNESS)).get("cpu_ms_per_unit");
        double pg = (double) ((Map<?, ?>) cpu.get(Phase.POSTGRES)).get("cpu_ms_per_unit");
        System.out.printf("  %7d %9d %9.0f %8.1f %8.1f %8.1f %8.1f %9d %9.3f %9.3f %9.3f %9.3f%s%n", rate, n,
                achieved, latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), latency.maxMs(), non200[0], gw, orch,
                harness, pg, sustained ? "" : "   NOT sustained");
        if (latency.p99Ms() > 250) {
            // a tail spread over the level, or one stall: the second (of scheduled sends) with the slowest outcome
            int worst = IntStream.range(0, bySecond.size()).filter(s -> bySecond.get(s).count() > 0).boxed()
                    .max(Comparator.comparingDouble(s -> bySecond.get(s).maxMs())).orElseThrow();
            System.out.printf("            slowest second: +%d s (%d notices): p50 %.1f, p99 %.1f, max %.1f ms%n",
                    worst, bySecond.get(worst).count(), bySecond.get(worst).p50Ms(), bySecond.get(worst).p99Ms(),
                    bySecond.get(worst).maxMs());
            System.out.printf("            p99 by stage: to the transition %s, on to the relay's send %s, "
                    + "on to the read here %s ms%n", byStage.values().stream()
                    .map(m -> String.valueOf(((Map<?, ?>) m).get("p99_ms"))).toArray());
        }
        if (non200[0] > 0) {
            System.out.printf("            answers %s (0: none), failures %s%n", statuses, http.failures());
        }
        return level;
    }

    /** The 01 of a withdrawal follows its 02 about a quarter of a second later, as Huifu's would (later still). */
    private static List<Notice> order(List<Notice[]> pairs, int rate) {
        int lag = Math.min(pairs.size(), Math.max(1, rate / 4));
        List<Notice> order = new ArrayList<>(pairs.size() * 2);
        for (int i = 0; i < pairs.size() + lag; i++) {
            if (i < pairs.size()) {
                order.add(pairs.get(i)[0]);
            }
            if (i >= lag) {
                order.add(pairs.get(i - lag)[1]);
            }
        }
        return order;
    }
}
