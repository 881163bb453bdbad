package io.payout.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The benchmarks' HTTP/1.1 load generator: one thread, one selector, a fixed pool of keep-alive connections, and
 * requests sent open loop, each at its scheduled time whatever happened to the earlier ones. It shares the two cores
 * with the system it measures, so it does as little as it can: the requests are encoded before the run, and of each
 * answer only the status line and the headers that delimit it are read. The JDK HttpClient, with a connection per
 * request in flight and a scheduler thread to send on time, would cost several times as much CPU per notice.
 *
 * <p>A request waits in line while every connection is busy and still counts from its scheduled time. A connection
 * that fails, or that the server closes before answering, ends its request with {@link #FAILED} and is opened again
 * when a request needs it. The server closing after an answer (Tomcat does after 100 requests on one connection) is
 * not a failure. Not thread-safe: every method runs on the caller's thread.
 */
final class LoadClient implements AutoCloseable {

    /** The status reported for a request that got no answer: connection refused, reset, closed or timed out. */
    static final int FAILED = 0;

    /** Told, on the client's thread, of each request's end and when it was seen (on the client's nanosecond clock). */
    interface Completion {
        void completed(int index, int status, long nanoTime);
    }

    private static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long TIMEOUT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A connection idle longer than this is closed rather than used: Tomcat closes idle connections after 60 s, and
     * a request sent just as it does would fail for the load generator's sake, not the server's.
     */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(20);
    /** The longest select, so that timeouts are checked even when nothing happens. */
    private static final long MAX_WAIT_MILLIS = 1000;

    private enum State { CLOSED, CONNECTING, IDLE, BUSY }

    private static final class Connection {
        final ResponseParser parser = new ResponseParser();
        State state = State.CLOSED;
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        int request = -1;
        /** When the request was sent, the connect began, or the connection became idle. */
        long since;
    }

    private final InetSocketAddress server;
    private final long idleLimitNanos;
    private final LongSupplier nanoClock;
    private final Selector selector;
    private final Connection[] connections;
    /** Used last in, first out: the most recently used connection is the next one used, so few are kept busy. */
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Connection> closed = new ArrayDeque<>();
    private final ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
    private final Map<String, Long> failures = new HashMap<>();
    private long connects;
    private int connecting;

    // the run in progress
    private List<byte[]> requests = List.of();
    private Completion completion;
    private int admitted;
    private int sent;
    private int finished;
    private long now;

    /** Opens {@code connections} connections to the host and port of {@code server} (blocking, before any run). */
    LoadClient(URI server, int connections) throws IOException {
        this(server, connections, IDLE_LIMIT, System::nanoTime);
    }

    /** With the clock that schedules, times and ages everything: System.nanoTime, or a test's. */
    LoadClient(URI server, int connections, Duration idleLimit, LongSupplier nanoClock) throws IOException {
        this.server = new InetSocketAddress(server.getHost(), server.getPort());
        this.idleLimitNanos = idleLimit.toNanos();
        this.nanoClock = nanoClock;
        this.selector = Selector.open();
        this.connections = new Connection[connections];
        for (int i = 0; i < connections; i++) {
            this.connections[i] = new Connection();
            closed.push(this.connections[i]);
        }
        openAll();
    }

    /** An HTTP/1.1 POST of {@code body} to {@code uri}, encoded once so that a run only writes bytes. */
    static byte[] post(URI uri, String contentType, byte[] body) {
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Opens again (blocking) the connections the server closed while idle (Tomcat does after its keep-alive timeout),
     * so that a run starts with all of them and sends nothing on a connection already closed at the other end.
     */
    void openAll() throws IOException {
        selector.selectNow(this::onReady);
        now = nanoClock.getAsLong();
        for (Connection c : connections) {
            if (c.state == State.IDLE && now - c.since > idleLimitNanos) {
                close(c, null);
            }
        }
        while (!closed.isEmpty()) {
            Connection c = closed.pop();
            SocketChannel channel = SocketChannel.open();
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(server);
                channel.configureBlocking(false);
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
            } catch (IOException e) {
                channel.close();
                closed.push(c);
                throw e;
            }
            connects++;
            c.channel = channel;
            ready(c);
        }
    }

    /** How many connections have been opened so far, first ones included. */
    long connects() {
        return connects;
    }

    /**
     * Sends request {@code i} at {@code t0 + i * intervalNanos} (on the client's clock), with at most {@code maxOutstanding}
     * requests sent or waiting for a connection (a request over that waits, still counted from its scheduled time),
     * and returns once every request has ended, reporting each to {@code completion}.
     *
     * @return when the last request was taken in (scheduled, and under the outstanding bound)
     */
    long run(List<byte[]> requests, long t0, long intervalNanos, int maxOutstanding, Completion completion)
            throws IOException {
        this.requests = requests;
        this.completion = completion;
        admitted = 0;
        sent = 0;
        finished = 0;
        failures.clear();
        int n = requests.size();
        long allAdmitted = t0;
        long nextTimeoutCheck = nanoClock.getAsLong() + TIMEOUT_CHECK_NANOS;
        while (finished < n) {
            now = nanoClock.getAsLong();
            while (admitted < n && admitted - finished < maxOutstanding && t0 + admitted * intervalNanos <= now) {
                if (++admitted == n) {
                    allAdmitted = now;
                }
            }
            dispatch();
            if (now >= nextTimeoutCheck) {
                expire();
                nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
            }
            long waitMillis = MAX_WAIT_MILLIS;
            if (admitted < n && admitted - finished < maxOutstanding) {
                long wait = t0 + admitted * intervalNanos - nanoClock.getAsLong();
                waitMillis = wait <= 0 ? 0 : Math.min(waitMillis, (wait + 999_999) / 1_000_000);
            }
            if (waitMillis == 0) {
                selector.selectNow(this::onReady);
            } else {
                selector.select(this::onReady, waitMillis);
            }
        }
        this.requests = List.of();
        this.completion = null;
        return allAdmitted;
    }

    /** Hands waiting requests to idle connections, and opens closed ones if none is idle. */
    private void dispatch() {
        while (sent < admitted) {
            Connection c = idle.poll();
            if (c != null && now - c.since > idleLimitNanos) {
                close(c, null);
                continue;
            }
            if (c == null) {
                while (connecting < admitted - sent && !closed.isEmpty()) {
                    connect(closed.pop());
                }
                if (idle.isEmpty()) {
                    return; // the rest wait for an answer or a connect
                }
                continue; // a loopback connect may complete at once: use it now, not at the next wake-up
            }
            c.state = State.BUSY;
            c.request = sent++;
            c.since = now;
            c.out = ByteBuffer.wrap(requests.get(c.request));
            write(c);
        }
    }

    private void connect(Connection c) {
        connects++;
        c.since = now;
        try {
            c.channel = SocketChannel.open();
            c.channel.configureBlocking(false);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (c.channel.connect(server)) {
                c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
                ready(c);
            } else {
                c.key = c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                c.state = State.CONNECTING;
                connecting++;
            }
        } catch (IOException e) {
            connectFailed(c, e);
        }
    }

    private void onReady(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        if (!key.isValid() || c.key != key) {
            return;
        }
        now = nanoClock.getAsLong();
        try {
            if (key.isConnectable()) {
                if (!c.channel.finishConnect()) {
                    return;
                }
                connecting--;
                key.interestOps(SelectionKey.OP_READ);
                ready(c);
                return;
            }
            if (key.isWritable()) {
                write(c);
            }
            if (c.key == key && key.isReadable()) {
                read(c);
            }
        } catch (IOException e) {
            if (c.state == State.CONNECTING) {
                connecting--;
                connectFailed(c, e);
            } else {
                close(c, e.toString());
            }
        }
    }

    private void ready(Connection c) {
        c.state = State.IDLE;
        c.since = now;
        c.parser.reset();
        idle.push(c);
    }

    /**
     * A connection that could not be opened takes the first waiting request down with it (as a failure), so that a
     * server that refuses every connection ends the run instead of holding it forever.
     */
    private void connectFailed(Connection c, Object why) {
        discard(c);
        if (sent < admitted) {
            failed("connect failed: " + why);
            end(sent++, FAILED);
        }
    }

    private void write(Connection c) {
        try {
            c.channel.write(c.out);
        } catch (IOException e) {
            close(c, e.toString());
            return;
        }
        int ops = c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (c.key.interestOps() != ops) {
            c.key.interestOps(ops);
        }
    }

    private void read(Connection c) throws IOException {
        in.clear();
        int read = c.channel.read(in);
        if (read < 0) {
            if (c.state == State.BUSY && c.parser.endOfStream()) {
                answered(c);
            }
            close(c, "closed by the server before the answer");
            return;
        }
        in.flip();
        if (c.state != State.BUSY) {
            close(c, null); // an answer nobody asked for: the connection is out of step
            return;
        }
        if (c.parser.feed(in)) {
            answered(c);
            // an early answer to a request not yet fully written (a 413, say) leaves the connection out of step too
            if (!c.parser.keepAlive() || in.hasRemaining() || c.out.hasRemaining()) {
                close(c, null);
            } else {
                ready(c);
            }
        }
    }

    private void answered(Connection c) {
        int request = c.request;
        c.request = -1;
        end(request, c.parser.status());
    }

    /** Fails the requests that have waited too long for their answer, and the connects that hang. */
    private void expire() {
        for (Connection c : connections) {
            if ((c.state == State.BUSY || c.state == State.CONNECTING) && now - c.since > REQUEST_TIMEOUT_NANOS) {
                if (c.state == State.CONNECTING) {
                    connecting--;
                    connectFailed(c, "no connection within 30 s");
                } else {
                    close(c, "no answer within 30 s");
                }
            }
        }
    }

    /** Closes a connection; the request it carried, if any, ends as {@link #FAILED} for the reason given. */
    private void close(Connection c, String why) {
        if (c.state == State.IDLE) {
            idle.remove(c);
        }
        if (c.request >= 0) {
            int request = c.request;
            c.request = -1;
            failed(why);
            end(request, FAILED);
        }
        discard(c);
    }

    private void failed(String why) {
        failures.merge(why, 1L, Long::sum);
    }

    /** Why requests of the last run ended as {@link #FAILED}, and how many times each. */
    Map<String, Long> failures() {
        return new TreeMap<>(failures);
    }

    private void discard(Connection c) {
        if (c.key != null) {
            c.key.cancel();
            c.key = null;
        }
        try {
            if (c.channel != null) {
                c.channel.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        c.channel = null;
        c.state = State.CLOSED;
        closed.push(c);
    }

    private void end(int request, int status) {
        finished++;
        completion.completed(request, status, now);
    }

    @Override
    public void close() throws IOException {
        for (Connection c : connections) {
            if (c.state != State.CLOSED) {
                discard(c);
            }
        }
        selector.close();
    }
}
