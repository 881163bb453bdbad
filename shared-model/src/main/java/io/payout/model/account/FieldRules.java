package io.payout.model.account;

import io.payout.model.RecordFields;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The few formats Huifu's account fields share (ACCOUNTS.md A2–A4), read with their errors collected. */
final class FieldRules {

    static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    static final Pattern MOBILE = Pattern.compile("[0-9]{11}");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("[0-9]{8}");
    private static final Pattern VALIDITY = Pattern.compile("[01]");
    private static final Pattern YES_NO = Pattern.compile("[YN]");

    private FieldRules() {
    }

    /** A date as Huifu writes it, {@code yyyyMMdd}, that exists on the calendar. */
    static String date(RecordFields fields, String field, boolean required) {
        String text = fields.matching(field, required, EIGHT_DIGITS, "a date written yyyyMMdd");
        if (text == null) {
            return null;
        }
        try {
            LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            return text;
        } catch (DateTimeParseException e) {
            fields.error(field, fields.name(field) + " is not a date on the calendar: " + text);
            return null;
        }
    }

    /** {@code 1} long-term, {@code 0} with an end date. */
    static String validity(RecordFields fields, String field, boolean required) {
        return fields.matching(field, required, VALIDITY, "1 (long-term) or 0 (with an end date)");
    }

    static Boolean yesNo(RecordFields fields, String field) {
        String text = fields.matching(field, false, YES_NO, "Y or N");
        return text == null ? null : "Y".equals(text);
    }
}
