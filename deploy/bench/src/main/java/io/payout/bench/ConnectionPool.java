package io.payout.bench;

import io.payout.bench.PooledConnection.State;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The load generator's fixed set of keep-alive connections to one server and the selector they are registered with:
 * opening them (blocking before a run, non-blocking during one), handing out idle ones, and closing them. It knows
 * nothing of requests; the exchange loop decides what a closed connection means for the request it carried.
 */
final class ConnectionPool implements AutoCloseable {

    private final InetSocketAddress server;
    private final long idleLimitNanos;
    private final Selector selector;
    private final List<PooledConnection> connections;
    /** Used last in, first out: the most recently used connection is the next one used, so few are kept busy. */
    private final ArrayDeque<PooledConnection> idle = new ArrayDeque<>();
    private final ArrayDeque<PooledConnection> closed = new ArrayDeque<>();
    private long connects;
    private int connecting;

    /** The connections start closed: {@link #openClosed} opens them. */
    ConnectionPool(InetSocketAddress server, int size, long idleLimitNanos) throws IOException {
        this.server = server;
        this.idleLimitNanos = idleLimitNanos;
        this.selector = Selector.open();
        PooledConnection[] all = new PooledConnection[size];
        for (int i = 0; i < size; i++) {
            all[i] = new PooledConnection();
            closed.push(all[i]);
        }
        this.connections = List.of(all);
    }

    List<PooledConnection> all() {
        return connections;
    }

    /** How many connections have been opened so far, first ones included. */
    long connects() {
        return connects;
    }

    /** Connects begun and not yet finished. */
    int connecting() {
        return connecting;
    }

    boolean hasIdle() {
        return !idle.isEmpty();
    }

    boolean hasClosed() {
        return !closed.isEmpty();
    }

    PooledConnection nextClosed() {
        return closed.pop();
    }

    /** Waits at most {@code waitMillis} (0: not at all) for ready connections, and hands each to {@code onReady}. */
    void select(Consumer<SelectionKey> onReady, long waitMillis) throws IOException {
        if (waitMillis == 0) {
            selector.selectNow(onReady);
        } else {
            selector.select(onReady, waitMillis);
        }
    }

    /**
     * The most recently used idle connection, or null if none is idle. One idle too long is closed rather than used:
     * the server may be closing it just then, and the request would fail for the load generator's sake.
     */
    PooledConnection takeIdle(long now) {
        while (true) {
            PooledConnection c = idle.poll();
            if (c == null || now - c.since <= idleLimitNanos) {
                return c;
            }
            retire(c);
        }
    }

    /** Closes the idle connections that have been idle too long. */
    void closeIdleOver(long now) {
        for (PooledConnection c : connections) {
            if (c.state == State.IDLE && now - c.since > idleLimitNanos) {
                retire(c);
            }
        }
    }

    /** Opens every closed connection, blocking, so that a run starts with all of them. */
    void openClosed(long now) throws IOException {
        while (!closed.isEmpty()) {
            PooledConnection c = closed.pop();
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
            ready(c, now);
        }
    }

    /**
     * Begins opening {@code c} without waiting for it; a loopback connect may complete at once and leave it idle.
     *
     * @throws IOException if it failed at once; {@code c} is closed again
     */
    void connect(PooledConnection c, long now) throws IOException {
        connects++;
        c.since = now;
        try {
            c.channel = SocketChannel.open();
            c.channel.configureBlocking(false);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (c.channel.connect(server)) {
                c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
                ready(c, now);
            } else {
                c.key = c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                c.state = State.CONNECTING;
                connecting++;
            }
        } catch (IOException e) {
            discard(c);
            throw e;
        }
    }

    /** @return false if the connect is still under way */
    boolean finishConnect(PooledConnection c, long now) throws IOException {
        if (!c.channel.finishConnect()) {
            return false;
        }
        connecting--;
        c.key.interestOps(SelectionKey.OP_READ);
        ready(c, now);
        return true;
    }

    /** A connect that failed or hung: the connection is closed again. */
    void connectFailed(PooledConnection c) {
        connecting--;
        discard(c);
    }

    /** Makes {@code c} the next idle connection to be used. */
    void ready(PooledConnection c, long now) {
        c.state = State.IDLE;
        c.since = now;
        c.parser.reset();
        idle.push(c);
    }

    /** Closes an idle or busy connection; a connecting one goes through {@link #connectFailed}, which counts it. */
    void retire(PooledConnection c) {
        if (c.state == State.IDLE) {
            idle.remove(c);
        }
        discard(c);
    }

    private void discard(PooledConnection c) {
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

    @Override
    public void close() throws IOException {
        for (PooledConnection c : connections) {
            if (c.state != State.CLOSED) {
                discard(c);
            }
        }
        selector.close();
    }
}
