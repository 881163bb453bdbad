/**
 * Huifu's daily withdrawal statement matched against our own withdrawals and the outcomes we published (CONTRACT.md
 * section 7). So far only the pure matcher: rows are fed one at a time, so a statement is never held in memory; only
 * our own serials of the window are.
 */
package io.payout.orchestrator.reconciliation.statement;
