/**
 * The sandbox's own control API under {@code /sandbox} (JSON, snake_case) for tests, the local stack and the
 * benchmarks; it is not one of Huifu's paths, has no authentication (the sandbox is a test double), and nothing on
 * Huifu's paths depends on it. {@link io.payout.sandbox.control.ControlController} creates accounts, binds cards,
 * sets cash configuration and puts money in ({@link io.payout.sandbox.control.Credit}); shows the true state of each
 * withdrawal with every notification attempt, and every serial received; sets, arms and clears faults; settles
 * everything pending at once; reports the ledger's totals with its conservation check, the pending work (so tests
 * await {@code idle} instead of sleeping) and the sandbox's public key. {@link io.payout.sandbox.control.ReportedFee}
 * makes Huifu report a fee other than the one it charged, to test reconciliation; the ledger keeps the real fee.
 * Creating an account is idempotent: the same spec again answers 200 with the account as it is now, another spec
 * for an existing huifu_id 409. {@link io.payout.sandbox.control.StatementControlController} makes each kind of
 * statement reconciliation break (a withdrawal made elsewhere, an altered or omitted row, a failed task) and reads or
 * jumps the settlement clock. Errors ({@code ControlErrors}, for both) are {@code {"error": ...}} with 400, 404 or
 * 409.
 * {@link io.payout.sandbox.SandboxControl} is its Java client.
 */
package io.payout.sandbox.control;
