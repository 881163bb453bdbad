package io.payout.bench;

import io.payout.bench.SentSerials.Serial;
import io.payout.bench.SignedNotices.Notice;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * B2: signed notifications posted over HTTP to the gateway at fixed offered rates (open loop: each send is scheduled
 * by time, whatever happened to the earlier ones), each timed from its scheduled send to the arrival on the outcomes
 * topic of the state it implies (02 debited: ACCOUNTED; 01 paid: SUCCEEDED). The withdrawals are made first by
 * intake with submission off, so they wait in REQUESTED and each notice is new evidence. Each level is a
 * {@link NotificationLevel}; this sets them up and sums them up.
 */
final class NotificationBench {

    /**
     * Keep-alive connections to the gateway, opened before the warm-up. More than Tomcat's 200 request threads, so a
     * notice waits for a connection only when it would have waited for a thread in the gateway anyway.
     */
    private static final int CONNECTIONS = Integer.getInteger("bench.b2.connections", 256);

    private final Stack stack;
    private final long ticks;

    NotificationBench(Stack stack, long ticks) {
        this.stack = stack;
        this.ticks = ticks;
    }

    /**
     * At most this many warm-up rounds (each a level at the second rate); fewer once the JIT compilers are done
     * (JitCompilers). Their withdrawals are made and their notices signed in advance.
     */
    private static final int WARM_UP_ROUNDS = 15;

    /** @param warmUpLimit how long the warm-up may go on while the JIT compilers are still busy */
    Map<String, Object> run(List<Integer> rates, Duration levelDuration, Duration warmUpLimit) throws Exception {
        ServiceLaunch.Topics topics = Stack.topics("b2");
        String jdbcUrl = stack.freshDatabase("b2");
        // Level 0 is a warm-up (not reported): connections, consumer groups, the JIT. It runs at the second rate in
        // rounds of a level's length until the JIT compilers are done: after one short warm-up, C2 is still compiling
        // in the measured levels on two cores shared by four JVMs, and every level shows the machine saturated.
        List<Integer> all = new ArrayList<>(rates);
        all.add(0, rates.get(Math.min(1, rates.size() - 1)));
        int[] perLevel = all.stream().mapToInt(r -> (int) Math.max(1, r * levelDuration.toSeconds() / 2)).toArray();
        int warmUpRound = perLevel[0];
        perLevel[0] *= WARM_UP_ROUNDS;
        int withdrawals = IntStream.of(perLevel).sum();
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (ServiceProcess gateway = stack.gateway("b2", topics);
             ServiceProcess orchestrator = stack.orchestrator("b2", topics, jdbcUrl, null,
                     gateway.baseUrl() + "/huifu/notify/withdrawal");
             OutcomeWatcher outcomes = OutcomeWatcher.start(stack.bootstrapServers, topics.outcomes())) {
            System.out.printf("  making %d withdrawals (REQUESTED, submission off) and signing %d notices...%n",
                    withdrawals, withdrawals * 2);
            Requests.publish(stack.bootstrapServers, topics.requests(), withdrawals,
                    i -> Requests.request("b2-" + run + "-" + i, "6666000" + (200000000 + i % 1000), "T1", i,
                            IntoAcctDateType.D0));
            if (!outcomes.await(() -> outcomes.count(WithdrawalStatus.REQUESTED) >= withdrawals,
                    Duration.ofMinutes(10))) {
                throw new IllegalStateException("intake did not store the B2 withdrawals");
            }
            SentSerials.markSent(stack, jdbcUrl);
            List<Serial> serials = SentSerials.read(stack, jdbcUrl);
            URI uri = URI.create(gateway.baseUrl() + "/huifu/notify/withdrawal");
            SignedNotices signed = new SignedNotices(uri, stack.huifu.getPrivate());
            List<Notice[]> pairs = serials.parallelStream().map(signed::pair).toList();
            List<Map<String, Object>> levels = new ArrayList<>();
            int from = 0;
            Integer maxSustained = null;
            Integer maxWithinTarget = null;
            NotificationLevel.printHeader();
            try (LoadClient http = new LoadClient(uri, CONNECTIONS)) {
                NotificationLevel level = new NotificationLevel(http, outcomes, gateway, orchestrator, ticks);
                for (int l = 0; l < all.size(); l++) {
                    List<Notice[]> mine = pairs.subList(from, from + perLevel[l]);
                    from += perLevel[l];
                    if (l == 0) {
                        JitCompilers.warmUp(List.of(gateway, orchestrator), WARM_UP_ROUNDS, warmUpLimit, r -> {
                            System.out.print("  (warm-up) ");
                            try {
                                level.run(all.get(0), mine.subList(r * warmUpRound, (r + 1) * warmUpRound));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                        continue;
                    }
                    Map<String, Object> measured = level.run(all.get(l), mine);
                    levels.add(measured);
                    if (Boolean.TRUE.equals(measured.get("sustained"))) {
                        maxSustained = all.get(l);
                        if ((double) ((Map<?, ?>) measured.get("latency")).get("p99_ms") <= 250) {
                            maxWithinTarget = all.get(l);
                        }
                    }
                }
            }
            Map<String, Object> memory = Bench.memory(List.of(gateway, orchestrator));
            RsaCost rsa = RsaCost.measure(stack.huifu);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("level_seconds", levelDuration.toSeconds());
            r.put("load_average_at_end", Bench.loadAverage());
            r.put("levels", levels);
            r.put("max_sustained_offered_rate", maxSustained);
            r.put("max_sustained_with_p99_le_250ms", maxWithinTarget);
            r.put("target", "1000/s sustained with p99 <= 250 ms");
            r.put("rsa_2048", rsa.toMap());
            r.put("memory", memory);
            rsa.print();
            System.out.printf("  B2 notifications: highest offered rate sustained: %s; with p99 <= 250 ms: %s   "
                    + "(target >= 1,000/s with p99 <= 250 ms)%n", perSecond(maxSustained), perSecond(maxWithinTarget));
            Bench.printMemory(memory);
            return r;
        }
    }

    private static String perSecond(Integer rate) {
        return rate == null ? "none of the rates tried" : rate + "/s";
    }
}
