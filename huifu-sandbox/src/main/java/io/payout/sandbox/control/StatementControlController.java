package io.payout.sandbox.control;

import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.statement.ElsewhereWithdrawal;
import io.payout.sandbox.statement.RowOverride;
import io.payout.sandbox.statement.Statements;
import io.payout.sandbox.statement.WithdrawalsMadeElsewhere;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Switches that make each kind of statement reconciliation break: a withdrawal made elsewhere (unknown to us), an
 * altered or omitted row (amount, fee, status mismatch; missing at Huifu), a failed statement task. Also the
 * settlement clock, which decides when a statement is due.
 */
@RestController
@RequestMapping("/sandbox")
public class StatementControlController {

    private static final Logger log = LoggerFactory.getLogger(StatementControlController.class);

    private final Statements statements;
    private final WithdrawalsMadeElsewhere elsewhere;
    private final SettlementClock settlementClock;
    private final Clock clock;

    public StatementControlController(Statements statements, WithdrawalsMadeElsewhere elsewhere,
                                      SettlementClock settlementClock, Clock clock) {
        this.statements = statements;
        this.elsewhere = elsewhere;
        this.settlementClock = settlementClock;
        this.clock = clock;
    }

    /** A paid withdrawal no client submitted: in the ledger, the withdrawals and the statement of its date. */
    @PostMapping("/withdrawals/elsewhere")
    @ResponseStatus(HttpStatus.CREATED)
    public WithdrawalView withdrawElsewhere(@RequestBody ElsewhereWithdrawal spec) {
        return elsewhere.record(spec);
    }

    /** The statement row of this accepted withdrawal says something else from now on; nothing else changes. */
    @PutMapping("/statements/{huifuId}/rows/{reqSeqId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void alterRow(@PathVariable String huifuId, @PathVariable String reqSeqId,
                         @RequestBody RowOverride override) {
        statements.alter(huifuId, reqSeqId, override);
    }

    /** The statement task of {@code file_date} (trade date + 1) shows task_stat F until replayed. */
    @PostMapping("/statements/{huifuId}/{fileDate}/failure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void failTask(@PathVariable String huifuId, @PathVariable String fileDate) {
        statements.fail(huifuId, tradeDateOf(fileDate));
    }

    @GetMapping("/clock")
    public ClockView clock() {
        return new ClockView(settlementClock.now(), clock.instant());
    }

    /** Moves the settlement clock forward at once, e.g. to 10:30 of tomorrow to make today's statement due. */
    @PostMapping("/clock")
    public ClockView advanceClock(@RequestBody ClockAdvance advance) {
        settlementClock.advanceTo(advance.advanceTo());
        log.info("settlement clock advanced to {}", settlementClock.now());
        return clock();
    }

    private static LocalDate tradeDateOf(String fileDate) {
        try {
            return LocalDate.parse(fileDate, DateTimeFormatter.BASIC_ISO_DATE).minusDays(1);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("file_date must be yyyyMMdd: " + fileDate);
        }
    }
}
