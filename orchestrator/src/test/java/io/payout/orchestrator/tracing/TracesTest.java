package io.payout.orchestrator.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

/** With tracing switched off (a no-op tracer) nothing breaks and no invalid traceparent is made up. */
class TracesTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void withoutAParentNothingIsStarted() {
        Traces traces = new Traces(Tracer.NOOP);

        assertThat(traces.childOf(null, "huifu submit")).isNull();
        assertThat(traces.childOf("not a traceparent", "huifu submit")).isNull();
        assertThat(traces.childOfLinkedTo(null, PARENT, "huifu notice applied")).isNull();
        assertThat(traces.within(null, () -> "ran")).isEqualTo("ran");
    }

    @Test
    void aNoOpSpanHasNoTraceParentToSendOn() {
        Traces traces = new Traces(Tracer.NOOP);
        Span span = traces.childOf(PARENT, "outbox relay");

        assertThat(traces.within(span, () -> traces.currentTraceParent())).isNull();
        assertThat(Traces.traceParentOf(span)).isNull();
    }
}
