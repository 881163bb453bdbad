package io.payout.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A non-negative amount in yuan with exactly two decimals, written as Huifu writes it: {@code "100.00"}.
 * Money never passes through floating point: text is parsed by pattern, arithmetic is BigDecimal at scale 2.
 */
public record Amount(BigDecimal value) implements Comparable<Amount> {

    /** At most 11 integer digits (Huifu's String(14) with the point and two decimals), no leading zeros. */
    public static final Pattern FORMAT = Pattern.compile("^(0|[1-9][0-9]{0,10})\\.[0-9]{2}$");
    public static final Amount ZERO = new Amount(BigDecimal.ZERO.setScale(2));
    public static final Amount MIN_CASH = new Amount(new BigDecimal("0.01"));

    public Amount {
        Objects.requireNonNull(value, "amount must not be null");
        if (value.scale() != 2) {
            throw new IllegalArgumentException("amount must have scale 2: " + value.toPlainString());
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + value.toPlainString());
        }
    }

    /** Parses Huifu's amount text: digits, a point and exactly two decimals; zero is allowed (fees). */
    @JsonCreator
    public static Amount parse(String text) {
        return parse("amount", text);
    }

    /** As {@link #parse(String)}, naming the field in the error message. */
    public static Amount parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException(field
                    + " must be yuan with exactly two decimals and no sign, exponent or leading zero (e.g. 100.00): "
                    + abbreviate(text));
        }
        return new Amount(new BigDecimal(text));
    }

    /** Parses a withdrawal amount: the format of {@link #parse(String)} and at least 0.01. */
    public static Amount parseCashAmount(String field, String text) {
        Amount amount = parse(field, text);
        if (amount.compareTo(MIN_CASH) < 0) {
            throw new IllegalArgumentException(field + " must be at least 0.01: " + text);
        }
        return amount;
    }

    /** Converts a computed value, rounding half-up to fen as Huifu does for fees. */
    public static Amount ofRounded(BigDecimal value) {
        return new Amount(value.setScale(2, RoundingMode.HALF_UP));
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(other.value));
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(other.value));
    }

    /** This amount times a percentage rate (e.g. {@code 0.05} means 0.05%), rounded half-up to fen. */
    public Amount percent(BigDecimal ratePercent) {
        return ofRounded(value.multiply(ratePercent).movePointLeft(2));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toPlainString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }
}
