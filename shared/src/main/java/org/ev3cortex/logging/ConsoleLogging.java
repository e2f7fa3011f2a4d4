package org.ev3cortex.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logging set up in code, for the brick ({@code BrickLogging}) and the simulator
 * ({@code SimLogging}): one console appender and the line {@code HH:mm:ss.SSS LEVEL Logger -
 * message}. Why not logback.xml: parsing it pulls in Joran, an XML parser, the pattern compiler
 * and java.time, several hundred classes that the brick's C1 JVM loads slowly before the first
 * tick, and that cost the simulator about 0.3 s of CPU and a busy C2 while its first ticks run.
 * A {@code -Dlogback.configurationFile=...} or a {@code logback-test.xml} on the class path still
 * wins.
 *
 * <p>A subclass says where the lines go and at what level. The configurator is also the status
 * listener that prints logback's own warnings and errors: one class fewer for the brick to load.
 * Logback is an optional dependency of this module: each runtime that installs a subclass brings
 * its own.
 */
public abstract class ConsoleLogging extends ContextAwareBase implements Configurator, StatusListener, LifeCycle {
    private boolean started;

    /** Logback's console target: {@code "System.out"} or {@code "System.err"}. */
    protected abstract String target();

    /** The root logger's level. */
    protected abstract Level rootLevel();

    @Override
    public final ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // With a status listener in place, logback does not load its StatusPrinter after
        // configuring, whose date formatter pulls in ~60 java.time classes before the first tick.
        // Logback's own warnings and errors still reach stderr (addStatusEvent).
        setContext(context);
        start();
        context.getStatusManager().add(this);
        Line layout = new Line();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget(target());
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Prints logback's own warnings and errors (not its info chatter) to stderr, undecorated. */
    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN) {
            System.err.println("logback: " + status.getMessage()
                    + (status.getThrowable() == null ? "" : " (" + status.getThrowable() + ")"));
        }
    }

    @Override public void start() { started = true; }
    @Override public void stop() { started = false; }
    @Override public boolean isStarted() { return started; }

    /** {@code HH:mm:ss.SSS LEVEL Logger - message} and any stack trace, formatted by hand (no pattern compiler, no java.time). */
    public static final class Line extends LayoutBase<ILoggingEvent> {
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
