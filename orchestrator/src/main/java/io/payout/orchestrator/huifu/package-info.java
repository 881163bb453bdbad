/**
 * Huifu over HTTP: {@link io.payout.orchestrator.huifu.Huifu} (submit, query, and the statement query and replay)
 * implemented by {@link io.payout.orchestrator.huifu.HuifuHttpClient}, which signs requests, verifies answers and classifies them
 * in one table ({@code HuifuAnswers}, UNKNOWN by default). It never throws for Huifu's answers or transport failures.
 * <p>
 * Configuration ({@code orchestrator.huifu.*}, checked at start-up; key values are never printed):
 * {@code base-url}, {@code sys-id}, {@code product-id}, {@code merchant-private-key} (PKCS#8/PKCS#1 Base64, PEM or
 * {@code file:/path}), {@code huifu-public-key} (X.509 Base64, PEM or {@code file:}), {@code notify-url} (at most
 * 128 characters), {@code connect-timeout} (2s), {@code read-timeout} (10s), {@code max-concurrency} (64 requests
 * in flight), {@code permit-timeout} (5s: longest wait for a free slot; then the call is Unknown, rate limited,
 * and nothing was sent).
 * <p>
 * Metric: {@code huifu.calls} tagged {@code operation} (submit, query, filequery, replay), {@code outcome}
 * (Accepted, Refused, Found, NotFound, Listed, Replayed, NotReplayed, Unknown) and {@code rate_limited}.
 */
package io.payout.orchestrator.huifu;
