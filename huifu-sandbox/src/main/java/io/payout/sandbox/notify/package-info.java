/**
 * Delivery of Huifu's asynchronous trade notifications (PROTOCOL.md §4).
 * {@link io.payout.sandbox.notify.Notifier#deliver} POSTs a {@link io.payout.sandbox.notify.Notice} as a signed form
 * to its {@code notify_url}, following no redirects. Only HTTP 200 with the body {@code RECV_ORD_ID_<req_seq_id>}
 * within the timeout acknowledges it; otherwise it is retried, as Huifu does, a fixed number of times and then given
 * up, which is exactly the loss the callback gateway and the orchestrator's queries must survive. The drop,
 * duplicate, delay and bad-signature faults strike here. Every attempt is recorded on the withdrawal as a
 * {@link io.payout.sandbox.notify.DeliveryAttempt}, which the control API shows.
 * <p>
 * Configuration: {@code sandbox.notify.*}: {@code timeout} (5s per attempt), {@code retry-interval} (100ms),
 * {@code max-retries} (3 after the first attempt) and {@code max-concurrency} (64 sends at once; waiting notices
 * queue, not threads).
 */
package io.payout.sandbox.notify;
