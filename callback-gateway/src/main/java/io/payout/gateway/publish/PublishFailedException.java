package io.payout.gateway.publish;

/** The broker did not acknowledge a notification within the bound: the caller must not acknowledge it either. */
public final class PublishFailedException extends Exception {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
