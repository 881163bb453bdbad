package io.payout.model;

import java.util.regex.Pattern;

/** A W3C {@code traceparent} header (version 00): trace id, parent span id, whether the caller sampled it. */
public record TraceParent(String traceId, String spanId, boolean sampled) {

    private static final Pattern FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE = "00000000000000000000000000000000";
    private static final String INVALID_SPAN = "0000000000000000";

    /** The header parsed, or null when it is absent or not a valid version-00 traceparent (ignored, per W3C). */
    public static TraceParent parse(String header) {
        if (header == null || !FORMAT.matcher(header).matches()) {
            return null;
        }
        String traceId = header.substring(3, 35);
        String spanId = header.substring(36, 52);
        if (traceId.equals(INVALID_TRACE) || spanId.equals(INVALID_SPAN)) {
            return null;
        }
        int flags = Integer.parseInt(header.substring(53, 55), 16);
        return new TraceParent(traceId, spanId, (flags & 1) == 1);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }
}
