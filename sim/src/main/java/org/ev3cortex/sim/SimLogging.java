package org.ev3cortex.sim;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The simulator's logging, set up in code (as the brick's {@code BrickLogging}): one console
 * appender on stderr and the line {@code HH:mm:ss.SSS LEVEL Logger - message}. Why not
 * logback.xml: Joran, its XML parser and the pattern layout (whose converter table alone spins
 * about 70 lambda classes) cost about 0.3 s of CPU at start-up, and C2 then spends about 0.5 s
 * compiling ASM's frame analysis while the run's first ticks wait for the compiler. A
 * {@code -Dlogback.configurationFile=...} or a {@code logback-test.xml} on the class path still wins.
 *
 * <p>Level: {@code -Dev3cortex.log.level=INFO} (or the environment variable of that name);
 * WARN by default.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class SimLogging extends ContextAwareBase implements Configurator {
    static final String LEVEL_PROPERTY = "ev3cortex.log.level";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || SimLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // With a status listener in place logback does not print its status after configuring;
        // its own warnings and errors still reach stderr.
        ErrorsToStderr listener = new ErrorsToStderr();
        listener.setContext(context);
        listener.start();
        context.getStatusManager().add(listener);
        Line layout = new Line();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("STDERR");
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level());
        root.addAppender(err);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root level: the system property, else the environment variable, else WARN. */
    static Level level() {
        String v = System.getProperty(LEVEL_PROPERTY);
        if (v == null) v = System.getenv(LEVEL_PROPERTY);
        return Level.toLevel(v, Level.WARN);
    }

    /** Prints logback's own warnings and errors (not its info chatter) to stderr, undecorated. */
    static final class ErrorsToStderr extends ContextAwareBase
            implements ch.qos.logback.core.status.StatusListener, ch.qos.logback.core.spi.LifeCycle {
        private boolean started;

        @Override
        public void addStatusEvent(ch.qos.logback.core.status.Status status) {
            if (status.getEffectiveLevel() >= ch.qos.logback.core.status.Status.WARN) {
                System.err.println("logback: " + status.getMessage()
                        + (status.getThrowable() == null ? "" : " (" + status.getThrowable() + ")"));
            }
        }

        @Override public void start() { started = true; }
        @Override public void stop() { started = false; }
        @Override public boolean isStarted() { return started; }
    }

    /** {@code HH:mm:ss.SSS LEVEL Logger - message} and any stack trace, formatted by hand. */
    static final class Line extends LayoutBase<ILoggingEvent> {
        private static final long DAY_MS = 86_400_000L;

        @Override
        public String doLayout(ILoggingEvent e) {
            StringBuilder b = new StringBuilder(128);
            long ms = Math.floorMod(e.getTimeStamp() + java.util.TimeZone.getDefault().getOffset(e.getTimeStamp()), DAY_MS);
            two(b, (int) (ms / 3_600_000)).append(':');
            two(b, (int) (ms / 60_000 % 60)).append(':');
            two(b, (int) (ms / 1000 % 60)).append('.');
            int milli = (int) (ms % 1000);
            if (milli < 100) b.append('0');
            if (milli < 10) b.append('0');
            b.append(milli);
            String level = e.getLevel().toString();
            b.append(' ').append(level);
            for (int i = level.length(); i < 5; i++) b.append(' ');
            String name = e.getLoggerName();
            b.append(' ').append(name, name.lastIndexOf('.') + 1, name.length()).append(" - ")
                    .append(e.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                b.append(t == e.getThrowableProxy() ? "" : "Caused by: ").append(t.getClassName()).append(": ")
                        .append(t.getMessage()).append(CoreConstants.LINE_SEPARATOR);
                for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                    b.append("\tat ").append(s.getStackTraceElement()).append(CoreConstants.LINE_SEPARATOR);
                }
            }
            return b.toString();
        }

        private static StringBuilder two(StringBuilder b, int v) {
            if (v < 10) b.append('0');
            return b.append(v);
        }
    }
}
