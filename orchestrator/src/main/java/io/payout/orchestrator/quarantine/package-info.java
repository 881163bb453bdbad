/**
 * Records that are valid on the wire but cannot be processed never block the records behind them:
 * {@link io.payout.orchestrator.quarantine.RecordGuard} wraps every consumer, retries transient failures without
 * limit, and quarantines a record that fails for a reason of its own (kept in the database with its reason,
 * published to {@code <topic>.quarantine}, counted as {@code orchestrator_records_quarantined_total}).
 * {@link io.payout.orchestrator.quarantine.QuarantineReplays} lists them and replays one for the operations API.
 */
package io.payout.orchestrator.quarantine;
