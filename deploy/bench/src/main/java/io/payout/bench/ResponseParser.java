package io.payout.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response incrementally, from whatever bytes have arrived, and keeps only what a load generator
 * needs: the status code and whether the connection may carry another request. The body is skipped, delimited by
 * Content-Length, chunked encoding or the end of the stream, so the bytes of a response may arrive split anywhere.
 */
final class ResponseParser {

    private static final int MAX_LINE = 8192;

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_EOF, DONE }

    private State state = State.STATUS;
    private byte[] line = new byte[256];
    private int lineLength;
    private int status;
    private boolean keepAlive;
    private boolean chunked;
    private long contentLength;
    private long remaining;

    /**
     * Consumes bytes of {@code in} up to the end of the response (no further); true once the whole response has been
     * read. A body delimited by the end of the stream completes only in {@link #endOfStream()}.
     */
    boolean feed(ByteBuffer in) throws IOException {
        while (state != State.DONE && in.hasRemaining()) {
            switch (state) {
                case BODY, CHUNK_DATA -> skip(in);
                case UNTIL_EOF -> in.position(in.limit());
                default -> {
                    if (readLine(in)) {
                        onLine();
                    }
                }
            }
        }
        return state == State.DONE;
    }

    /** The server closed the stream: true when that ends the response (a body without a length), else it was cut. */
    boolean endOfStream() {
        if (state == State.UNTIL_EOF) {
            state = State.DONE;
            keepAlive = false;
            return true;
        }
        return false;
    }

    int status() {
        return status;
    }

    /** Whether the server lets the connection carry another request (HTTP/1.1 without "Connection: close"). */
    boolean keepAlive() {
        return keepAlive;
    }

    void reset() {
        state = State.STATUS;
        lineLength = 0;
        status = 0;
    }

    private void skip(ByteBuffer in) {
        int n = (int) Math.min(remaining, in.remaining());
        in.position(in.position() + n);
        remaining -= n;
        if (remaining == 0) {
            state = state == State.BODY ? State.DONE : State.CHUNK_END;
        }
    }

    /** Appends bytes up to a line feed; true when a whole line (without CR LF) is in {@link #line}. */
    private boolean readLine(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == line.length) {
                if (lineLength >= MAX_LINE) {
                    throw new IOException("response line longer than " + MAX_LINE + " bytes");
                }
                line = Arrays.copyOf(line, lineLength * 2);
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private void onLine() throws IOException {
        String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        lineLength = 0;
        switch (state) {
            case STATUS -> onStatusLine(text);
            case HEADERS -> {
                if (text.isEmpty()) {
                    onHeadersEnd();
                } else {
                    onHeader(text);
                }
            }
            case CHUNK_SIZE -> onChunkSize(text);
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new IOException("chunk not followed by CR LF");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void onStatusLine(String text) throws IOException {
        // "HTTP/1.1 200" followed by an optional reason phrase (Tomcat sends none)
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + text);
        }
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("no status code in: " + text, e);
        }
        keepAlive = text.charAt(7) != '0';
        chunked = false;
        contentLength = -1;
        state = State.HEADERS;
    }

    private void onHeader(String text) throws IOException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IOException("malformed header line: " + text);
        }
        String name = text.substring(0, colon).trim();
        String value = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        if (name.equalsIgnoreCase("Content-Length")) {
            try {
                contentLength = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IOException("malformed Content-Length: " + value, e);
            }
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
            chunked = value.endsWith("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
            if (value.contains("close")) {
                keepAlive = false;
            } else if (value.contains("keep-alive")) {
                keepAlive = true;
            }
        }
    }

    private void onHeadersEnd() {
        if (status >= 100 && status < 200) {
            state = State.STATUS; // an interim answer (100 Continue): the real one follows
        } else if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.BODY;
        } else {
            state = State.UNTIL_EOF;
        }
    }

    private void onChunkSize(String text) throws IOException {
        int end = text.indexOf(';'); // chunk extensions are ignored
        String hex = (end < 0 ? text : text.substring(0, end)).trim();
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size: " + text, e);
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }
}
