package io.payout.local;

/** Why the stack cannot start, in words meant for the user: printed as it is, after {@code cannot start: }. */
final class CannotStart extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CannotStart(String reason) {
        super(reason);
    }

    CannotStart(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** One line for the console: the launcher's own reason, else the first line of the deepest message. */
    static String reasonOf(Throwable failure) {
        if (failure instanceof CannotStart) {
            return failure.getMessage();
        }
        String reason = failure.toString();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotStart) {
                return cause.getMessage();
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                reason = cause.getMessage();
            }
        }
        return reason.lines().findFirst().orElse(reason).strip();
    }
}
