/**
 * Accounts (CONTRACT.md §6): intake of {@code account.requests} with the same idempotency rule as withdrawals,
 * and the one table that turns Huifu's status values, which differ by the place they are read from, into the
 * changes published on {@code account.updates}.
 */
package io.payout.orchestrator.account;
