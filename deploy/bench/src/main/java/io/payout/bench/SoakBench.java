package io.payout.bench;

import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalRequested;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * B4, the soak: withdrawals through the whole lifecycle at a steady offered rate (open loop: request i is sent at
 * {@code t0 + i / rate}, whatever came back), with the sandbox's normal mix of settlement types and faults. Each
 * tenth of the run reports throughput, request-to-final latency, the orchestrator's heap after collection, resident
 * memory, the outbox backlog and the database's size per withdrawal, so a leak or a growing queue shows as a trend.
 */
final class SoakBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ACCOUNTS = 20;
    private static final int TENTHS = 10;
    /** The mix, one entry per tenth of the requests: D0 and DM pay the same day, D1 and T1 at the next (work) day. */
    private static final IntoAcctDateType[] MIX = {IntoAcctDateType.D0, IntoAcctDateType.D0, IntoAcctDateType.D0,
        IntoAcctDateType.D0, IntoAcctDateType.D1, IntoAcctDateType.D1, IntoAcctDateType.T1, IntoAcctDateType.T1,
        IntoAcctDateType.T1, IntoAcctDateType.DM};
    /**
     * One settlement day per ten seconds of real time: D1 and T1 finish within seconds to a minute (a weekend in
     * half a minute, a week-long holiday in about eighty seconds), so the soak sees their notices and final states
     * instead of leaving them waiting for tomorrow.
     */
    static final double TIME_COMPRESSION = 8640;
    /** The normal mix of faults: one payout in ten fails, and some notices come twice or out of order. */
    static final Map<String, Object> SANDBOX_MIX = Map.of(
            "sandbox.time-compression", TIME_COMPRESSION,
            "sandbox.faults.rates.payout-fail", 0.10,
            "sandbox.faults.rates.notify-duplicate", 0.05,
            "sandbox.faults.rates.notify-reorder", 0.05);

    private final Stack stack;
    private final long ticks;

    SoakBench(Stack stack, long ticks) {
        this.stack = stack;
        this.ticks = ticks;
    }

    Map<String, Object> run(int count, double rate, Path reportFolder, String stamp) {
        ServiceLaunch.Topics topics = Stack.topics("b4");
        String jdbcUrl = stack.freshDatabase("b4");
        try (Deployment deployment = Deployment.start(stack, "b4", topics, jdbcUrl, SANDBOX_MIX);
             OutcomeWatcher outcomes = OutcomeWatcher.start(stack.bootstrapServers, topics.outcomes())) {
            SandboxControl control = SandboxControl.of(deployment.sandbox().baseUrl());
            for (int a = 0; a < ACCOUNTS; a++) {
                control.createAccount(AccountSpec.standard(huifuId(a), "100000000.00", "T" + a));
            }
            List<ServiceProcess> services = deployment.services();
            List<ClusterBroker> brokers = stack.brokerProcesses();
            // the heap after collection of the first orchestrator (on a cluster the second one's is alike)
            SoakSample sampler = new SoakSample(services, deployment.orchestrators().get(0), jdbcUrl,
                    stack.postgres.username());
            String run = Long.toString(System.currentTimeMillis(), 36);
            long[] due = new long[count];
            AtomicInteger sent = new AtomicInteger();
            System.out.printf("  %,d withdrawals at %.1f/s offered (about %.0f s), mix %s, sandbox %s%n", count,
                    rate, count / rate, Arrays.toString(MIX), SANDBOX_MIX);
            Phase phase = Phase.begin(services, brokers);
            Thread sender = new Thread(() -> send(topics.requests(), run, count, rate, due, sent), "b4-sender");
            sender.start();
            List<SoakSample.Reading> readings = new ArrayList<>();
            long[] tenthEnd = new long[TENTHS];
            for (int t = 0; t < TENTHS; t++) {
                int boundary = (int) ((long) count * (t + 1) / TENTHS);
                outcomes.await(() -> sent.get() >= boundary, Duration.ofDays(1));
                tenthEnd[t] = System.nanoTime();
                readings.add(sampler.read());
                System.out.printf("  tenth %2d sent; %,d final so far%n", t + 1, outcomes.finals());
            }
            join(sender);
            // D1 and T1 wait for the next (working) day on the compressed clock: about a minute at most
            boolean done = outcomes.await(() -> outcomes.finals() >= count, Duration.ofMinutes(15));
            Map<String, Object> cpu = phase.cpuMillisPer(Math.max(1, outcomes.finals()), ticks);
            List<Map<String, Object>> rows = tenths(count, run, due, tenthEnd, readings, outcomes);
            RsaCost rsa = RsaCost.measure(stack.huifu);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("withdrawals", count);
            r.put("offered_per_second", Bench.round(rate));
            r.put("final", outcomes.finals());
            r.put("complete", done);
            r.put("mix", Arrays.toString(MIX));
            r.put("sandbox", SANDBOX_MIX);
            r.put("tenths", rows);
            r.put("rsa_2048", rsa.toMap());
            r.put("cpu", cpu);
            r.put("memory", Bench.memory(services, brokers));
            r.put("ledger_conserved", control.ledger().conserved());
            r.put("load_average_at_end", Bench.loadAverage());
            String table = table(rows);
            System.out.print(table);
            rsa.print();
            Bench.printCpu("withdrawal", cpu, rsa);
            write(reportFolder, stamp, rows, table);
            return r;
        }
    }

    /** Open loop: request i goes out at its due time; a late send still counts from the due time. */
    private void send(String topic, String run, int count, double rate, long[] due, AtomicInteger sent) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.partitionsFor(topic);
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                due[i] = t0 + (long) (i * 1e9 / rate);
                long wait = due[i] - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                WithdrawalRequested request = Requests.request(id(run, i), huifuId(i % ACCOUNTS),
                        "T" + (i % ACCOUNTS), i, MIX[i % MIX.length]);
                producer.send(new ProducerRecord<>(topic, request.withdrawalId(), JSON.writeValueAsString(request)));
                sent.incrementAndGet();
            }
            producer.flush();
        }
    }

    private static List<Map<String, Object>> tenths(int count, String run, long[] due, long[] tenthEnd,
                                                    List<SoakSample.Reading> readings, OutcomeWatcher outcomes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long tenthStart = due[0];
        for (int t = 0; t < TENTHS; t++) {
            int from = (int) ((long) count * t / TENTHS);
            int to = (int) ((long) count * (t + 1) / TENTHS);
            long[] all = new long[to - from];
            long[] sameDay = new long[to - from];
            int n = 0;
            int s = 0;
            long finalsInWindow = 0;
            for (int i = 0; i < count; i++) {
                long at = finalAt(outcomes, id(run, i));
                if (at >= tenthStart && at < tenthEnd[t]) {
                    finalsInWindow++;
                }
                if (i >= from && i < to && at > 0) {
                    all[n++] = at - due[i];
                    IntoAcctDateType type = MIX[i % MIX.length];
                    if (type == IntoAcctDateType.D0 || type == IntoAcctDateType.DM) {
                        sameDay[s++] = at - due[i];
                    }
                }
            }
            Stats latency = Stats.ofNanos(Arrays.copyOf(all, n));
            Stats sameDayLatency = Stats.ofNanos(Arrays.copyOf(sameDay, s));
            SoakSample.Reading reading = readings.get(t);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tenth", t + 1);
            row.put("final_per_second", Bench.round(Stats.perSecond(finalsInWindow, tenthEnd[t] - tenthStart)));
            row.put("final_of_sent", n);
            row.put("p50_ms", Bench.round(latency.p50Ms()));
            row.put("p99_ms", Bench.round(latency.p99Ms()));
            row.put("same_day_p50_ms", Bench.round(sameDayLatency.p50Ms()));
            row.put("same_day_p99_ms", Bench.round(sameDayLatency.p99Ms()));
            // NaN: no collection ran in this tenth
            row.put("orchestrator_heap_after_gc_mib", reading.heapAfterGcBytes() < 0 ? Double.NaN
                    : Bench.round(reading.heapAfterGcBytes() / 1048576.0));
            Map<String, Object> rss = new LinkedHashMap<>();
            reading.rssBytes().forEach((name, bytes) -> rss.put(name, Bench.round(bytes / 1048576.0)));
            row.put("rss_mib", rss);
            row.put("outbox_backlog", reading.outboxBacklog());
            row.put("database_bytes_per_withdrawal", Math.round(reading.databaseBytesPerWithdrawal()));
            rows.add(row);
            tenthStart = tenthEnd[t];
        }
        return rows;
    }

    private static long finalAt(OutcomeWatcher outcomes, String id) {
        long at = 0;
        for (var status : Bench.finals()) {
            at = Math.max(at, outcomes.seenAt(id, status));
        }
        return at;
    }

    /** The tenths as a Markdown table (also what is printed). */
    static String table(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        List<String> rssNames = new ArrayList<>(((Map<?, ?>) rows.get(0).get("rss_mib")).keySet().stream()
                .map(String::valueOf).toList());
        out.append("| tenth | final/s | p50 ms | p99 ms | same-day p50 | same-day p99 | orch. heap after GC MiB |");
        rssNames.forEach(n -> out.append(" RSS ").append(n).append(" MiB |"));
        out.append(" outbox backlog | DB bytes/withdrawal |\n|");
        out.append("---|".repeat(9 + rssNames.size())).append('\n');
        for (Map<String, Object> row : rows) {
            out.append(String.format("| %s | %.1f | %.0f | %.0f | %.0f | %.0f | %.1f |", row.get("tenth"),
                    row.get("final_per_second"), row.get("p50_ms"), row.get("p99_ms"), row.get("same_day_p50_ms"),
                    row.get("same_day_p99_ms"), row.get("orchestrator_heap_after_gc_mib")));
            Map<?, ?> rss = (Map<?, ?>) row.get("rss_mib");
            rssNames.forEach(n -> out.append(String.format(" %.0f |", rss.get(n))));
            out.append(String.format(" %s | %s |%n", row.get("outbox_backlog"),
                    row.get("database_bytes_per_withdrawal")));
        }
        return out.toString();
    }

    /** The same rows as CSV, one column per figure (RSS one column per process). */
    static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        rows.get(0).forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.keySet().forEach(k -> header.add(key + "_" + k));
            } else {
                header.add(key);
            }
        });
        out.append(String.join(",", header)).append('\n');
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            row.values().forEach(value -> {
                if (value instanceof Map<?, ?> nested) {
                    nested.values().forEach(v -> cells.add(String.valueOf(v)));
                } else {
                    cells.add(String.valueOf(value));
                }
            });
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    private static void write(Path folder, String stamp, List<Map<String, Object>> rows, String table) {
        try {
            Files.createDirectories(folder);
            Path csv = folder.resolve(stamp + "-B4.csv");
            Path md = folder.resolve(stamp + "-B4.md");
            Files.writeString(csv, csv(rows));
            Files.writeString(md, table);
            System.out.println("  written " + csv + " and " + md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(String run, int i) {
        return "b4-" + run + "-" + i;
    }

    private static String huifuId(int a) {
        return "66660001" + (10000000 + a);
    }
}
