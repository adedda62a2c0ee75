package io.github.camelvideo.core.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Records what one class logs while open. */
public final class CapturedLog implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;

    private CapturedLog(Class<?> source) {
        appender = new AbstractAppender("captured-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLoggerName().equals(source.getName())) {
                    lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        root().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    /** The captured lines, each the level then the message. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }

    private LoggerConfig root() {
        return context.getConfiguration().getRootLogger();
    }
}
