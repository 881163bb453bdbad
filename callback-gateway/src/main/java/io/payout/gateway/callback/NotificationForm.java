package io.payout.gateway.callback;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The two form fields that matter, exactly as Huifu sent them after form-decoding: {@code sign} covers the
 * {@code resp_data} string itself (PROTOCOL.md §2.4), so it must reach verification byte for byte. The body is read
 * here rather than through the servlet's parameter parsing so that its size is capped before and while reading.
 */
record NotificationForm(String respData, String sign) {

    private static final String FORM = "application/x-www-form-urlencoded";

    static NotificationForm read(HttpServletRequest request, int maxBodyBytes)
            throws IOException, NotificationRejectedException {
        Charset charset = formCharset(request);
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
        return parse(new String(body, charset), charset);
    }

    static NotificationForm parse(String body, Charset charset) throws NotificationRejectedException {
        String respData = null;
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
                String name = decode(body.substring(start, nameEnd), charset);
                String value = nameEnd == end ? "" : decode(body.substring(nameEnd + 1, end), charset);
                // A repeated field is ambiguous (which resp_data did Huifu sign?), so it is refused outright.
                if ("resp_data".equals(name)) {
                    respData = once(respData, value);
                } else if ("sign".equals(name)) {
                    sign = once(sign, value);
                }
            }
            start = end + 1;
        }
        return new NotificationForm(respData, sign);
    }

    private static String once(String previous, String value) throws NotificationRejectedException {
        if (previous != null) {
            throw new NotificationRejectedException(Rejection.MALFORMED_FORM);
        }
        return value;
    }

    private static String decode(String text, Charset charset) throws NotificationRejectedException {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException badEscape) {
            throw new NotificationRejectedException(Rejection.MALFORMED_FORM);
        }
    }

    private static Charset formCharset(HttpServletRequest request) throws NotificationRejectedException {
        String contentType = request.getContentType();
        if (contentType == null) {
            throw new NotificationRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE);
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        if (!mediaType.equalsIgnoreCase(FORM)) {
            throw new NotificationRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE);
        }
        String declared = request.getCharacterEncoding();
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new NotificationRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Override
    public String toString() {
        return "NotificationForm[resp_data=" + (respData == null ? "<missing>" : respData.length() + " chars")
                + ", sign=" + (sign == null ? "<missing>" : "<set>") + "]";
    }
}
