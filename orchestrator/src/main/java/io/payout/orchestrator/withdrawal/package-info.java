/**
 * The core: a withdrawal and every rule of how it changes. {@link io.payout.orchestrator.withdrawal.TransitionTable}
 * decides the states a piece of evidence leads to (walked on the contract's graph by
 * {@link io.payout.orchestrator.withdrawal.WithdrawalStateMachine}); {@link io.payout.orchestrator.withdrawal.NextStep}
 * decides what is due next and when (send, query, a new serial, the failed confirmation, the poll schedule, the
 * overdue horizon); {@link io.payout.orchestrator.withdrawal.WithdrawalWork} is the one unit of work through which
 * every change is made, writing the row, its history and its outcome events in one transaction.
 * <p>
 * Its repositories, one per table: {@code Withdrawals} (the rows, version-checked), {@code WithdrawalSerials} (every
 * serial sent and what Huifu answered), {@code WithdrawalHistory} (the append-only history with the outbox rows) and
 * {@code DueWork} (the claim of due work across instances).
 */
package io.payout.orchestrator.withdrawal;
