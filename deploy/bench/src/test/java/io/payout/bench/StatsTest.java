package io.payout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.WithdrawalStatus;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentilesAreNearestRankOverTheSortedValues() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 1..100 ms, unsorted
        }
        Stats stats = Stats.ofNanos(nanos);
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p50Ms()).isEqualTo(50.0);
        assertThat(stats.p95Ms()).isEqualTo(95.0);
        assertThat(stats.p99Ms()).isEqualTo(99.0);
        assertThat(stats.maxMs()).isEqualTo(100.0);
        assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void noLatenciesGiveAnEmptyResultRatherThanAnError() {
        assertThat(Stats.ofNanos(new long[0])).isEqualTo(Stats.EMPTY);
    }

    @Test
    void eventsAreCountedPerWholeSecondOfTheirOffsetWithEmptySecondsKept() {
        long[] offsets = {0, 999_999_999L, 1_000_000_000L, 3_200_000_000L, 3_900_000_000L, 3_000_000_000L};
        assertThat(Stats.countsPerSecond(offsets)).containsExactly(2, 1, 0, 3);
        assertThat(Stats.countsPerSecond(new long[0])).isEmpty();
    }

    @Test
    void latenciesAreGroupedByTheSecondOfTheirOffsetWithEmptySecondsKept() {
        long[] offsets = {100_000_000L, 900_000_000L, 2_500_000_000L, 2_000_000_000L};
        long[] latencies = {10_000_000L, 30_000_000L, 400_000_000L, 20_000_000L};
        java.util.List<Stats> seconds = Stats.bySecond(offsets, latencies);
        assertThat(seconds).hasSize(3);
        assertThat(seconds.get(0).count()).isEqualTo(2);
        assertThat(seconds.get(0).maxMs()).isEqualTo(30.0);
        assertThat(seconds.get(1)).isEqualTo(Stats.EMPTY);
        assertThat(seconds.get(2).count()).isEqualTo(2);
        assertThat(seconds.get(2).p50Ms()).isEqualTo(20.0);
        assertThat(seconds.get(2).maxMs()).isEqualTo(400.0);
    }

    @Test
    void ratesAndCpuTimeAreComputedFromNanosAndClockTicks() {
        assertThat(Stats.perSecond(1_000, 500_000_000L)).isEqualTo(2_000.0);
        assertThat(Stats.perSecond(1, 0)).isNaN();
        assertThat(Stats.ticksToMillis(250, 100)).isEqualTo(2_500.0);
    }

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheThreadNameHoldsSpacesAndParentheses() {
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194624 300 0 0 0 1234 56 0 0 20 0 1 0 100 1 1";
        assertThat(Stats.cpuTicks(stat)).isEqualTo(1_290L);
        assertThat(Stats.cpuTicks("7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 1 1 1")).isEqualTo(15L);
    }

    @Test
    void heapIsTheSumOfTheHeapPoolsOfAPrometheusScrape() {
        String scrape = """
                jvm_memory_used_bytes{area="heap",id="PS Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_memory_used_bytes{area="heap",id="PS Old Gen"} 2097152.0
                """;
        assertThat(io.payout.testkit.ServiceProcess.heapBytes(scrape)).isEqualTo(10_485_760L + 2_097_152L);
    }

    @Test
    void peakHeapIsTheFullestHeapBeforeAnyCollectionOfTheGcLog() {
        String log = """
                [0.912s][info][gc] Using Parallel
                [2.310s][info][gc] GC(0) Pause Young (Allocation Failure) 65M->9M(245M) 7.110ms
                [9.020s][info][gc] GC(1) Pause Young (Allocation Failure) 131M->24M(245M) 11.420ms
                [9.500s][info][gc] GC(2) Pause Full (Ergonomics) 900K->800K(245M) 30.000ms
                """;
        assertThat(io.payout.testkit.ServiceProcess.heapBeforeCollections(log)).isEqualTo(131L * 1024 * 1024);
        assertThat(io.payout.testkit.ServiceProcess.heapBeforeCollections("[0.9s][info][gc] Using Parallel"))
                .isEqualTo(-1);
    }

    @Test
    void theStatusOfAnOutcomeIsReadFromItsJson() {
        assertThat(OutcomeWatcher.statusOf("{\"event_id\":\"e\",\"status\":\"ACCOUNTED\",\"previous_status\":\"PROCESSING\"}"))
                .isEqualTo(WithdrawalStatus.ACCOUNTED);
        assertThat(OutcomeWatcher.statusOf("{}")).isNull();
    }

    @Test
    void theTransitionTimeOfAnOutcomeIsReadFromItsJson() {
        assertThat(OutcomeWatcher.occurredAtMillis(
                "{\"status\":\"SUCCEEDED\",\"occurred_at\":\"2026-11-26T09:43:00.123456Z\",\"reason\":null}"))
                .isEqualTo(java.time.Instant.parse("2026-11-26T09:43:00.123Z").toEpochMilli());
        assertThat(OutcomeWatcher.occurredAtMillis("{}")).isZero();
    }
}
