package io.payout.bench;

import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * B3: withdrawals through the whole system, sandbox included: a burst of D0 requests published at once, timed from
 * the first send to the last final outcome; CPU time of each service per withdrawal, beside the cost of one
 * RSA-2048 sign and one verify measured in this run (each withdrawal needs at least four signatures: the request,
 * the answer, and two notices, each signed once and verified at least once).
 */
final class LifecycleBench {

    private static final int ACCOUNTS = 20;
    private static final int WARM_UP_BURST = 2_000;

    private final Stack stack;
    private final long ticks;

    LifecycleBench(Stack stack, long ticks) {
        this.stack = stack;
        this.ticks = ticks;
    }

    /** @param warmUpLimit how long the warm-up may go on while the JIT compilers are still busy */
    Map<String, Object> run(int count, Duration warmUpLimit) {
        return run(count, warmUpLimit, null);
    }

    /** B3 with {@code fault} (null: none) done to the system during the measured burst, its report in the result. */
    Map<String, Object> run(int count, Duration warmUpLimit, BurstFault fault) {
        ServiceLaunch.Topics topics = Stack.topics("b3");
        RsaCost rsa = RsaCost.measure(stack.huifu).print();
        String jdbcUrl = stack.freshDatabase("b3");
        try (Deployment deployment = Deployment.start(stack, "b3", topics, jdbcUrl, Map.of());
             OutcomeWatcher outcomes = OutcomeWatcher.start(stack.bootstrapServers, topics.outcomes())) {
            SandboxControl control = SandboxControl.of(deployment.sandbox().baseUrl());
            stack.cluster().ifPresent(cluster -> System.out.printf("  %d Kafka brokers (%s), %d gateways, "
                    + "%d orchestrators; the product's topics (partitions, replication, min.insync.replicas): %s%n",
                    cluster.brokers().size(), stack.bootstrapServers, deployment.gateways().size(),
                    deployment.orchestrators().size(), cluster.topics(List.of("withdrawal.", "huifu.", "account."))
                            .values().stream().distinct().toList()));
            // every request the run publishes, warm-up included, when a fault's checks need them
            Map<String, WithdrawalRequested> published = fault == null ? null : new LinkedHashMap<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                control.createAccount(AccountSpec.standard(huifuId(a), "100000000.00", "T" + a));
            }
            String run = Long.toString(System.currentTimeMillis(), 36);
            if (AccountChecks.on()) {
                AccountChecks.makeKnown(stack.bootstrapServers, IntStream.range(0, ACCOUNTS)
                        .mapToObj(LifecycleBench::huifuId).toList(), run, Duration.ofMinutes(2));
            }
            // warm-up (not measured): connections, consumer groups, the JIT, in bursts until the compilers are (nearly)
            // done. Bursts of 2,000 (or the measured count if smaller): smaller bursts leave the paths that only full
            // batches and queues take still compiling in the measured burst. Not bursts of the measured 10,000: the
            // sandbox keeps every withdrawal in memory, and rounds that size would leave it five times as many.
            List<ServiceProcess> services = deployment.services();
            List<ClusterBroker> brokers = stack.brokerProcesses();
            int burst = Math.min(count, WARM_UP_BURST);
            int rounds = JitCompilers.warmUp(services, brokers, warmUpLimit, r -> {
                Requests.publish(stack.bootstrapServers, topics.requests(), burst,
                        i -> remember(published, Requests.request("b3w-" + run + "-" + r + "-" + i,
                                huifuId(i % ACCOUNTS), "T" + (i % ACCOUNTS), i, Bench.d0())));
                outcomes.await(() -> outcomes.finals() >= (long) (r + 1) * burst, Duration.ofMinutes(5));
            });
            int warmUp = rounds * burst;
            long warmFinals = outcomes.finals();
            long warmSucceeded = outcomes.count(WithdrawalStatus.SUCCEEDED);
            Phase phase = Phase.begin(services, brokers);
            if (fault != null) {
                fault.start(outcomes, topics, warmFinals, count);
            }
            long start = Requests.publish(stack.bootstrapServers, topics.requests(), count,
                    i -> remember(published, Requests.request(id(run, i), huifuId(i % ACCOUNTS),
                            "T" + (i % ACCOUNTS), i, Bench.d0())));
            boolean done = outcomes.await(() -> outcomes.finals() >= warmFinals + count, Duration.ofMinutes(15));
            long finals = outcomes.finals() - warmFinals;
            long succeeded = outcomes.count(WithdrawalStatus.SUCCEEDED) - warmSucceeded;
            Map<String, Object> cpu = phase.cpuMillisPer(Math.max(1, finals), ticks);
            long[] latencies = new long[(int) finals];
            int n = 0;
            long lastFinal = start;
            for (int i = 0; i < count && n < latencies.length; i++) {
                long at = 0;
                for (WithdrawalStatus status : Bench.finals()) {
                    at = Math.max(at, outcomes.seenAt(id(run, i), status));
                }
                if (at > 0) {
                    latencies[n++] = at - start;
                    lastFinal = Math.max(lastFinal, at);
                }
            }
            double rate = Stats.perSecond(finals, lastFinal - start);
            Stats latency = Stats.ofNanos(java.util.Arrays.copyOf(latencies, n));
            Map<String, Object> memory = Bench.memory(services, brokers);
            // when each state was reached, from the burst start: shows which step the withdrawals queue at
            Map<String, Object> reached = new LinkedHashMap<>();
            for (WithdrawalStatus status : List.of(WithdrawalStatus.REQUESTED, WithdrawalStatus.PROCESSING,
                    WithdrawalStatus.ACCOUNTED, WithdrawalStatus.SUCCEEDED)) {
                long[] at = new long[count];
                int k = 0;
                for (int i = 0; i < count; i++) {
                    long seen = outcomes.seenAt(id(run, i), status);
                    if (seen != 0) {
                        at[k++] = seen - start;
                    }
                }
                Stats st = Stats.ofNanos(java.util.Arrays.copyOf(at, k));
                reached.put(status.name(), Bench.latency(st));
                System.out.printf("  %-10s reached by %5d: p50 %8.0f ms  p99 %8.0f ms after the burst start%n",
                        status, k, st.p50Ms(), st.p99Ms());
            }

            Map<String, Object> r = new LinkedHashMap<>();
            r.put("withdrawals", count);
            r.put("account_checks", AccountChecks.on());
            r.put("final", finals);
            r.put("succeeded", succeeded);
            r.put("warm_up_withdrawals", warmUp);
            r.put("load_average_at_end", Bench.loadAverage());
            r.put("complete", done);
            r.put("seconds", Bench.round((lastFinal - start) / 1e9));
            r.put("withdrawals_per_second", Bench.round(rate));
            r.put("target_per_second", 150);
            r.put("latency_from_burst_start", Bench.latency(latency));
            r.put("state_reached_from_burst_start", reached);
            r.put("sandbox_delays", "accounting 200 ms, payout 300 ms (defaults)");
            r.put("rsa_2048", rsa.toMap());
            r.put("cpu", cpu);
            r.put("memory", memory);
            r.put("ledger_conserved", control.ledger().conserved());
            stack.cluster().ifPresent(cluster -> r.put("kafka", Map.of("brokers", cluster.brokers().size(),
                    "replication", KafkaCluster.REPLICATION, "min_insync_replicas", KafkaCluster.MIN_IN_SYNC,
                    "gateways", deployment.gateways().size(), "orchestrators",
                    deployment.orchestrators().size(), "topics",
                    cluster.topics(List.of("withdrawal.", "huifu.", "account.")))));
            System.out.printf("  %d withdrawals, %d final (%d SUCCEEDED) in %.1f s%n", count, finals,
                    succeeded, (lastFinal - start) / 1e9);
            System.out.printf("  B3 full lifecycle: %,.1f withdrawals/s   (target >= 150/s)%n", rate);
            Bench.printCpu("withdrawal", cpu, rsa);
            double perWithdrawal = 0;
            for (ServiceProcess s : deployment.product()) {
                perWithdrawal += (double) ((Map<?, ?>) cpu.get(s.name())).get("cpu_ms_per_unit");
            }
            System.out.printf("  %s: %.2f CPU ms per withdrawal = %.1f RSA signs (or %.0f verifies)%n",
                    String.join(" + ", deployment.product().stream().map(ServiceProcess::name).toList()),
                    perWithdrawal, rsa.signatures(perWithdrawal), perWithdrawal / rsa.verifyMs());
            Bench.printMemory(memory);
            if (fault != null) {
                r.put("fault", fault.report(new BurstFault.Burst(deployment, topics, jdbcUrl, published, start,
                        java.util.Arrays.copyOf(latencies, n))));
            }
            return r;
        }
    }

    private static WithdrawalRequested remember(Map<String, WithdrawalRequested> published,
                                                WithdrawalRequested request) {
        if (published != null) {
            published.put(request.withdrawalId(), request);
        }
        return request;
    }

    private static String id(String run, int i) {
        return "b3-" + run + "-" + i;
    }

    private static String huifuId(int a) {
        return "66660001" + (10000000 + a);
    }
}
