/**
 * Huifu's onboarding paths (ACCOUNTS.md A2–A7) as the sandbox serves them: {@code UserAccounts} (user opening,
 * business open and modify with {@code card_info} and {@code cash_config}, the detail, lookup and application
 * queries, the audit notices of {@code AuditNotices}) and {@code MerchantAccounts} (SMS code, base-data modify,
 * status and detail queries). Cards and cash configuration live in the ledger, so withdrawals use what these paths
 * bind; {@code CardBook} adds what the queries list beside it. {@code CardHolders} is the bank's view of who holds a
 * card. Every change is an {@code AccountFact}, journaled before it takes effect and replayed at start.
 */
package io.payout.sandbox.account;
