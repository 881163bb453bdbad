package io.payout.gateway.callback;

/**
 * Why a notification was turned away, with the status Huifu (or whoever sent it) gets. Every rejection publishes
 * nothing; the reason also tags the {@code gateway.notifications.rejected} metric.
 */
enum Rejection {
    SOURCE_NOT_ALLOWED(403, "source address is not in gateway.allowed-networks"),
    UNSUPPORTED_MEDIA_TYPE(415, "expected application/x-www-form-urlencoded"),
    BODY_TOO_LARGE(413, "body exceeds gateway.max-body-bytes"),
    MALFORMED_FORM(400, "body is not a well-formed form, or repeats a parameter"),
    RESP_DATA_MISSING(400, "resp_data (data for account notices) is missing"),
    SIGN_MISSING(400, "sign is missing"),
    SIGN_NOT_BASE64(400, "sign is not Base64"),
    SIGN_INVALID(403, "sign does not verify over the signed text with Huifu's public key"),
    RESP_DATA_NOT_JSON_OBJECT(400, "resp_data (data for account notices) is not a JSON object");

    private final int status;
    private final String description;

    Rejection(int status, String description) {
        this.status = status;
        this.description = description;
    }

    int status() {
        return status;
    }

    /** The response body: the reason only, never anything from the request. */
    String body() {
        return name() + ": " + description;
    }
}
