package io.payout.bench;

import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
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

    Map<String, Object> run(int count) {
        Stack.Topics topics = Stack.Topics.of("b1");
        try (ServiceProcess orchestrator = stack.orchestrator("b1", topics, stack.freshDatabase("b1"), null, null);
             OutcomeWatcher outcomes = OutcomeWatcher.start(stack.bootstrapServers, topics.outcomes())) {
            String run = Long.toString(System.currentTimeMillis(), 36);
            Phase phase = Phase.begin(List.of(orchestrator));
            long start = Requests.publish(stack.bootstrapServers, topics.requests(), count,
                    i -> Requests.request("b1-" + run + "-" + i, "6666000" + (100000000 + i % 1000), "T1", i,
                            IntoAcctDateType.T1));
            long published = System.nanoTime();
            boolean done = outcomes.await(() -> outcomes.count(WithdrawalStatus.REQUESTED) >= count,
                    Duration.ofMinutes(15));
            long end = System.nanoTime();
            long stored = outcomes.count(WithdrawalStatus.REQUESTED);
            Map<String, Object> cpu = phase.cpuMillisPer(Math.max(1, stored), ticks);
            double rate = Stats.perSecond(stored, end - start);
            Map<String, Object> memory = Bench.memory(List.of(orchestrator));

            Map<String, Object> r = new LinkedHashMap<>();
            r.put("requests", count);
            r.put("requested_published", stored);
            r.put("complete", done);
            r.put("publish_seconds", Bench.round((published - start) / 1e9));
            r.put("seconds", Bench.round((end - start) / 1e9));
            r.put("requests_per_second", Bench.round(rate));
            r.put("target_per_second", 10_000);
            r.put("cpu", cpu);
            r.put("memory", memory);
            System.out.printf("  %d requests -> %d REQUESTED published in %.1f s (producer done after %.1f s)%n",
                    count, stored, (end - start) / 1e9, (published - start) / 1e9);
            System.out.printf("  B1 intake: %,.0f requests/s   (target >= 10,000/s)%n", rate);
            Bench.printCpu("request", cpu);
            Bench.printMemory(memory);
            return r;
        }
    }
}
