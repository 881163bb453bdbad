package io.payout.bench;

import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * B2: signed notifications posted over HTTP to the gateway at fixed offered rates (open loop: each send is scheduled
 * by time, whatever happened to the earlier ones), each timed from its scheduled send to the arrival on the outcomes
 * topic of the state it implies (02 debited: ACCOUNTED; 01 paid: SUCCEEDED). The withdrawals are made first by
 * intake with submission off, so they wait in REQUESTED and each notice is new evidence.
 */
final class NotificationBench {

    /** In-flight cap of the load generator; a send that waits for it still counts from its scheduled time. */
    private static final int MAX_IN_FLIGHT = 1000;
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

    /** One notification to send: its whole HTTP request, the withdrawal it is about, and the state it implies. */
    record Notice(byte[] request, String withdrawalId, WithdrawalStatus implies) {
    }

    /** A withdrawal as stored by intake: what a notification about it carries. */
    record Serial(String withdrawalId, String huifuId, String reqDate, String reqSeqId, String cashAmt) {
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
            markSent(stack, jdbcUrl);
            List<Serial> serials = serials(stack, jdbcUrl);
            URI uri = URI.create(gateway.baseUrl() + "/huifu/notify/withdrawal");
            List<Notice[]> pairs = serials.parallelStream().map(s -> notices(s, uri)).toList();
            List<Map<String, Object>> levels = new ArrayList<>();
            int from = 0;
            Integer maxSustained = null;
            Integer maxWithinTarget = null;
            System.out.printf("  %7s %9s %9s %8s %8s %8s %8s %9s %9s %9s %9s %9s%n", "offered", "sent", "achieved",
                    "p50 ms", "p95 ms", "p99 ms", "max ms", "http!=200", "gw ms/n", "orch ms/n", "hrns ms/n",
                    "pg ms/n");
            try (LoadClient http = new LoadClient(uri, CONNECTIONS)) {
                for (int l = 0; l < all.size(); l++) {
                    List<Notice[]> mine = pairs.subList(from, from + perLevel[l]);
                    from += perLevel[l];
                    if (l == 0) {
                        JitCompilers.warmUp(List.of(gateway, orchestrator), WARM_UP_ROUNDS, warmUpLimit, r -> {
                            System.out.print("  (warm-up) ");
                            try {
                                level(http, all.get(0), mine.subList(r * warmUpRound, (r + 1) * warmUpRound),
                                        outcomes, gateway, orchestrator);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                        continue;
                    }
                    Map<String, Object> level = level(http, all.get(l), mine, outcomes, gateway, orchestrator);
                    levels.add(level);
                    if (Boolean.TRUE.equals(level.get("sustained"))) {
                        maxSustained = all.get(l);
                        if ((double) ((Map<?, ?>) level.get("latency")).get("p99_ms") <= 250) {
                            maxWithinTarget = all.get(l);
                        }
                    }
                }
            }
            Map<String, Object> memory = Bench.memory(List.of(gateway, orchestrator));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("level_seconds", levelDuration.toSeconds());
            r.put("load_average_at_end", Bench.loadAverage());
            r.put("levels", levels);
            r.put("max_sustained_offered_rate", maxSustained);
            r.put("max_sustained_with_p99_le_250ms", maxWithinTarget);
            r.put("target", "1000/s sustained with p99 <= 250 ms");
            r.put("memory", memory);
            System.out.printf("  B2 notifications: highest offered rate sustained: %s; with p99 <= 250 ms: %s   "
                    + "(target >= 1,000/s with p99 <= 250 ms)%n", perSecond(maxSustained), perSecond(maxWithinTarget));
            Bench.printMemory(memory);
            return r;
        }
    }

    private Map<String, Object> level(LoadClient http, int rate, List<Notice[]> pairs, OutcomeWatcher outcomes,
                                      ServiceProcess gateway, ServiceProcess orchestrator) throws IOException {
        // the 01 of a withdrawal follows its 02 about a quarter of a second later, as Huifu's would (later still)
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
        Stats latency = Stats.ofNanos(java.util.Arrays.copyOf(latencies, done));
        List<Stats> bySecond = Stats.bySecond(java.util.Arrays.copyOf(offsets, done),
                java.util.Arrays.copyOf(latencies, done));
        Map<String, Object> byStage = new LinkedHashMap<>();
        String[] stageNames = {"to_transition", "transition_to_relay_send", "relay_send_to_read"};
        for (int k = 0; k < 3; k++) {
            byStage.put(stageNames[k], Bench.latency(Stats.ofNanos(java.util.Arrays.copyOf(stages[k], done))));
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
                    .max(java.util.Comparator.comparingDouble(s -> bySecond.get(s).maxMs())).orElseThrow();
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

    private static String perSecond(Integer rate) {
        return rate == null ? "none of the rates tried" : rate + "/s";
    }

    private Notice[] notices(Serial s, URI uri) {
        return new Notice[] {notice(s, "02", uri), notice(s, "01", uri)};
    }

    private Notice notice(Serial s, String msgType, URI uri) {
        String body = HuifuNotifications.formBody(HuifuNotifications.signedForm(noticeData(s, msgType),
                stack.huifu.getPrivate()));
        byte[] request = LoadClient.post(uri, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        return new Notice(request, s.withdrawalId(), "01".equals(msgType) ? WithdrawalStatus.SUCCEEDED
                : WithdrawalStatus.ACCOUNTED);
    }

    /** The {@code resp_data} of a successful 02 (debited) or 01 (paid) notice about {@code s}, before signing. */
    static Map<String, String> noticeData(Serial s, String msgType) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_status", "S");
        data.put("cash_amt", s.cashAmt());
        data.put("channel_status", "01".equals(msgType) ? "S" : "P");
        data.put("fee_amt", "1.00");
        data.put("hf_seq_id", "HF" + s.reqSeqId());
        data.put("huifu_id", s.huifuId());
        data.put("msg_type", msgType);
        data.put("req_date", s.reqDate());
        data.put("req_seq_id", s.reqSeqId());
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功");
        data.put("trans_status", "01".equals(msgType) ? "S" : "P");
        return data;
    }

    /**
     * Huifu notifies only serials it was sent, and the orchestrator knows a serial once its first send wrote the
     * serial's row. Submission is off here (the notices are the load), so the rows are written as those sends would.
     */
    static void markSent(Stack stack, String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres.username(), "");
             Statement st = c.createStatement()) {
            st.executeUpdate("""
                    insert into withdrawal_serials (huifu_id, req_date, req_seq_id, withdrawal_id, created_at,
                      sent_count, last_sent_at)
                    select huifu_id, req_date, req_seq_id, withdrawal_id, now(), 1, now() from withdrawals
                    on conflict do nothing""");
        }
    }

    static List<Serial> serials(Stack stack, String jdbcUrl) throws SQLException {
        List<Serial> serials = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres.username(), "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select withdrawal_id, huifu_id, req_date, req_seq_id, cash_amt from withdrawals
                     order by created_at, withdrawal_id""")) {
            while (rs.next()) {
                serials.add(new Serial(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5).toPlainString()));
            }
        }
        return serials;
    }
}
