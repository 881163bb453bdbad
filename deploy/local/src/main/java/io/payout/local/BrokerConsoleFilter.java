package io.payout.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the broker's warnings off the console (they stay in the log file): Kafka warns at every first start
 * ("the metadata log appears to be empty") and every stop ("closing a NetworkClient already closed"), none of
 * which the user can act on. Its errors still show, and with --verbose everything does. Public for logback.
 */
public final class BrokerConsoleFilter extends Filter<ILoggingEvent> {

    private boolean quiet = true;

    /** {@code <quiet>false</quiet>} lets everything through (--verbose). */
    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!quiet) {
            return FilterReply.NEUTRAL;
        }
        boolean broker = ServiceName.KAFKA.equals(ServiceName.of(event.getLoggerName()));
        return broker && !event.getLevel().isGreaterOrEqual(Level.ERROR) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
