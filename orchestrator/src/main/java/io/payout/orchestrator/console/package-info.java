/**
 * The operations console under {@code /console}: server-rendered pages for finance (viewer) and the operations desk
 * (operator), signed in with a form against identities from configuration, sessions in PostgreSQL. It reads what the
 * operations API reads and changes withdrawals only through the same entries, with the signed-in identity as actor.
 */
package io.payout.orchestrator.console;
