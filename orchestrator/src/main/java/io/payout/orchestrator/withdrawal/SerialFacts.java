package io.payout.orchestrator.withdrawal;

import java.time.Instant;

/**
 * What is known of the current serial at Huifu, as the next-step policy needs it: how often it was sent, the
 * not-found answers to its queries and its first F.
 */
record SerialFacts(int sentCount, int notFoundCount, Instant firstNotFoundAt, Instant firstFailedAt) {

    /** A serial never sent: Huifu cannot know it. */
    static final SerialFacts NEVER_SENT = new SerialFacts(0, 0, null, null);
}
