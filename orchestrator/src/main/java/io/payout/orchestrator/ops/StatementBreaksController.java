package io.payout.orchestrator.ops;

import io.payout.orchestrator.reconciliation.DailyReconciliation;
import io.payout.orchestrator.reconciliation.statement.StatementBreaks;
import io.payout.orchestrator.reconciliation.statement.StatementFetcher;
import io.payout.orchestrator.reconciliation.statement.StatementFetches;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The breaks of a trade date's withdrawal statement (CONTRACT.md section 7): listed, and closed only by an operator
 * who says why. Behind the same bearer token as the rest of the operations API.
 */
@RestController
@RequestMapping(path = "/api/reconciliation/{tradeDate}", produces = MediaType.APPLICATION_JSON_VALUE)
class StatementBreaksController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StatementBreaks breaks;
    private final StatementFetches fetches;
    private final StatementFetcher fetcher;
    private final StatementDay statementDay;

    StatementBreaksController(StatementBreaks breaks, StatementFetches fetches, StatementFetcher fetcher,
                              StatementDay statementDay) {
        this.breaks = breaks;
        this.fetches = fetches;
        this.fetcher = fetcher;
        this.statementDay = statementDay;
    }

    /** Every break of the date, open and explained, with how far each account's statement got. */
    @GetMapping(path = "/breaks", produces = {"application/json", "text/csv"})
    ResponseEntity<?> list(@PathVariable String tradeDate, @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("format must be json or csv: " + format);
        }
        StatementDay.View day = statementDay.of(DailyReconciliation.businessDate(tradeDate));
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(CSV).body(day.csv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(day);
    }

    /**
     * Runs the date's statement reconciliation now, for every account withdrawn that day or already fetched: a
     * stored statement is matched again (an explained break stays explained), a missing one is fetched.
     */
    @PostMapping("/statement")
    List<StatementRunView> rerun(@PathVariable String tradeDate) {
        String date = DailyReconciliation.businessDate(tradeDate);
        Set<String> accounts = new TreeSet<>(fetcher.accountsOf(date));
        fetches.of(date).forEach(f -> accounts.add(f.huifuId()));
        return accounts.stream().map(huifuId -> StatementRunView.of(fetcher.rerun(huifuId, date))).toList();
    }

    /** Closes an open break; 404 when the date has no such open break (an explained one stays as explained). */
    @PostMapping("/breaks/{id}/explain")
    BreakView explain(@PathVariable String tradeDate, @PathVariable long id,
                      @RequestBody Acknowledgement explanation) {
        String date = DailyReconciliation.businessDate(tradeDate);
        if (!breaks.explain(date, id, explanation.actor(), explanation.reason())) {
            throw new NoSuchElementException("no open break " + id + " on " + date);
        }
        return breaks.of(date).stream().filter(b -> b.id() == id).findFirst().map(BreakView::of).orElseThrow();
    }
}
