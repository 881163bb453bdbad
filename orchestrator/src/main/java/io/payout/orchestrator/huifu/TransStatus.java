package io.payout.orchestrator.huifu;

import java.util.Optional;

/**
 * Huifu's {@code trans_stat}/{@code trans_status} letter, typed once where Huifu's text is read, so that no decision
 * further in compares strings.
 */
public enum TransStatus {
    /** P: Huifu has the serial and is still working on it. */
    PROCESSING("P"),
    /** S: paid (a query), or accepted and done (a synchronous answer). */
    SUCCEEDED("S"),
    /** F: failed; whether anything was debited first is not said. */
    FAILED("F");

    private final String code;

    TransStatus(String code) {
        this.code = code;
    }

    /** The letter as Huifu writes it. */
    public String code() {
        return code;
    }

    /** The status of a letter; empty for anything Huifu has not been seen to send (an absent or unheard-of one). */
    public static Optional<TransStatus> of(String code) {
        for (TransStatus status : values()) {
            if (status.code.equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
