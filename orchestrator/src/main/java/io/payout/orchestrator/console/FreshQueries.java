package io.payout.orchestrator.console;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;

/**
 * The rule that a resolve follows a fresh re-query: the operator asked Huifu about the withdrawal in this session
 * within the last few minutes, so the decision rests on Huifu's latest word, not on an old page.
 */
final class FreshQueries {

    static final Duration FRESH = Duration.ofMinutes(5);
    private static final String ATTRIBUTE = "console.requeried";

    private FreshQueries() {
    }

    static void record(HttpSession session, String withdrawalId, Instant at) {
        HashMap<String, Instant> queried = queried(session);
        queried.put(withdrawalId, at);
        // set again: the session store writes an attribute when it is set, not when its value changes
        session.setAttribute(ATTRIBUTE, queried);
    }

    static boolean isFresh(HttpSession session, String withdrawalId, Instant now) {
        Instant at = queried(session).get(withdrawalId);
        return at != null && at.isAfter(now.minus(FRESH));
    }

    @SuppressWarnings("unchecked")
    private static HashMap<String, Instant> queried(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof HashMap<?, ?> map ? (HashMap<String, Instant>) map : new HashMap<>();
    }
}
