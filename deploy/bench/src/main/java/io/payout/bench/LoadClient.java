package io.payout.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The benchmarks' HTTP/1.1 load generator: one thread, one selector, a fixed pool of keep-alive connections
 * ({@link ConnectionPool}), and requests sent open loop ({@link OpenLoopSchedule}), each at its scheduled time whatever
 * happened to the earlier ones. It shares the two cores with the system it measures, so it does as little as it can:
 * the requests are encoded before the run, and of each answer only the status line and the headers that delimit it are
 * read ({@link ExchangeLoop}, {@link ResponseParser}). The selector's timeout is the send clock, so no scheduler thread
 * spins between sends.
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

    private static final long TIMEOUT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A connection idle longer than this is closed rather than used: Tomcat closes idle connections after 60 s, and
     * a request sent just as it does would fail for the load generator's sake, not the server's.
     */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(20);

    private final LongSupplier nanoClock;
    private final ConnectionPool pool;
    private final ExchangeLoop exchanges;

    /** Opens {@code connections} connections to the host and port of {@code server} (blocking, before any run). */
    LoadClient(URI server, int connections) throws IOException {
        this(server, connections, IDLE_LIMIT, System::nanoTime);
    }

    /** With the clock that schedules, times and ages everything: System.nanoTime, or a test's. */
    LoadClient(URI server, int connections, Duration idleLimit, LongSupplier nanoClock) throws IOException {
        this.nanoClock = nanoClock;
        this.pool = new ConnectionPool(new InetSocketAddress(server.getHost(), server.getPort()), connections,
                idleLimit.toNanos());
        this.exchanges = new ExchangeLoop(pool, nanoClock);
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
        exchanges.openAll();
    }

    /** How many connections have been opened so far, first ones included. */
    long connects() {
        return pool.connects();
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
        int n = requests.size();
        OpenLoopSchedule schedule = new OpenLoopSchedule(n, t0, intervalNanos, maxOutstanding);
        exchanges.begin(requests, completion);
        long nextTimeoutCheck = nanoClock.getAsLong() + TIMEOUT_CHECK_NANOS;
        while (exchanges.finished() < n) {
            long now = nanoClock.getAsLong();
            exchanges.dispatch(schedule.admit(now, exchanges.finished()), now);
            if (now >= nextTimeoutCheck) {
                exchanges.expire(now);
                nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
            }
            exchanges.await(schedule.waitMillis(exchanges.finished(), nanoClock));
        }
        exchanges.end();
        return schedule.allAdmitted();
    }

    /** Why requests of the last run ended as {@link #FAILED}, and how many times each. */
    Map<String, Long> failures() {
        return exchanges.failures();
    }

    @Override
    public void close() throws IOException {
        pool.close();
    }
}
