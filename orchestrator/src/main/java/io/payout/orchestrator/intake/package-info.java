/**
 * Intake of {@code withdrawal.requests}: each batch of records is parsed, checked for replays and idempotency
 * conflicts, stored as new withdrawals through the unit of work, and answered with rejections on
 * {@code withdrawal.rejections} when invalid; all in one transaction with the outbox.
 */
package io.payout.orchestrator.intake;
