package io.payout.orchestrator.ops;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.huifu.QueryOutcome;
import io.payout.orchestrator.quarantine.QuarantineReplays;
import io.payout.orchestrator.reconciliation.DailyReconciliation;
import io.payout.orchestrator.reconciliation.ReconciliationReport;
import io.payout.orchestrator.retention.WithdrawalKeys;
import io.payout.orchestrator.submission.Submissions;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalHistory;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.orchestrator.withdrawal.WithdrawalWork;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.ObjectProvider;
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
 * The operations API (CONTRACT.md §4), behind the bearer token of {@code OrchestratorSecurity}. Every change goes
 * through the transition table and lands in the withdrawal's history.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class OperationsController {

    static final int MAX_LIMIT = 1000;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Withdrawals withdrawals;
    private final WithdrawalSerials serials;
    private final WithdrawalHistory history;
    private final Resolutions resolutions;
    private final ObjectProvider<Submissions> submissions;
    private final DailyReconciliation reconciliation;
    private final QuarantineReplays quarantine;
    private final WithdrawalWork work;
    private final StatementDay statementDay;
    private final WithdrawalKeys archivedKeys;

    OperationsController(Withdrawals withdrawals, WithdrawalSerials serials, WithdrawalHistory history,
                         Resolutions resolutions, ObjectProvider<Submissions> submissions,
                         DailyReconciliation reconciliation, QuarantineReplays quarantine, WithdrawalWork work,
                         StatementDay statementDay, WithdrawalKeys archivedKeys) {
        this.withdrawals = withdrawals;
        this.serials = serials;
        this.history = history;
        this.resolutions = resolutions;
        this.submissions = submissions;
        this.reconciliation = reconciliation;
        this.quarantine = quarantine;
        this.work = work;
        this.statementDay = statementDay;
        this.archivedKeys = archivedKeys;
    }

    @GetMapping("/withdrawals/{withdrawalId}")
    WithdrawalDetails withdrawal(@PathVariable String withdrawalId) {
        Withdrawal w = withdrawals.find(withdrawalId).orElseThrow(() -> archivedKeys.notFound(withdrawalId));
        return WithdrawalDetails.of(w, serials.serialsOf(withdrawalId), history.of(withdrawalId));
    }

    @GetMapping("/withdrawals")
    List<WithdrawalDetails> withdrawals(@RequestParam(required = false) String status,
                                        @RequestParam(required = false) Boolean attention,
                                        @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        return withdrawals.list(status == null ? null : status(status), attention, limit).stream()
                .map(WithdrawalDetails::summary).toList();
    }

    /** Queries Huifu for the current serial now and applies the answer as QUERY evidence. */
    @PostMapping("/withdrawals/{withdrawalId}/reconcile")
    Map<String, Object> reconcile(@PathVariable String withdrawalId) {
        Submissions querying = submissions.getIfAvailable();
        if (querying == null) {
            throw new IllegalStateException("Huifu queries are disabled on this instance "
                    + "(orchestrator.submission.enabled=false)");
        }
        QueryOutcome answer = querying.queryNow(withdrawalId)
                .orElseThrow(() -> archivedKeys.notFound(withdrawalId));
        return Map.of("answer", describe(answer), "withdrawal", withdrawal(withdrawalId));
    }

    @PostMapping("/withdrawals/{withdrawalId}/resolve")
    WithdrawalDetails resolve(@PathVariable String withdrawalId, @RequestBody Resolution resolution) {
        resolutions.resolve(withdrawalId, resolution);
        return withdrawal(withdrawalId);
    }

    /** Clears the attention flag, also of a final withdrawal; recorded in the history, no state change, no event. */
    @PostMapping("/withdrawals/{withdrawalId}/acknowledge")
    WithdrawalDetails acknowledge(@PathVariable String withdrawalId, @RequestBody Acknowledgement acknowledgement) {
        work.acknowledge(withdrawalId, acknowledgement.actor(), acknowledgement.reason());
        return withdrawal(withdrawalId);
    }

    @PostMapping("/reconciliation/{businessDate}")
    ReconciliationReport runReconciliation(@PathVariable String businessDate) {
        return reconciliation.run(businessDate);
    }

    /**
     * The date's reconciliation (CONTRACT.md section 7): the daily report of our serials re-queried at Huifu, and
     * beside it, under {@code statement}, what matching Huifu's withdrawal statement found; 404 when neither exists.
     * The CSV holds the report's lines, then the statement's breaks after a blank line.
     */
    @GetMapping(path = "/reconciliation/{businessDate}", produces = {"application/json", "text/csv"})
    ResponseEntity<?> reconciliationReport(@PathVariable String businessDate,
                                           @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("format must be json or csv: " + format);
        }
        String date = DailyReconciliation.businessDate(businessDate);
        ReconciliationReport report = reconciliation.find(date).orElse(null);
        StatementDay.View statement = statementDay.of(date);
        if (report == null && !statement.known()) {
            throw new NoSuchElementException("no reconciliation report for " + date);
        }
        if (format.equals("csv")) {
            String lines = report == null ? "" : report.csv();
            return ResponseEntity.ok().contentType(CSV).body(lines + "\r\n" + statement.csv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new DayReconciliation(report, statement));
    }

    @GetMapping(path = "/reconciliation/{businessDate}.csv", produces = "text/csv")
    ResponseEntity<?> reconciliationCsv(@PathVariable String businessDate) {
        return reconciliationReport(businessDate, "csv");
    }

    /** Records set aside because they could not be processed, oldest first, not yet replayed. */
    @GetMapping("/quarantine")
    List<QuarantineDetails> quarantined(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        return quarantine.waiting(limit).stream().map(QuarantineDetails::of).toList();
    }

    /** Processes a quarantined record again, after its cause was fixed; 409 when it still cannot be processed. */
    @PostMapping("/quarantine/{id}/replay")
    QuarantineDetails replay(@PathVariable long id, @RequestBody Replay replay) {
        return QuarantineDetails.of(quarantine.replay(id, replay.actor()));
    }

    /** Who replays a quarantined record. */
    record Replay(String actor) {
        Replay {
            if (actor == null || actor.isBlank()) {
                throw new IllegalArgumentException("actor is required");
            }
        }
    }

    private static WithdrawalStatus status(String name) {
        try {
            return WithdrawalStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status " + name + "; one of "
                    + java.util.Arrays.toString(WithdrawalStatus.values()));
        }
    }

    private static Map<String, Object> describe(QueryOutcome answer) {
        if (answer instanceof QueryOutcome.Found f) {
            return Map.of("kind", "FOUND", "trans_status", f.transStatus().code(),
                    "resp_code", String.valueOf(f.respCode()));
        }
        if (answer instanceof QueryOutcome.NotFound n) {
            return Map.of("kind", "NOT_FOUND", "resp_code", String.valueOf(n.respCode()));
        }
        QueryOutcome.Unknown u = (QueryOutcome.Unknown) answer;
        return Map.of("kind", "UNKNOWN", "reason", u.reason());
    }
}
