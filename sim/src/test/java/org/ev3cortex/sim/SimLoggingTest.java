package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.ev3cortex.logging.ConsoleLogging;
import org.junit.jupiter.api.Test;

/** The simulator's hand-made log line is the one its former logback.xml pattern printed. */
class SimLoggingTest {

    private static LoggingEvent event(LoggerContext ctx, String logger, Level level, String msg, Throwable t,
            long millis, Object... args) {
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger(logger), level, msg, t, args);
        e.setTimeStamp(millis);
        return e;
    }

    @Test
    void lineMatchesTheFormerPattern() {
        LoggerContext ctx = new LoggerContext();
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(ctx);
        pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        pattern.start();
        ConsoleLogging.Line line = new ConsoleLogging.Line();
        line.setContext(ctx);
        line.start();
        long[] times = {0L, 1_733_222_333_004L, 1_733_260_799_999L, 1_700_000_000_120L, 86_399_999L};
        Level[] levels = {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE};
        for (int i = 0; i < times.length; i++) {
            LoggingEvent e = event(ctx, i % 2 == 0 ? "org.ev3cortex.m1.MotorCortex" : "Root", levels[i],
                    "value {} of {}", null, times[i], i, "x");
            assertThat(line.doLayout(e)).isEqualTo(pattern.doLayout(e));
        }
    }

    @Test
    void aThrowableFollowsTheLineWithItsCause() {
        LoggerContext ctx = new LoggerContext();
        ConsoleLogging.Line line = new ConsoleLogging.Line();
        line.setContext(ctx);
        line.start();
        Exception e = new IllegalStateException("outer", new java.io.IOException("inner"));
        String[] lines = line.doLayout(event(ctx, "a.B", Level.WARN, "failed", e, 0)).split("\\R");
        assertThat(lines[0]).endsWith("WARN  B - failed");
        assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: outer");
        assertThat(lines[2]).startsWith("\tat org.ev3cortex.sim.SimLoggingTest.");
        assertThat(lines).contains("Caused by: java.io.IOException: inner");
    }

    @Test
    void levelIsWarnUnlessTheSystemPropertySaysOtherwise() {
        String before = System.getProperty(SimLogging.LEVEL_PROPERTY);
        try {
            System.clearProperty(SimLogging.LEVEL_PROPERTY);
            if (System.getenv(SimLogging.LEVEL_PROPERTY) == null) assertThat(SimLogging.level()).isEqualTo(Level.WARN);
            System.setProperty(SimLogging.LEVEL_PROPERTY, "DEBUG");
            assertThat(SimLogging.level()).isEqualTo(Level.DEBUG);
        } finally {
            if (before == null) System.clearProperty(SimLogging.LEVEL_PROPERTY);
            else System.setProperty(SimLogging.LEVEL_PROPERTY, before);
        }
    }
}
