package io.payout.orchestrator.tracing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.payout.model.TraceParent;
import org.springframework.stereotype.Component;

/**
 * Starts the product's spans as children of a stored or received {@code traceparent}, and gives the traceparent of a
 * span to store or send on. Without a parent nothing is started: only work that belongs to a traced request is
 * traced, so an untraced withdrawal costs nothing here.
 */
@Component
public class Traces {

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A started child span of {@code parent}, or null when there is no valid parent. */
    public Span childOf(String parent, String name) {
        TraceParent p = TraceParent.parse(parent);
        if (p == null) {
            return null;
        }
        return tracer.spanBuilder().setParent(context(p)).name(name).start();
    }

    /** A started child span of {@code parent} that links to {@code linked} (another trace); null without a parent. */
    public Span childOfLinkedTo(String parent, String linked, String name) {
        TraceParent p = TraceParent.parse(parent);
        if (p == null) {
            return null;
        }
        Span.Builder builder = tracer.spanBuilder().setParent(context(p)).name(name);
        TraceParent l = TraceParent.parse(linked);
        if (l != null) {
            builder = builder.addLink(new Link(context(l)));
        }
        return builder.start();
    }

    /** Runs {@code work} with {@code span} current (log lines carry its trace id), then ends it; null: just runs. */
    public <T> T within(Span span, java.util.function.Supplier<T> work) {
        if (span == null) {
            return work.get();
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The traceparent of the current span, to send on an outgoing call; null when none is current. */
    public String currentTraceParent() {
        Span current = tracer.currentSpan();
        return current == null ? null : traceParentOf(current);
    }

    /** The span's traceparent; null for a span without valid ids (tracing switched off gives no-op spans). */
    public static String traceParentOf(Span span) {
        TraceContext c = span.context();
        Boolean sampled = c.sampled();
        TraceParent p = TraceParent.parse(new TraceParent(c.traceId(), c.spanId(), sampled != null && sampled)
                .header());
        return p == null ? null : p.header();
    }

    private TraceContext context(TraceParent p) {
        return tracer.traceContextBuilder().traceId(p.traceId()).spanId(p.spanId()).sampled(p.sampled()).build();
    }
}
