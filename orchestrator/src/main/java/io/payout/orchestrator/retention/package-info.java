/**
 * Years of withdrawals without a slower hot path. {@link io.payout.orchestrator.retention.Archiver} moves finished
 * withdrawals (with their serials and history) out of the hot tables into the archive, partitioned by the month each
 * withdrawal was created ({@code ArchiveTables}), and detaches or drops whole months past keeping.
 * {@link io.payout.orchestrator.retention.WithdrawalKeys} is what stays of every archived withdrawal for good: its
 * content fingerprint and its serials, read by intake and by the notification path so that idempotency outlives
 * retention (CONTRACT.md §3).
 */
package io.payout.orchestrator.retention;
