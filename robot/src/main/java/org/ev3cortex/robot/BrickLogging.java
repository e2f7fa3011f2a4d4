package org.ev3cortex.robot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import org.ev3cortex.logging.ConsoleLogging;

/**
 * The brick's logging, set up in code ({@link ConsoleLogging}: no logback.xml, so no Joran and no
 * pattern compiler before the first tick): lines on stdout, which the brick's launcher logs.
 *
 * <p>Level: {@code -Dev3cortex.log.level=DEBUG} (INFO by default).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class BrickLogging extends ConsoleLogging {
    @Override
    protected String target() {
        return "System.out";
    }

    @Override
    protected Level rootLevel() {
        return Level.toLevel(System.getProperty("ev3cortex.log.level"), Level.INFO);
    }
}
