package io.payout.bench;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of the load generator's pool and the request it carries. Plain fields, no locking: the
 * pool and the exchange loop use it on the load generator's one thread.
 */
final class PooledConnection {

    enum State { CLOSED, CONNECTING, IDLE, BUSY }

    /** Kept with the connection, so an answer split over several reads is resumed where the last one stopped. */
    final ResponseParser parser = new ResponseParser();
    State state = State.CLOSED;
    SocketChannel channel;
    SelectionKey key;
    ByteBuffer out;
    int request = -1;
    /** When the request was sent, the connect began, or the connection became idle. */
    long since;
}
