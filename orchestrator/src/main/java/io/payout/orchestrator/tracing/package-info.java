/**
 * Traces from a withdrawal request to its outcome (W3C Trace Context). A request's {@code traceparent} header is
 * kept on the withdrawal's row; the Huifu calls and the outbox relay run as its child spans, and the outcome records
 * carry the trace on. A Huifu notice arrives with a trace of its own, started at the gateway; its handling links to
 * the withdrawal's trace. Spans are exported over OTLP when an endpoint is configured.
 */
package io.payout.orchestrator.tracing;
