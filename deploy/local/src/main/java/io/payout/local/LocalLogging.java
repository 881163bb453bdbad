package io.payout.local;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The launcher's one logging configuration ({@code local-stack-logback.xml}), made before anything starts.
 * Spring Boot's logging system is per JVM, but each service's context would initialise it again: contexts starting
 * in parallel raced on it ("Unable to find Spring Environment in logger context"), each added its own file
 * appender (every line twice), and the last one's application name stuck to every line. So Spring is told to
 * leave logging alone, and the service name is the {@code %service} of {@link ServiceNameConverter}.
 */
final class LocalLogging {

    private static final String CONFIGURATION = "local-stack-logback.xml";
    /** Writes to the log file only (see the configuration), for what the console already said in one line. */
    static final String FAILURE_LOGGER = "io.payout.local.failure";

    private LocalLogging() {
    }

    /** Must run before any Spring application starts: the system property is read when each one starts. */
    static void configure(Path logFile, boolean verbose) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("LOCAL_STACK_LOG_FILE", logFile.toAbsolutePath().toString());
        // The console is for the launcher's own table and the demo; the services log to the file.
        context.putProperty("LOCAL_STACK_CONSOLE_LEVEL", verbose ? "TRACE" : "WARN");
        context.putProperty("LOCAL_STACK_QUIET_BROKER", Boolean.toString(!verbose));
        URL configuration = LocalLogging.class.getClassLoader().getResource(CONFIGURATION);
        if (configuration == null) {
            throw new IllegalStateException(CONFIGURATION + " is not on the class path");
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + CONFIGURATION, e);
        }
        // Tomcat logs through java.util.logging; Spring Boot's logging system used to bridge it, and no longer runs.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
