/**
 * The contract's vocabulary (CONTRACT.md §1–§3), shared by the services and by upstream services, so every side
 * reads and writes the same messages: plain Java with Jackson annotations, no Spring. The events of the four topics
 * are {@link io.payout.model.WithdrawalRequested} ({@code withdrawal.requests}),
 * {@link io.payout.model.WithdrawalStatusChanged} ({@code withdrawal.outcomes}, one per state entered, de-duplicated
 * by {@code event_id}), {@link io.payout.model.RequestRejected} ({@code withdrawal.rejections}) and
 * {@link io.payout.model.HuifuNotification} ({@code huifu.notifications}, carrying Huifu's raw text and signature so
 * the orchestrator can verify again); {@link io.payout.model.Topics} holds their default names, the notification
 * key and the header names.
 * {@link io.payout.model.WithdrawalStatus} lists the states and the only paths a withdrawal may take through them.
 * <p>
 * Money is {@link io.payout.model.Amount}: yuan at scale 2, parsed by pattern and computed in BigDecimal, never in
 * floating point, because a rounding slip is a wrong payout. {@link io.payout.model.WithdrawalRequestParser} turns
 * untrusted bytes into a request or into every rule they break; it never throws on bad input, since a record that
 * cannot be read must become a rejection, not stall its partition. {@link io.payout.model.Masking} keeps card
 * numbers, certificate numbers and names out of log lines; {@link io.payout.model.RecordJson} and
 * {@link io.payout.model.RecordFields} are the reading steps every request parser shares. Huifu's signing and keys
 * are in {@code io.payout.model.huifu}; the account requests of CONTRACT.md §6 in {@code io.payout.model.account}.
 */
package io.payout.model;
