package io.payout.gateway.callback;

/** Bad input; thrown without a stack trace, since a flood of forged requests must stay cheap to turn away. */
final class NotificationRejectedException extends Exception {

    private final Rejection rejection;

    NotificationRejectedException(Rejection rejection) {
        super(rejection.name(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
