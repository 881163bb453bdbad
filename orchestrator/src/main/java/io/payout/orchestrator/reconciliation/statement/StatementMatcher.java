package io.payout.orchestrator.reconciliation.statement;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, SentSerial> unmatched = new LinkedHashMap<>();
    private final List<SentSerial> carried = new ArrayList<>();

    public StatementMatcher(String tradeDate, List<SentSerial> expected) {
        this.tradeDate = Objects.requireNonNull(tradeDate, "trade date is required");
        this.oldestCarried = LocalDate.parse(tradeDate, YYYYMMDD).minusDays(CARRY_DAYS).format(YYYYMMDD);
        for (SentSerial serial : expected) {
            unmatched.put(serial.reqSeqId(), serial);
        }
    }

    /** Compares one row; returns the breaks it raises (none when it agrees). */
    public List<StatementBreak> accept(StatementRow row) {
        SentSerial ours = unmatched.remove(row.reqSeqId());
        if (ours == null) {
            return List.of(new StatementBreak(tradeDate, BreakClass.UNKNOWN_TO_US, row.huifuId(), row.reqSeqId(), null,
                    "statement lists " + row.cashAmt() + " (trans_status " + row.transStatus()
                            + ") that we never sent"));
        }
        List<StatementBreak> breaks = new ArrayList<>();
        if (!statusAgrees(ours.status(), row.transStatus())) {
            breaks.add(of(BreakClass.STATUS_MISMATCH, ours, "we published " + ours.status()
                    + " but the statement says " + row.transStatus()));
        }
        if (!row.cashAmt().equals(ours.cashAmt())) {
            breaks.add(of(BreakClass.AMOUNT_MISMATCH, ours, "cash_amt " + ours.cashAmt() + " but the statement says "
                    + row.cashAmt()));
        }
        // The account registry that would give the expected fee does not exist yet: compare with the fee Huifu
        // reported to us (query or notice), when we recorded one. A failed row's fee was never charged.
        if (ours.feeAmt() != null && !"F".equals(row.transStatus()) && !ours.feeAmt().equals(row.feeAmt())) {
            breaks.add(of(BreakClass.FEE_MISMATCH, ours, "fee_amt " + ours.feeAmt() + " recorded but the statement says "
                    + row.feeAmt()));
        }
        return breaks;
    }

    /** After the last row: the serials of two days before that no statement listed. */
    public List<StatementBreak> finish() {
        List<StatementBreak> breaks = new ArrayList<>();
        carried.clear();
        for (SentSerial serial : unmatched.values()) {
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
