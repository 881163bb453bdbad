/**
 * Huifu's daily withdrawal statement (ACCOUNTS.md A8), drawn from the sandbox's own withdrawals.
 * {@link io.payout.sandbox.statement.Statements} is the entry: the statement of trade date D holds every withdrawal
 * accepted with req_date D, each with its status as of 10:30 Beijing of D+1 on the settlement clock (or of a later
 * replay), computed from the withdrawals' timestamps so that nothing per row is stored; a task is P before then, F
 * when switched to fail until replayed, S after (with no file when there are no rows). Its switches and row
 * alterations ({@link io.payout.sandbox.statement.RowOverride}) are journaled as
 * {@link io.payout.sandbox.statement.StatementFact}s through a plain {@code Consumer}.
 * <p>
 * {@link io.payout.sandbox.statement.StatementFiles} serves {@code GET /sandbox/files/{file_id}} behind the expiring
 * links of {@link io.payout.sandbox.statement.DownloadLinks}: a zip of CSVs split every
 * {@code sandbox.statement.rows-per-file} rows, written while it is sent. {@code OutcashColumns} is the CSV layout,
 * our assumption, in one place. {@link io.payout.sandbox.statement.WithdrawalsMadeElsewhere} pays withdrawals no
 * client submitted, through the ledger and the lifecycle, so they are on the statement and in the ledger alike.
 * <p>
 * Depends on {@code lifecycle} and {@code ledger}; {@code api} (the filequery and replay paths) and {@code control}
 * (the switches) depend on it; it knows neither, nor the journal.
 */
package io.payout.sandbox.statement;
