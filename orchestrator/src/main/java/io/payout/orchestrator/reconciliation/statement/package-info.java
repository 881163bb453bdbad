/**
 * Huifu's daily withdrawal statement matched against our own withdrawals and the outcomes we published (CONTRACT.md
 * section 7). {@code StatementSchedule} (every natural day, from {@code orchestrator.statement.first-try}) hands each
 * account withdrawn on the trade date to {@link io.payout.orchestrator.reconciliation.statement.StatementFetcher}:
 * at most three queries per account and file date, counted in {@code statement_fetches} before each is sent; the
 * file downloaded only from Huifu's host into the statement folder, then matched by
 * {@link io.payout.orchestrator.reconciliation.statement.StatementReconciliation}. Rows are streamed from the zip
 * one at a time and the expected serials kept in columns ({@code ExpectedSerials}), so a million-row statement fits
 * a small heap; the breaks go to {@code statement_breaks} as they are found, and the serials a statement did not list
 * yet to {@code statement_carried} for the next trade date. The CSV layout is our assumption, read by column name in
 * {@code OutcashCsv}.
 */
package io.payout.orchestrator.reconciliation.statement;
