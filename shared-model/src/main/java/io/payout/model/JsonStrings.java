package io.payout.model;

/**
 * Writes a JSON string as Jackson writes it: a quote and a backslash escaped with a backslash, characters below
 * 0x20 with JSON's short escapes where it has them, else as a six-character unicode escape; everything else as it
 * is. The writers that render a message on every state change by hand ({@link StatusChangedJson}, the outbox's
 * headers) share it.
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonStrings() {
    }

    /** Appends {@code value} quoted, or {@code null} for null. */
    public static StringBuilder appendQuoted(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        int length = value.length();
        int plain = 0;
        while (plain < length && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        if (plain == length) {
            // Most values (ids, codes, amounts, instants) need no escape: one array copy instead of a char each.
            return out.append(value).append('"');
        }
        out.append(value, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20) {
                out.append(c);
            } else {
                escapeControl(out, c);
            }
        }
        return out.append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    private static void escapeControl(StringBuilder out, char c) {
        switch (c) {
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
