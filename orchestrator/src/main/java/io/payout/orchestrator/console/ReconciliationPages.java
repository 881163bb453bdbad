package io.payout.orchestrator.console;

import io.payout.orchestrator.reconciliation.DailyReconciliation;
import io.payout.orchestrator.reconciliation.ReconciliationLine;
import io.payout.orchestrator.reconciliation.ReconciliationReport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The daily reconciliation: the latest business days, one day's report with its mismatches, its CSV, a re-run. */
@Controller
class ReconciliationPages {

    static final int DAYS = 60;
    private static final Logger log = LoggerFactory.getLogger(ReconciliationPages.class);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ConsoleQueries queries;
    private final DailyReconciliation reconciliation;

    ReconciliationPages(ConsoleQueries queries, DailyReconciliation reconciliation) {
        this.queries = queries;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/console/reconciliation")
    String days(@RequestParam(required = false) String date, Model model) {
        if (date != null && !date.isBlank()) {
            return "redirect:/console/reconciliation/" + DailyReconciliation.businessDate(date.replace("-", ""));
        }
        model.addAttribute("days", queries.reportDays(DAYS));
        return "console/reconciliation";
    }

    @GetMapping("/console/reconciliation/{businessDate:\\d{8}}")
    String day(@PathVariable String businessDate, Model model) {
        String date = DailyReconciliation.businessDate(businessDate);
        ReconciliationReport report = reconciliation.find(date).orElse(null);
        model.addAttribute("date", date);
        model.addAttribute("report", report);
        model.addAttribute("mismatches", report == null ? List.of()
                : report.lines().stream().filter(l -> l.result() != ReconciliationLine.Result.MATCH).toList());
        return "console/reconciliation-day";
    }

    @GetMapping("/console/reconciliation/{businessDate:\\d{8}}.csv")
    ResponseEntity<String> csv(@PathVariable String businessDate) {
        String date = DailyReconciliation.businessDate(businessDate);
        ReconciliationReport report = reconciliation.find(date)
                .orElseThrow(() -> new NoSuchElementException("no reconciliation report for " + date));
        StringBuilder out = new StringBuilder(CsvCells.line(List.of("withdrawal_id", "huifu_id", "req_seq_id",
                "current_serial", "status", "cash_amt", "fee_amt", "huifu_trans_status", "huifu_cash_amt",
                "huifu_fee_amt", "result", "detail")));
        for (ReconciliationLine l : report.lines()) {
            out.append(CsvCells.line(Arrays.asList(l.withdrawalId(), l.huifuId(), l.reqSeqId(), l.currentSerial(),
                    l.status(), l.cashAmt(), l.feeAmt(), l.huifuTransStatus(), l.huifuCashAmt(), l.huifuFeeAmt(),
                    l.result(), l.detail())));
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("reconciliation-" + date + ".csv").build().toString())
                .body(out.toString());
    }

    /** Runs the date's reconciliation again (operators only), replacing its report. */
    @PostMapping("/console/reconciliation/{businessDate:\\d{8}}/rerun")
    String rerun(@PathVariable String businessDate, Authentication who, RedirectAttributes flash) {
        String date = DailyReconciliation.businessDate(businessDate);
        log.info("reconciliation of {} re-run by operator {}", date, ConsoleModel.actor(who));
        ReconciliationReport report = reconciliation.run(date, ConsoleModel.actor(who));
        flash.addFlashAttribute("done", "reconciliation.rerunDone");
        flash.addFlashAttribute("doneArgs", report.checked());
        return "redirect:/console/reconciliation/" + date;
    }
}
