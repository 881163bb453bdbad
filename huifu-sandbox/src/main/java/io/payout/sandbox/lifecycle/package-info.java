/**
 * A withdrawal's life from acceptance to its final state. {@link io.payout.sandbox.lifecycle.Lifecycle} records an
 * accepted withdrawal (or one refused with {@code trans_stat} F, so a query finds it); after
 * {@code sandbox.accounting-delay} it debits the account and sends the 02 notice; after {@code sandbox.payout-delay}
 * (D0, DM) or at 00:00 Beijing of the next natural day (D1) or working day (T1) it pays the card or, under the
 * PAYOUT_FAIL fault, books the money back, and sends the 01 notice. Each step checks the withdrawal's stage under its
 * monitor, so a scheduled step racing {@link io.payout.sandbox.lifecycle.Lifecycle#settleAll()} still moves the money
 * exactly once. A withdrawal's notices start in order, each after the previous one's first attempt (NOTIFY_REORDER
 * sends the 01 first).
 * <p>
 * {@link io.payout.sandbox.lifecycle.SettlementClock} runs {@code sandbox.time-compression} times faster than real
 * time (and jumps forward on request), with {@code sandbox.holidays} off for T1, so settlement days pass within a
 * test; request dates are still
 * checked against the real Beijing date. {@link io.payout.sandbox.lifecycle.Withdrawals} claims serials atomically
 * ({@link io.payout.sandbox.lifecycle.SerialKey}: {@code huifu_id}, {@code req_date}, {@code req_seq_id}) and finds
 * withdrawals by serial or {@code hf_seq_id}; {@link io.payout.sandbox.lifecycle.WithdrawalView} is a withdrawal's
 * true state with every delivery attempt, and {@link io.payout.sandbox.lifecycle.SandboxStatus} the pending work
 * tests wait for.
 */
package io.payout.sandbox.lifecycle;
