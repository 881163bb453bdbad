package io.payout.model;

import java.util.regex.Pattern;

/** Masks card numbers, certificate numbers and names before anything reaches a log line. */
public final class Masking {

    /** Runs of 12 or more digits (bank cards) or 15 to 18 characters of an ID card (certificates). */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9])([0-9]{4})[0-9]{4,11}([0-9Xx]{4})(?![0-9])");

    private Masking() {
    }

    /** Keeps the last four characters: {@code 6222020200112233} becomes {@code ****2233}. */
    public static String tail(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 4);
    }

    /** Keeps the first character of a name: {@code 张三丰} becomes {@code 张**}. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.charAt(0) + "*".repeat(Math.max(1, value.codePointCount(0, value.length()) - 1));
    }

    /** Masks every long digit run in free text (remarks, raw notification bodies) before it is logged. */
    public static String numbersIn(String text) {
        if (text == null) {
            return null;
        }
        return LONG_NUMBER.matcher(text).replaceAll("$1****$2");
    }
}
