package io.payout.bench;

import io.payout.model.WithdrawalRequested;
import io.payout.testkit.ServiceLaunch;
import java.util.Map;

/** Something done to the system while B3's measured burst runs (the broker-fault run), and what it reports after. */
interface BurstFault {

    /**
     * Starts the fault in the background just before the burst is sent.
     *
     * @param topics       the scenario's topics
     * @param finalsBefore final outcomes seen before the burst (the warm-up's)
     * @param count        withdrawals in the burst
     */
    void start(OutcomeWatcher outcomes, ServiceLaunch.Topics topics, long finalsBefore, int count);

    /** After the burst: waits for the fault to end, checks what it must and returns its figures. */
    Map<String, Object> report(Burst burst);

    /**
     * What the burst left behind.
     *
     * @param published         every request of the run, warm-up included, by withdrawal_id
     * @param startNanos        the burst's first send
     * @param finalOffsetsNanos when each final outcome of the burst arrived, from its first send
     */
    record Burst(Deployment deployment, ServiceLaunch.Topics topics, String jdbcUrl,
                 Map<String, WithdrawalRequested> published, long startNanos, long[] finalOffsetsNanos) {
    }
}
