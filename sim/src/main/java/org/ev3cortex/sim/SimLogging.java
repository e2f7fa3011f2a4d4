package org.ev3cortex.sim;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import org.ev3cortex.logging.ConsoleLogging;

/**
 * The simulator's logging, set up in code as the brick's ({@link ConsoleLogging}): lines on
 * stderr, so stdout keeps the progress bar and the summary. Without logback.xml, Joran, its XML
 * parser and the pattern layout (whose converter table alone spins about 70 lambda classes) do
 * not cost start-up about 0.3 s of CPU, and C2 does not spend about 0.5 s compiling ASM's frame
 * analysis while the run's first ticks wait for the compiler.
 *
 * <p>Level: {@code -Dev3cortex.log.level=INFO} (or the environment variable of that name);
 * WARN by default.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class SimLogging extends ConsoleLogging {
    static final String LEVEL_PROPERTY = "ev3cortex.log.level";

    @Override
    protected String target() {
        return "System.err";
    }

    @Override
    protected Level rootLevel() {
        return level();
    }

    /** The root level: the system property, else the environment variable, else WARN. */
    static Level level() {
        String v = System.getProperty(LEVEL_PROPERTY);
        if (v == null) v = System.getenv(LEVEL_PROPERTY);
        return Level.toLevel(v, Level.WARN);
    }
}
