package org.ev3cortex.robot;

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
 * The brick's logging, set up in code: one console appender and a fixed line format. Why not
 * logback.xml: parsing it pulls in Joran, an XML parser, the pattern compiler and java.time,
 * several hundred classes that the brick's C1 JVM loads slowly before the first tick. A
 * {@code -Dlogback.configurationFile=...} (debugging on the brick) or a {@code logback-test.xml}
 * (tests) still wins.
 *
 * <p>Level: {@code -Dev3cortex.log.level=DEBUG} (INFO by default).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class BrickLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || BrickLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // With a status listener in place, logback does not load its StatusPrinter after
        // configuring, whose date formatter pulls in ~60 java.time classes before the first tick.
        // Logback's own errors still reach stderr.
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
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(context);
        out.setName("OUT");
        out.setEncoder(encoder);
        out.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("ev3cortex.log.level"), Level.INFO));
        root.addAppender(out);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
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

    /** {@code HH:mm:ss.SSS LEVEL Logger - message}, formatted by hand (no pattern compiler, no java.time). */
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
