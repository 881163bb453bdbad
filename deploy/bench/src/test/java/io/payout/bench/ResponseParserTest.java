package io.payout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser();

    @Test
    void aResponseWithContentLengthEndsAtItsLastByteEvenWhenItArrivesOneByteAtATime() throws IOException {
        byte[] bytes = ascii("HTTP/1.1 200 \r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
        for (int i = 0; i < bytes.length - 1; i++) {
            assertThat(parser.feed(ByteBuffer.wrap(bytes, i, 1))).isFalse();
        }
        assertThat(parser.feed(ByteBuffer.wrap(bytes, bytes.length - 1, 1))).isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsSkippedToItsEnd() throws IOException {
        ByteBuffer in = ByteBuffer.wrap(ascii("HTTP/1.1 503 Service Unavailable\r\ntransfer-encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1\r\n!\r\n0\r\nX-Trailer: yes\r\n\r\nHTTP/1.1")); // the next answer's start
        assertThat(parser.feed(in)).isTrue();
        assertThat(parser.status()).isEqualTo(503);
        assertThat(parser.keepAlive()).isTrue();
        assertThat(in.remaining()).as("bytes after the response are left unread").isEqualTo(8);
    }

    @Test
    void connectionCloseAndHttp10EndTheConnection() throws IOException {
        assertThat(parser.feed(buffer("HTTP/1.1 200\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.keepAlive()).isFalse();
        parser.reset();
        assertThat(parser.feed(buffer("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.keepAlive()).isFalse();
        parser.reset();
        assertThat(parser.feed(buffer("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")))
                .isTrue();
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void anInterimAnswerIsPassedOverAndNoContentHasNoBody() throws IOException {
        assertThat(parser.feed(buffer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"))).isTrue();
        assertThat(parser.status()).isEqualTo(204);
    }

    @Test
    void aBodyWithoutLengthEndsWithTheStreamAndACutBodyDoesNot() throws IOException {
        assertThat(parser.feed(buffer("HTTP/1.1 200\r\n\r\nuntil the end"))).isFalse();
        assertThat(parser.endOfStream()).isTrue();
        assertThat(parser.keepAlive()).isFalse();

        parser.reset();
        assertThat(parser.feed(buffer("HTTP/1.1 200\r\nContent-Length: 10\r\n\r\nhalf"))).isFalse();
        assertThat(parser.endOfStream()).isFalse();
    }

    @Test
    void somethingOtherThanHttpIsAnError() {
        assertThatThrownBy(() -> parser.feed(buffer("SSH-2.0-OpenSSH_9.6\r\n"))).isInstanceOf(IOException.class);
        parser.reset();
        assertThatThrownBy(() -> parser.feed(buffer("HTTP/1.1 200\r\nContent-Length: ten\r\n\r\n")))
                .isInstanceOf(IOException.class);
    }

    private static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(ascii(text));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
