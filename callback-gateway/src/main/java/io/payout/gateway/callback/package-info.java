/**
 * The endpoints {@code POST /huifu/notify/withdrawal} (CONTRACT.md §4) and {@code POST /huifu/notify/account}
 * (§6), each a plain servlet ({@code NotificationServlet}, one per {@code NoticeKind}) rather than a Spring MVC
 * controller. The order of its steps is the guarantee: source allow-list, form content type, body size (capped
 * before and while reading), the signature over the raw signed text ({@code resp_data}, or {@code data} for
 * account notices) before any of it is parsed ({@code NotificationVerifier}), publishing and waiting for the
 * broker, and only then the answer {@code RECV_ORD_ID_<req_seq_id>}. {@code NotificationForm} decodes the form
 * itself so that the signed text reaches verification byte for byte.
 * <p>
 * Anything that stops earlier answers without the acknowledgement body, so Huifu sends the notice again: a 4xx
 * whose body names the {@code Rejection} and never echoes the request (it may carry card numbers), or 503 when the
 * broker did not acknowledge in time. A repeated notice is published again; the orchestrator de-duplicates by
 * {@code notification_id}, as a duplicate is harmless and a loss is not. {@code NotificationMetrics} keeps, per kind,
 * {@code gateway.notifications.received}, {@code .verified}, {@code .rejected{reason}}, {@code .acknowledged},
 * {@code .unavailable} and the {@code gateway.notify.requests{status}} timer; {@code CallbackConfiguration} wires the
 * endpoint and stops the start-up on a missing or unreadable key or allow-list. Nothing outside this package
 * depends on it.
 */
package io.payout.gateway.callback;
