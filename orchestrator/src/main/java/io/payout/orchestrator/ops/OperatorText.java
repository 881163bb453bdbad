package io.payout.orchestrator.ops;

/** The rule for what an operator writes into a withdrawal's history: present, and short enough to read. */
public final class OperatorText {

    static final int MAX_TEXT = 500;

    private OperatorText() {
    }

    public static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
    }
}
