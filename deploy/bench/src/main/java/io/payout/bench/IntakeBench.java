package io.payout.bench;

import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B1: requests published to the requests topic (as fast as one producer sends them), timed from the first send
 * to the last REQUESTED outcome committed on the outcomes topic: stored, validated and published.
 */
final class IntakeBench {


    private final Stack stack;
    private final long ticks;

    IntakeBench(Stack stack, long ticks) {
        this.stack = stack;
        this.ticks = ticks;
    }

    /**
     * Whether every one of these withdrawals is stored. Asked with the last requests of the run: each partition is
     * consumed in order, so once the last request of every partition is stored, all are, and 200 keys hash onto
     * every partition. A {@code count(*)} over the whole table, polled while the warm-up's hundreds of thousands of
     * rows are there, would cost PostgreSQL more CPU than some of intake's own statements.
     */
    private static boolean stored(java.sql.Connection c, String[] ids) {
        try (java.sql.PreparedStatement st = c.prepareStatement(
                "select count(*) from withdrawals where withdrawal_id = any(?)")) {
            st.setArray(1, c.createArrayOf("varchar", ids));
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == ids.length;
            }
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private java.sql.Connection connect(String jdbcUrl) {
        try {
            return java.sql.DriverManager.getConnection(jdbcUrl, stack.postgres.username(), "");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param warmUpLimit how long the warm-up may go on while the JIT compilers are still busy */
    Map<String, Object> run(int count, Duration warmUpLimit) throws java.sql.SQLException {
        ServiceLaunch.Topics topics = Stack.topics("b1");
        String jdbcUrl = stack.freshDatabase("b1");
        try (ServiceProcess orchestrator = stack.orchestrator("b1", topics, jdbcUrl, null, null);
             java.sql.Connection db = connect(jdbcUrl);
             OutcomeWatcher outcomes = OutcomeWatcher.start(stack.bootstrapServers, topics.outcomes())) {
            String run = Long.toString(System.currentTimeMillis(), 36);
            // warm-up (not measured): the consumers join their group and the JIT compiles the hot path, in rounds
            // until the compilers are (nearly) done
            int round = Math.max(500, count / 5);
            int rounds = JitCompilers.warmUp(List.of(orchestrator), warmUpLimit, r -> {
                Requests.publish(stack.bootstrapServers, topics.requests(), round,
                        i -> Requests.request("b1w-" + run + "-" + r + "-" + i, "6666000" + (100000000 + i % 1000),
                                "T1", i, IntoAcctDateType.T1));
                outcomes.await(() -> outcomes.count(WithdrawalStatus.REQUESTED) >= (long) (r + 1) * round,
                        Duration.ofMinutes(5));
                outcomes.forgetSeen(); // B1 counts; no round looks at another round's ids
            });
            int warmUp = rounds * round;
            String[] lastIds = java.util.stream.IntStream.range(Math.max(0, count - 200), count)
                    .mapToObj(i -> "b1-" + run + "-" + i).toArray(String[]::new);
            Phase phase = Phase.begin(List.of(orchestrator));
            long start = Requests.publish(stack.bootstrapServers, topics.requests(), count,
                    i -> Requests.request("b1-" + run + "-" + i, "6666000" + (100000000 + i % 1000), "T1", i,
                            IntoAcctDateType.T1));
            long published = System.nanoTime();
            // stored (rows committed) is watched apart from published (events committed on the topic by the
            // outbox relay), so the table shows which of the two limits intake
            long[] storedAt = {0};
            long[] checkedAt = {0};
            boolean done = outcomes.await(() -> {
                long now = System.nanoTime();
                if (storedAt[0] == 0 && now - checkedAt[0] > 100_000_000L) {
                    checkedAt[0] = now;
                    if (stored(db, lastIds)) {
                        storedAt[0] = System.nanoTime();
                    }
                }
                return outcomes.count(WithdrawalStatus.REQUESTED) >= warmUp + count;
            }, Duration.ofMinutes(15));
            long end = System.nanoTime();
            long stored = outcomes.count(WithdrawalStatus.REQUESTED) - warmUp;
            Map<String, Object> cpu = phase.cpuMillisPer(Math.max(1, stored), ticks);
            double rate = Stats.perSecond(stored, end - start);
            Map<String, Object> memory = Bench.memory(List.of(orchestrator));
            // after the measured window, so that it takes no CPU from it
            RsaCost rsa = RsaCost.measure(stack.huifu);

            Map<String, Object> r = new LinkedHashMap<>();
            r.put("requests", count);
            r.put("warm_up_requests", warmUp);
            r.put("load_average_at_end", Bench.loadAverage());
            r.put("requested_published", stored);
            r.put("complete", done);
            r.put("publish_seconds", Bench.round((published - start) / 1e9));
            r.put("seconds", Bench.round((end - start) / 1e9));
            r.put("requests_per_second", Bench.round(rate));
            r.put("stored_seconds", storedAt[0] == 0 ? Double.NaN : Bench.round((storedAt[0] - start) / 1e9));
            r.put("stored_per_second", storedAt[0] == 0 ? Double.NaN
                    : Bench.round(Stats.perSecond(count, storedAt[0] - start)));
            r.put("target_per_second", 10_000);
            r.put("rsa_2048", rsa.toMap());
            r.put("cpu", cpu);
            r.put("memory", memory);
            System.out.printf("  %d requests -> %d REQUESTED published in %.1f s (producer done after %.1f s)%n",
                    count, stored, (end - start) / 1e9, (published - start) / 1e9);
            if (storedAt[0] == 0) {
                System.out.println("  the relay kept up: rows and REQUESTED events finished within the same 100 ms");
            } else {
                System.out.printf("  all rows stored after %.1f s (%,.0f/s); the relay published the last REQUESTED "
                        + "after %.1f s%n", (storedAt[0] - start) / 1e9, Stats.perSecond(count, storedAt[0] - start),
                        (end - start) / 1e9);
            }
            System.out.printf("  B1 intake: %,.0f requests/s stored and published   (target >= 10,000/s)%n", rate);
            rsa.print();
            Bench.printCpu("request", cpu, rsa);
            Bench.printMemory(memory);
            return r;
        }
    }
}
