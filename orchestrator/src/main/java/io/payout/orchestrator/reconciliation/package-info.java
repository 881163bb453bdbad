/**
 * The daily reconciliation report of a business date (every serial sent that day queried and compared with ours),
 * its schedule, and the gauges of open withdrawals by state and age. Configuration:
 * {@code orchestrator.reconciliation.*}, which also holds the poll schedule's settings.
 */
package io.payout.orchestrator.reconciliation;
