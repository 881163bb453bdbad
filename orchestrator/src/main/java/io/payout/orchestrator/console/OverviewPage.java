package io.payout.orchestrator.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview: withdrawals per state now, the last hour's throughput and time to final in five-minute slices (drawn
 * by Chart.js from the canvas' data attributes, so no inline script), Huifu's answer codes, the outbox backlog.
 */
@Controller
class OverviewPage {

    static final Duration HOUR = Duration.ofHours(1);
    static final int SLICE_SECONDS = 300;
    static final int SLICES = (int) (HOUR.toSeconds() / SLICE_SECONDS);

    private final ConsoleQueries queries;
    private final MeterRegistry meters;
    private final ConsoleFormat format;
    private final Clock clock;

    OverviewPage(ConsoleQueries queries, MeterRegistry meters, ConsoleFormat format, Clock clock) {
        this.queries = queries;
        this.meters = meters;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping({"/console", "/console/"})
    String overview(Model model) {
        Instant since = clock.instant().minus(HOUR);
        long[] finals = new long[SLICES];
        double[] seconds = new double[SLICES];
        for (ConsoleQueries.Slice slice : queries.finalsPerSlice(since, SLICE_SECONDS)) {
            if (slice.index() >= 0 && slice.index() < SLICES) {
                finals[slice.index()] = slice.finals();
                seconds[slice.index()] = Math.round(slice.averageSecondsToFinal() * 10) / 10.0;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < SLICES; i++) {
            labels.add(format.beijing(since.plusSeconds((long) i * SLICE_SECONDS)).substring(11, 16));
        }
        Gauge backlog = meters.find("outbox.backlog").gauge();
        model.addAttribute("counts", queries.countsByStatus());
        model.addAttribute("chartLabels", String.join(",", labels));
        model.addAttribute("throughput", join(finals));
        model.addAttribute("timeToFinal", join(seconds));
        model.addAttribute("answerCodes", queries.answerCodes(since));
        model.addAttribute("outboxBacklog", backlog == null ? null : (long) backlog.value());
        model.addAttribute("since", since);
        return "console/overview";
    }

    private static String join(long[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
    }

    private static String join(double[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
    }
}
