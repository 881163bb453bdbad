package io.payout.model.huifu;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact text Huifu signs (PROTOCOL.md §2.2): top-level keys in ASCII order, nulls dropped, compact, non-ASCII
 * and {@code /} not escaped, nested objects and arrays sent as JSON strings. Written by hand rather than through a
 * JSON library's settings because one escaped character breaks every signature.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The signing string of a {@code data} map. */
    public static String of(Map<String, ?> data) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        boolean first = true;
        // String's natural order compares UTF-16 code units, which is ASCII order for Huifu's ASCII keys.
        for (Map.Entry<String, ?> entry : new TreeMap<String, Object>(data).entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, entry.getKey());
            out.append(':');
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                // Layer 1 holds primitives only: nested structures travel as JSON strings.
                writeString(out, compact(value));
            } else {
                writeScalar(out, value);
            }
        }
        return out.append('}').toString();
    }

    /** Compact JSON of any nested value, keys in the map's own order, same escaping rules. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(64);
        writeValue(out, value);
        return out.toString();
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, String.valueOf(entry.getKey()));
                out.append(':');
                writeValue(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(out, element);
            }
            out.append(']');
        } else {
            writeScalar(out, value);
        }
    }

    private static void writeScalar(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(out, value.toString());
        }
    }

    static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
