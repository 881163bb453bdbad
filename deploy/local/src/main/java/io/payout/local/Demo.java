package io.payout.local;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.Topics;
import io.payout.model.WithdrawalRequested;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --demo N}: opens the demo users through {@code account.requests} ({@link DemoOnboarding}), then publishes N
 * withdrawal requests over every cash type, account kind and case ({@link DemoCase}), shows their progress live, and
 * ends with a summary checked against the sandbox's ledger. True when every outcome matches.
 */
final class Demo {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TICK = Duration.ofMillis(250);

    private final RunningStack stack;
    private final int count;
    private final Duration timeout;
    private final long seed = System.nanoTime();

    Demo(RunningStack stack, int count, Duration timeout) {
        this.stack = stack;
        this.count = count;
        this.timeout = timeout;
    }

    boolean run() {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        DemoOnboarding.Onboarded accounts = new DemoOnboarding(stack, runId, timeout).run();
        List<DemoCase> cases = DemoCase.all(accounts);
        List<Planned> plan = plan(runId, cases);
        System.out.printf("%nDemo run %s: %d withdrawals over %d cases × %d cash types (seed %d)%n", runId, count,
                cases.size(), IntoAcctDateType.values().length, seed);
        try (OutcomeTracker tracker = OutcomeTracker.start(stack.bootstrapServers, plan)) {
            publish(plan, tracker);
            ProgressBar bar = new ProgressBar(count);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!tracker.allFinal() && System.nanoTime() < deadline) {
                tracker.poll(TICK);
                bar.show(tracker.countsByStatus(), tracker.finalCount());
            }
            tracker.poll(Duration.ofMillis(300));
            bar.show(tracker.countsByStatus(), tracker.finalCount());
            bar.end();
            List<WithdrawalView> truth = stack.sandbox.control().withdrawals();
            DemoReport report = DemoReport.of(plan, tracker, truth);
            System.out.print(report.render());
            return report.allMatch();
        }
    }

    private List<Planned> plan(String runId, List<DemoCase> cases) {
        Random random = new Random(seed);
        IntoAcctDateType[] types = IntoAcctDateType.values();
        List<Planned> plan = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DemoCase demoCase = cases.get(i % cases.size());
            IntoAcctDateType type = demoCase.onlyType() != null ? demoCase.onlyType()
                    : types[(i / cases.size()) % types.length];
            // 1.00 .. 5000.00 yuan above the case's floor, whole fen, from integers: never floating point.
            Amount amount = demoCase.minAmount().plus(
                    new Amount(java.math.BigDecimal.valueOf(100 + random.nextInt(500_000), 2)));
            WithdrawalRequested request = new WithdrawalRequested("demo-" + runId + "-" + i, demoCase.huifuId(),
                    demoCase.kind(), demoCase.tokenNo(), amount, type, null, "demo " + demoCase.name(),
                    Instant.now());
            plan.add(new Planned(request, demoCase));
        }
        return plan;
    }

    private void publish(List<Planned> plan, OutcomeTracker tracker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (Planned planned : plan) {
                String id = planned.request().withdrawalId();
                tracker.published(id, System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.WITHDRAWAL_REQUESTS, id,
                        JSON.writeValueAsString(planned.request())));
            }
            producer.flush();
        }
    }

    /** One request of the demo and the case it belongs to. */
    record Planned(WithdrawalRequested request, DemoCase demoCase) {
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
