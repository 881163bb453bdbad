package io.payout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakReportTest {

    @Test
    void heapAfterCollectionIsTheLowestAfterFigureOfTheLoggedPauses() {
        String log = """
                [1.2s][info][gc] GC(3) Pause Young (Allocation Failure) 130M->42M(491M) 4.512ms
                [2.0s][info][gc] GC(4) Pause Full (Ergonomics) 160M->38M(491M) 41.0ms
                [3.1s][info][gc] GC(5) Pause Young (Allocation Failure) 150M->40960K(491M) 3.9ms
                """;
        assertThat(SoakSample.lowestAfter(log)).isEqualTo(38L << 20);
        assertThat(SoakSample.lowestAfter("[0.1s][info][gc] Using Parallel\n")).isEqualTo(-1);
    }

    @Test
    void aTenthIsOneCsvLineWithEachProcessInItsOwnColumn() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenth", 1);
        row.put("final_per_second", 12.5);
        row.put("rss_mib", new LinkedHashMap<>(Map.of("gateway", 250.0)));
        row.put("outbox_backlog", 3L);
        assertThat(SoakBench.csv(List.of(row))).isEqualTo("""
                tenth,final_per_second,rss_mib_gateway,outbox_backlog
                1,12.5,250.0,3
                """);
    }
}
