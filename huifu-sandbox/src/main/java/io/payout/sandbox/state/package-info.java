/**
 * The sandbox's state across a crash, when {@code sandbox.state-dir} is set.
 * {@link io.payout.sandbox.state.StateJournal} appends each fact that the ledger
 * ({@link io.payout.sandbox.ledger.LedgerFact}), the withdrawals ({@link io.payout.sandbox.lifecycle.WithdrawalFact})
 * and the statements ({@link io.payout.sandbox.statement.StatementFact}: row alterations, failed and replayed tasks)
 * hand it as one JSON line of {@code journal.jsonl}, written to the OS before the change takes effect, so nothing
 * the sandbox has answered is lost to a SIGKILL; at start it replays them and resumes the withdrawals under way.
 * A torn last line (a crash mid-write) is ignored and cut off. Without {@code sandbox.state-dir} nothing is written
 * and nothing is restored.
 */
package io.payout.sandbox.state;
