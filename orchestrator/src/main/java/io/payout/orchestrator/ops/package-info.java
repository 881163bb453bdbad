/**
 * The operations API (CONTRACT.md §4) behind a bearer token: a withdrawal with its serials and history, lists by
 * state and attention, an immediate query of Huifu, an operator's resolve, and the daily reconciliation reports.
 */
package io.payout.orchestrator.ops;
