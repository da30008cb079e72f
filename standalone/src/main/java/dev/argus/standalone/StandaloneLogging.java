package dev.argus.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Logging for three Spring contexts in one JVM: configured once, here, from {@code logback.xml} (console) plus a
 * rolling file under the data directory. Each context would otherwise re-initialise (and on close shut down) the
 * shared Logback, so Spring Boot's logging system is switched off for them. Levels can still be set the Spring way,
 * e.g. {@code --logging.level.dev.argus=DEBUG} or {@code LOGGING_LEVEL_DEV_ARGUS=DEBUG}.
 */
final class StandaloneLogging {

    private static final String FILE_APPENDER = "ARGUS_FILE";

    private StandaloneLogging() {
    }

    /**
     * Switches Spring Boot's logging system off for the contexts (they share this JVM's Logback) and sends
     * {@code java.util.logging} (Tomcat) to SLF4J, as Spring Boot would. Must run before the first context starts;
     * {@link Standalone#start} does.
     */
    static void shareOneLogback() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Applies {@code logging.level.*} from the arguments, system properties and environment. */
    static void configure(String[] args) {
        shareOneLogback();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Map<String, String> levels = Binder.get(StandaloneProperties.environment(args))
                .bind("logging.level", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        levels.forEach((name, level) -> context.getLogger(name.equalsIgnoreCase("root")
                ? org.slf4j.Logger.ROOT_LOGGER_NAME : name).setLevel(Level.toLevel(level, null)));
    }

    /** Also writes the log to {@code <dataDir>/logs/argus.log} (10 MB per file, 7 files kept). */
    static void logToFile(Path dataDir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(FILE_APPENDER) != null) {
            return;
        }
        Path logs = dataDir.resolve("logs");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p [%t] %logger{39} : %m%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(FILE_APPENDER);
        appender.setFile(logs.resolve("argus.log").toString());
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logs.resolve("argus.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(7);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        root.addAppender(appender);
    }
}
