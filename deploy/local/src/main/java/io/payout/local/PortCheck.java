package io.payout.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Every port the stack needs, checked before anything starts: a taken port found half-way through a start would
 * surface as some service's stack trace, after PostgreSQL and Kafka had already started for nothing.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(LaunchOptions options) {
        Map<Integer, LaunchOptions.Port> claimed = new HashMap<>();
        for (LaunchOptions.Port port : options.ports()) {
            LaunchOptions.Port other = claimed.putIfAbsent(port.number(), port);
            if (other != null) {
                throw new CannotStart("port " + port.number() + " is given to both " + other.owner() + " ("
                        + other.option() + ") and " + port.owner() + " (" + port.option() + ")");
            }
            if (!free(port.number())) {
                throw new CannotStart("port " + port.number() + " for " + port.owner()
                        + " is already in use; choose another with " + port.option() + " PORT");
            }
        }
    }

    /**
     * Whether a listener could bind the port on every address. SO_REUSEADDR as the services themselves set it, so
     * connections of a previous run still in TIME_WAIT do not count as "in use"; a listener on any address does.
     */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
