package io.payout.orchestrator.reconciliation.statement;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Matches the rows of one account's statement of a trade date, as they are read, against the serials Huifu accepted.
 *
 * <p>Crossing midnight, kept simple: the caller passes the accepted serials of the trade date and of the two days
 * before that no earlier statement matched. A row may match any of them. At the end, an unmatched serial of the
 * trade date or the day before is carried (Huifu may list it in a later file); one of two days before becomes
 * {@code MISSING_AT_HUIFU}. Not thread-safe: one matcher per statement.
 */
public final class StatementMatcher {

    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    static final int CARRY_DAYS = 2;

    private final String tradeDate;
    private final String oldestCarried;
    private final ExpectedSerials expected;
    private final List<SentSerial> carried = new ArrayList<>();

    public StatementMatcher(String tradeDate, List<SentSerial> expected) {
        this(tradeDate, ExpectedSerials.of(expected));
    }

    public StatementMatcher(String tradeDate, ExpectedSerials expected) {
        this.tradeDate = Objects.requireNonNull(tradeDate, "trade date is required");
        this.oldestCarried = LocalDate.parse(tradeDate, YYYYMMDD).minusDays(CARRY_DAYS).format(YYYYMMDD);
        this.expected = expected;
    }

    /** Compares one row; returns the breaks it raises (none when it agrees). */
    public List<StatementBreak> accept(StatementRow row) {
        int ours = expected.take(row.reqSeqId());
        if (ours < 0) {
            return List.of(new StatementBreak(tradeDate, BreakClass.UNKNOWN_TO_US, row.huifuId(), row.reqSeqId(), null,
                    "statement lists " + row.cashAmt() + " (trans_status " + row.transStatus()
                            + ") that we never sent"));
        }
        boolean statusAgrees = statusAgrees(expected.status(ours), row.transStatus());
        boolean cashAgrees = expected.cashEquals(ours, row.cashAmt());
        // The account registry that would give the expected fee does not exist yet: compare with the fee Huifu
        // reported to us (query or notice), when we recorded one. A failed row's fee was never charged.
        boolean feeAgrees = "F".equals(row.transStatus()) || !expected.feeDiffers(ours, row.feeAmt());
        if (statusAgrees && cashAgrees && feeAgrees) {
            return List.of(); // the common case: no object made for the serial
        }
        SentSerial serial = expected.serial(ours);
        List<StatementBreak> breaks = new ArrayList<>();
        if (!statusAgrees) {
            breaks.add(of(BreakClass.STATUS_MISMATCH, serial, "we published " + serial.status()
                    + " but the statement says " + row.transStatus()));
        }
        if (!cashAgrees) {
            breaks.add(of(BreakClass.AMOUNT_MISMATCH, serial, "cash_amt " + serial.cashAmt()
                    + " but the statement says " + row.cashAmt()));
        }
        if (!feeAgrees) {
            breaks.add(of(BreakClass.FEE_MISMATCH, serial, "fee_amt " + serial.feeAmt()
                    + " recorded but the statement says " + row.feeAmt()));
        }
        return breaks;
    }

    /** After the last row: the serials of two days before that no statement listed. */
    public List<StatementBreak> finish() {
        List<StatementBreak> breaks = new ArrayList<>();
        carried.clear();
        for (SentSerial serial : expected.untaken()) {
            if (serial.reqDate().compareTo(oldestCarried) <= 0) {
                breaks.add(of(BreakClass.MISSING_AT_HUIFU, serial, "Huifu accepted serial of " + serial.reqDate()
                        + " (" + serial.status() + ") but no statement up to " + tradeDate + " lists it"));
            } else {
                carried.add(serial);
            }
        }
        return breaks;
    }

    /** The unmatched serials {@link #finish()} left for the next days' statements. */
    public List<SentSerial> carried() {
        return List.copyOf(carried);
    }

    /**
     * S is paid out; F failed (a refund follows a failure after accounting); P is still under way, which matches
     * PROCESSING or ACCOUNTED. Any other code agrees with nothing, so it is raised rather than ignored.
     */
    static boolean statusAgrees(WithdrawalStatus ours, String transStatus) {
        switch (transStatus) {
            case "S":
                return ours == WithdrawalStatus.SUCCEEDED;
            case "F":
                return ours == WithdrawalStatus.FAILED || ours == WithdrawalStatus.REFUNDED;
            case "P":
                return ours == WithdrawalStatus.PROCESSING || ours == WithdrawalStatus.ACCOUNTED;
            default:
                return false;
        }
    }

    private StatementBreak of(BreakClass breakClass, SentSerial serial, String detail) {
        return new StatementBreak(tradeDate, breakClass, serial.huifuId(), serial.reqSeqId(), serial.withdrawalId(),
                detail);
    }
}
