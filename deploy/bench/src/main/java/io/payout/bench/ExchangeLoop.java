package io.payout.bench;

import io.payout.bench.PooledConnection.State;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The per-connection I/O of a run: writes each request taken in on an idle connection, reads its answer as the selector
 * reports the connection ready, and ends every request exactly once, with its status or {@link LoadClient#FAILED}.
 * Every end is stamped with the clock as last read, so an answer's time is when its readiness was handled, not when the
 * loop next came round.
 */
final class ExchangeLoop {

    private static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ConnectionPool pool;
    private final LongSupplier nanoClock;
    private final ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
    private final Map<String, Long> failures = new HashMap<>();

    // the run in progress
    private List<byte[]> requests = List.of();
    private LoadClient.Completion completion;
    private int admitted;
    private int sent;
    private int finished;
    private long now;

    ExchangeLoop(ConnectionPool pool, LongSupplier nanoClock) {
        this.pool = pool;
        this.nanoClock = nanoClock;
    }

    /** See {@link LoadClient#openAll}: the closes already reported are handled first, so they are reopened too. */
    void openAll() throws IOException {
        pool.select(this::onReady, 0);
        now = nanoClock.getAsLong();
        pool.closeIdleOver(now);
        pool.openClosed(now);
    }

    void begin(List<byte[]> requests, LoadClient.Completion completion) {
        this.requests = requests;
        this.completion = completion;
        admitted = 0;
        sent = 0;
        finished = 0;
        failures.clear();
    }

    void end() {
        requests = List.of();
        completion = null;
    }

    int finished() {
        return finished;
    }

    /** Why requests of the last run ended as {@link LoadClient#FAILED}, and how many times each. */
    Map<String, Long> failures() {
        return new TreeMap<>(failures);
    }

    /** Hands the requests taken in and not yet sent to idle connections, and opens closed ones if none is idle. */
    void dispatch(int admitted, long now) {
        this.admitted = admitted;
        this.now = now;
        while (sent < admitted) {
            PooledConnection c = pool.takeIdle(now);
            if (c == null) {
                while (pool.connecting() < admitted - sent && pool.hasClosed()) {
                    try {
                        pool.connect(pool.nextClosed(), now);
                    } catch (IOException e) {
                        failWaiting("connect failed: " + e);
                    }
                }
                if (!pool.hasIdle()) {
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

    /** Waits at most {@code waitMillis} for the connections, and handles each one ready. */
    void await(long waitMillis) throws IOException {
        pool.select(this::onReady, waitMillis);
    }

    /** Fails the requests that have waited too long for their answer, and the connects that hang. */
    void expire(long now) {
        this.now = now;
        for (PooledConnection c : pool.all()) {
            if ((c.state == State.BUSY || c.state == State.CONNECTING) && now - c.since > REQUEST_TIMEOUT_NANOS) {
                if (c.state == State.CONNECTING) {
                    pool.connectFailed(c);
                    failWaiting("connect failed: no connection within 30 s");
                } else {
                    close(c, "no answer within 30 s");
                }
            }
        }
    }

    private void onReady(SelectionKey key) {
        PooledConnection c = (PooledConnection) key.attachment();
        if (!key.isValid() || c.key != key) {
            return;
        }
        now = nanoClock.getAsLong();
        try {
            if (key.isConnectable()) {
                pool.finishConnect(c, now);
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
                pool.connectFailed(c);
                failWaiting("connect failed: " + e);
            } else {
                close(c, e.toString());
            }
        }
    }

    /**
     * A connection that could not be opened takes the first waiting request down with it (as a failure), so that a
     * server that refuses every connection ends the run instead of holding it forever.
     */
    private void failWaiting(String why) {
        if (sent < admitted) {
            failed(why);
            end(sent++, LoadClient.FAILED);
        }
    }

    private void write(PooledConnection c) {
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

    private void read(PooledConnection c) throws IOException {
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
                pool.ready(c, now);
            }
        }
    }

    private void answered(PooledConnection c) {
        int request = c.request;
        c.request = -1;
        end(request, c.parser.status());
    }

    /** Closes a connection; the request it carried, if any, ends as {@link LoadClient#FAILED} for the reason given. */
    private void close(PooledConnection c, String why) {
        if (c.request >= 0) {
            int request = c.request;
            c.request = -1;
            failed(why);
            end(request, LoadClient.FAILED);
        }
        pool.retire(c);
    }

    private void failed(String why) {
        failures.merge(why, 1L, Long::sum);
    }

    private void end(int request, int status) {
        finished++;
        completion.completed(request, status, now);
    }
}
