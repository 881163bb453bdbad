package io.payout.gateway.callback;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The two form fields that matter, exactly as Huifu sent them after form-decoding: {@code sign} covers the signed
 * data string itself ({@code resp_data} of a trade notice, PROTOCOL.md §2.4; {@code data} of an account notice,
 * ACCOUNTS.md A3.3), so it must reach verification byte for byte. The body is read
 * here rather than through the servlet's parameter parsing so that its size is capped before and while reading.
 * Huifu sends UTF-8 (PROTOCOL.md §4.1); a declared charset is not honoured, so a body in another encoding fails the
 * signature check rather than being guessed at.
 */
record NotificationForm(String data, String sign) {

    private static final String FORM = "application/x-www-form-urlencoded";

    static NotificationForm read(HttpServletRequest request, int maxBodyBytes, String dataField)
            throws IOException, NotificationRejectedException {
        requireForm(request.getContentType());
        // Declared too large: refuse without reading a byte.
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new NotificationRejectedException(Rejection.BODY_TOO_LARGE);
        }
        // Chunked or lying about its length: read one byte past the limit at most.
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new NotificationRejectedException(Rejection.BODY_TOO_LARGE);
        }
        return parse(new String(body, StandardCharsets.UTF_8), dataField);
    }

    /** {@code dataField}: the name of the field {@code sign} covers. */
    static NotificationForm parse(String body, String dataField) throws NotificationRejectedException {
        String data = null;
        String sign = null;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                int equals = body.indexOf('=', start);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                String name = decode(body.substring(start, nameEnd));
                // A repeated field is ambiguous (which text did Huifu sign?), so it is refused outright.
                if (dataField.equals(name)) {
                    data = once(data, value(body, nameEnd, end));
                } else if ("sign".equals(name)) {
                    sign = once(sign, value(body, nameEnd, end));
                }
            }
            start = end + 1;
        }
        return new NotificationForm(data, sign);
    }

    private static String value(String body, int nameEnd, int end) throws NotificationRejectedException {
        return nameEnd == end ? "" : decode(body.substring(nameEnd + 1, end));
    }

    private static String once(String previous, String value) throws NotificationRejectedException {
        if (previous != null) {
            throw new NotificationRejectedException(Rejection.MALFORMED_FORM);
        }
        return value;
    }

    private static String decode(String text) throws NotificationRejectedException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new NotificationRejectedException(Rejection.MALFORMED_FORM);
        }
    }

    private static void requireForm(String contentType) throws NotificationRejectedException {
        if (contentType == null) {
            throw new NotificationRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE);
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        if (!mediaType.equalsIgnoreCase(FORM)) {
            throw new NotificationRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Override
    public String toString() {
        return "NotificationForm[data=" + (data == null ? "<missing>" : data.length() + " chars")
                + ", sign=" + (sign == null ? "<missing>" : "<set>") + "]";
    }
}
