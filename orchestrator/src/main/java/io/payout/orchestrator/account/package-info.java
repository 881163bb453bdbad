/**
 * Accounts (CONTRACT.md §6). Intake of {@code account.requests} with the withdrawals' idempotency rule, storing a
 * keyed hash of each request rather than its card, certificate number or names; the registry of each account's
 * cards, cash configuration and {@code mer_stat} with where and when each was learned, publishing every change on
 * {@code account.updates} through the outbox; the one table that maps Huifu's status values (which differ by the
 * place they are read from) to changes; Huifu's detail-query answers in the registry's terms; and the rules the
 * withdrawals use: the checks before a send and the expected fee.
 */
package io.payout.orchestrator.account;
