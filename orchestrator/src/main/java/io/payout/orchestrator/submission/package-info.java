/**
 * The workers that act on due withdrawals: they claim them, send a serial to Huifu or query it, and hand Huifu's
 * answer to the unit of work. Configuration: {@code orchestrator.submission.*} (threads, batch size, lease, and the
 * next-step policy's timings: follow-up, retry back-off, not-found spacing, failed confirmation).
 */
package io.payout.orchestrator.submission;
