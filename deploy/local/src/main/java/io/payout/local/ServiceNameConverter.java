package io.payout.local;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %service} in the launcher's log pattern: the {@link ServiceName} of the line. Appenders here are
 * synchronous, so this runs on the thread that logged, whose inherited name it reads. Public for logback.
 */
public final class ServiceNameConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return ServiceName.of(event.getLoggerName());
    }
}
