package io.payout.sandbox.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The withdrawal statement task of one account and trade date, as it stands now. {@code stat} is Huifu's
 * {@code task_stat}: P before the file is due, F when failed, S when generated ({@code hasFile} false: no records).
 * {@code generatedAt} is on the settlement clock (null while P); {@code asOf} is the real instant its rows' statuses
 * are taken at.
 */
public record StatementTask(String huifuId, LocalDate tradeDate, String stat, Instant generatedAt, Instant asOf,
                            boolean hasFile) {

    public static final String BILL_TYPE = "WITHDRAWAL_BILL";
    /** Only ids of this shape are ever looked up: nothing a client sends reaches a file system path. */
    private static final Pattern FILE_ID = Pattern.compile("^outcash-([0-9]{8})-([0-9A-Za-z]{1,32})$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** Huifu's file_date: the day after the trade date. */
    public String fileDate() {
        return DATE.format(tradeDate.plusDays(1));
    }

    public String dataDate() {
        return DATE.format(tradeDate);
    }

    public String fileId() {
        return "outcash-" + dataDate() + "-" + huifuId;
    }

    /** The zip; the CSVs inside are {@link #csvBaseName()}{@code _<batch>.csv}. */
    public String fileName() {
        return csvBaseName() + ".zip";
    }

    String csvBaseName() {
        return dataDate() + "_" + huifuId + "_outcash";
    }

    /** The account and trade date a file id names; null when it is not one of ours. */
    static Key parseFileId(String fileId) {
        Matcher matcher = fileId == null ? null : FILE_ID.matcher(fileId);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        try {
            return new Key(matcher.group(2), LocalDate.parse(matcher.group(1), DATE));
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    record Key(String huifuId, LocalDate tradeDate) {
    }
}
