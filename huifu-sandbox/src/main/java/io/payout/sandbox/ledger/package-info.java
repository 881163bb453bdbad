/**
 * The sandbox's books, the ground truth every test compares against. {@link io.payout.sandbox.ledger.Ledger} holds
 * the accounts (created from {@link io.payout.sandbox.ledger.AccountSpec}, with bound
 * {@link io.payout.sandbox.ledger.CardSpec} cards and a {@link io.payout.sandbox.ledger.CashConfigSpec} per cash
 * type) and moves money in three steps: a {@link io.payout.sandbox.ledger.Hold} when a request is accepted
 * ({@link io.payout.sandbox.ledger.Reservation}), so two requests can never spend the same balance; the debit into
 * transit at accounting; then payment to the card with the fee collected, or everything booked back.
 * <p>
 * One lock guards all accounts and totals, so every snapshot ({@link io.payout.sandbox.ledger.LedgerView})
 * satisfies {@code money_in = balances + in_transit + paid_out + fees_collected}, the conservation the tests assert.
 * Fees follow PROTOCOL.md §8 ({@code fix_amt + cash_amt × fee_rate%}, rounded half-up to fen; 内扣 takes the fee out
 * of the amount, 外扣 charges it on top); DM may use only the settled balance, not today's credits, which settle
 * when the settlement clock's day moves on. Amounts are {@link io.payout.model.Amount}, never floating point.
 * {@link io.payout.sandbox.ledger.AccountView} is an account as the control API shows it, card numbers and names
 * masked. This package knows nothing of the web, the lifecycle or Spring.
 */
package io.payout.sandbox.ledger;
