package org.ev3cortex.agent;

import org.ev3cortex.seam.LoopStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts overrunning ticks against the stage that took longest in them (WPILib's epochs) and logs
 * them at most once per {@code agent.overrunLogIntervalMs}, so a slow machine does not flood the
 * brick's log.
 */
final class Overruns {
    private static final Logger log = LoggerFactory.getLogger(TickLoop.class);

    private final LoopStats stats;
    private long lastLogWall;
    private long sinceLog;

    Overruns(LoopStats stats) {
        this.stats = stats;
    }

    void report(long tick, int slowest, String slowestName, long tickNanos, long periodNanos, long logIntervalNanos,
            long nowWall) {
        stats.overrun(slowest);
        sinceLog++;
        if (nowWall - lastLogWall >= logIntervalNanos || lastLogWall == 0) {
            log.warn("tick {} overran: {} ms > {} ms period; slowest stage '{}' ({} ms); {} overrun(s) since the last report",
                    tick, tickNanos / 1_000_000.0, periodNanos / 1_000_000.0, slowestName,
                    stats.epochSummary(slowestName)[2] / 1_000_000.0, sinceLog);
            lastLogWall = nowWall;
            sinceLog = 0;
        }
    }
}
