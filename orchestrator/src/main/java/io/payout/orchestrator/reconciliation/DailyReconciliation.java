package io.payout.orchestrator.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.Amount;
import io.payout.orchestrator.huifu.Huifu;
import io.payout.orchestrator.huifu.QueryCommand;
import io.payout.orchestrator.huifu.QueryOutcome;
import io.payout.orchestrator.reconciliation.ReconciliationLine.Result;
import io.payout.orchestrator.huifu.TransStatus;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import io.payout.model.WithdrawalStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily reconciliation of one business date (the Beijing req_date of the serials): every serial we sent that day is
 * queried and its state, cash_amt and fee_amt compared with ours. The report only reads: it changes no withdrawal
 * (the poll schedule applies query answers as evidence), so a mismatch stays visible until someone looks at it.
 */
@Service
public class DailyReconciliation {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliation.class);
    private static final int PARALLEL_QUERIES = 8;
    private static final Pattern BUSINESS_DATE = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ReconciliationReports reports;
    private final WithdrawalSerials serials;
    private final Huifu huifu;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    DailyReconciliation(ReconciliationReports reports, WithdrawalSerials serials, Huifu huifu, TransactionTemplate tx, Clock clock,
                        MeterRegistry meters) {
        this.reports = reports;
        this.serials = serials;
        this.huifu = huifu;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        // visible before the first report, so an alert on their increase has a series to watch
        meters.counter("reconciliation.mismatches");
        meters.counter("reconciliation.unanswered");
    }

    /** Checks a business date given as yyyyMMdd; throws IllegalArgumentException with a clear message otherwise. */
    public static String businessDate(String text) {
        if (text == null || !BUSINESS_DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("business date must be yyyyMMdd: " + text);
        }
        try {
            LocalDate.parse(text, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("business date is not a calendar date: " + text);
        }
        return text;
    }

    /** Runs (or re-runs) the report of a business date, stores it and counts its mismatches. */
    public ReconciliationReport run(String businessDate) {
        return run(businessDate, null);
    }

    /** As {@link #run(String)}, asked for by a named person, who is stored with the report. */
    public ReconciliationReport run(String businessDate, String runBy) {
        businessDate(businessDate);
        Instant started = clock.instant();
        // Huifu is never called inside a database transaction: query first, store all at the end. A few queries
        // at a time, so a busy day takes minutes, not hours, without crowding out the submission workers.
        List<ReconciliationLine> lines = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_QUERIES);
        try {
            List<CompletableFuture<ReconciliationLine>> pending = serials.sentOn(businessDate).stream()
                    .map(serial -> CompletableFuture.supplyAsync(() -> compare(serial, huifu.query(
                            new QueryCommand(serial.huifuId(), serial.reqDate(), serial.reqSeqId()))), pool))
                    .toList();
            pending.forEach(line -> lines.add(line.join()));
        } finally {
            pool.shutdownNow();
        }
        int mismatched = (int) lines.stream().filter(l -> l.result() == Result.MISMATCH).count();
        int unanswered = (int) lines.stream().filter(l -> l.result() == Result.UNANSWERED).count();
        ReconciliationReport report = new ReconciliationReport(businessDate, started, clock.instant(), lines.size(),
                lines.size() - mismatched - unanswered, mismatched, unanswered, lines);
        tx.executeWithoutResult(status -> reports.store(report, runBy));
        meters.counter("reconciliation.mismatches").increment(mismatched);
        meters.counter("reconciliation.unanswered").increment(unanswered);
        log.info("reconciliation of {}: {} serials, {} mismatched, {} unanswered", businessDate, lines.size(),
                mismatched, unanswered);
        return report;
    }

    public Optional<ReconciliationReport> find(String businessDate) {
        return reports.find(businessDate(businessDate));
    }

    /** One serial against Huifu's answer. */
    static ReconciliationLine compare(SentSerial s, QueryOutcome answer) {
        if (answer instanceof QueryOutcome.Unknown u) {
            return line(s, null, null, null, Result.UNANSWERED, "query unanswered: " + u.reason());
        }
        if (answer instanceof QueryOutcome.NotFound) {
            // Nothing at Huifu is right for a superseded serial, for one that never got past a refusal, and for one
            // whose sending is still unresolved (REQUESTED: the submission workers query and re-send it)
            boolean fine = !s.current() || s.status() == WithdrawalStatus.FAILED
                    || s.status() == WithdrawalStatus.REQUESTED;
            return line(s, "NOT_FOUND", null, null, fine ? Result.MATCH : Result.MISMATCH,
                    fine ? null : "Huifu has no such serial but we hold " + s.status());
        }
        QueryOutcome.Found f = (QueryOutcome.Found) answer;
        List<String> differences = new ArrayList<>();
        if (!s.current()) {
            // an earlier serial alive at Huifu: money could move twice
            differences.add("superseded serial exists at Huifu with trans_status " + f.transStatus().code());
        } else if (ReconciliationReport.expectedTransStatus(s.status()) != f.transStatus()) {
            differences.add("status " + s.status() + " but Huifu trans_status " + f.transStatus().code());
        }
        if (f.cashAmt() != null && !f.cashAmt().equals(s.cashAmt())) {
            differences.add("cash_amt " + s.cashAmt() + " but Huifu " + f.cashAmt());
        }
        // Huifu reports a failed withdrawal's fee although it never charged it: compare once we know a fee, or
        // when it was charged (S)
        boolean feeMatters = s.feeAmt() != null || f.transStatus() == TransStatus.SUCCEEDED;
        if (feeMatters && !Objects.equals(s.feeAmt(), f.feeAmt())) {
            differences.add("fee_amt " + s.feeAmt() + " but Huifu " + f.feeAmt());
        }
        if (s.current() && s.expectedFeeAmt() != null && f.feeAmt() != null
                && s.expectedFeeAmt().compareTo(f.feeAmt()) != 0) {
            // Huifu charges otherwise than the account's cash configuration gave when it was sent
            differences.add(Withdrawal.FEE_MISMATCH + ": Huifu fee_amt " + f.feeAmt() + ", expected "
                    + s.expectedFeeAmt());
        }
        return line(s, f.transStatus().code(), f.cashAmt(), f.feeAmt(), differences.isEmpty() ? Result.MATCH
                : Result.MISMATCH, differences.isEmpty() ? null : String.join("; ", differences));
    }

    private static ReconciliationLine line(SentSerial s, String transStatus, Amount cash, Amount fee, Result result,
                                           String detail) {
        return new ReconciliationLine(s.withdrawalId(), s.huifuId(), s.reqSeqId(), s.current(), s.status(),
                s.cashAmt(), s.feeAmt(), transStatus, cash, fee, result, detail);
    }
}
