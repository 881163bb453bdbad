/**
 * Huifu's wire protocol (PROTOCOL.md §1–§4), one implementation for the orchestrator, the callback gateway and the
 * sandbox, so the side that signs and the side that verifies never disagree on a byte.
 * {@link io.payout.model.huifu.CanonicalJson} writes the exact text Huifu signs (keys in ASCII order, nulls dropped,
 * non-ASCII and {@code /} unescaped, nested values as JSON strings), by hand, since one escaped character breaks
 * every signature; {@link io.payout.model.huifu.RsaSignatures} signs and verifies SHA256withRSA over it.
 * {@link io.payout.model.huifu.HuifuEnvelope} builds and reads the signed request and response envelopes of API
 * calls; {@link io.payout.model.huifu.HuifuNotifications} verifies asynchronous notifications over the raw
 * {@code resp_data}, derives the notification id (SHA-256 of that text) and the acknowledgement body, and writes
 * signed notification forms for the sandbox and tests. {@link io.payout.model.huifu.HuifuKeys} loads RSA keys in
 * every form an operator may hold them (Base64 DER, PEM, a certificate, or {@code file:/path}); its error messages
 * never contain key material. A message whose signature or body fails a check raises
 * {@link io.payout.model.huifu.HuifuSignatureException}.
 * <p>
 * Signing is the largest single CPU cost of a withdrawal, so RSA runs in Conscrypt (BoringSSL) where its native
 * library loads, and in the JDK's provider elsewhere or with the system property {@code payout.rsa.provider=jdk}
 * ({@code RsaEngine}). PKCS#1 v1.5 signatures are deterministic: both providers produce the same bytes.
 */
package io.payout.model.huifu;
