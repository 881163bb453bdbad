package io.payout.orchestrator.huifu;

import java.util.Map;

/**
 * One HTTP exchange with Huifu as the client saw it, before classification: the HTTP status (0 when no answer
 * arrived), the business fields of {@code data} only when the signature verified, and otherwise why not.
 */
record Exchange(int httpStatus, Map<String, String> data, String problem) {

    static final int NO_ANSWER = 0;
    static final int NOT_SENT = -1;

    Exchange {
        data = data == null ? null : Map.copyOf(data);
    }

    /** Nothing usable came back: timeout, connection error, or the request was never sent. */
    static Exchange noAnswer(String problem) {
        return new Exchange(NO_ANSWER, null, problem);
    }

    /** Our own concurrency limit held the request back: it never left this process. */
    static Exchange notSent(String problem) {
        return new Exchange(NOT_SENT, null, problem);
    }

    /** An answer arrived, but its body is unreadable or its signature does not hold. */
    static Exchange untrusted(int httpStatus, String problem) {
        return new Exchange(httpStatus, null, problem);
    }

    /** An answer whose signature verified with Huifu's public key. */
    static Exchange verified(int httpStatus, Map<String, String> data) {
        return new Exchange(httpStatus, data, null);
    }

    String field(String name) {
        return data == null ? null : data.get(name);
    }
}
