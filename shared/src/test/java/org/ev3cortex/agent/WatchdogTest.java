package org.ev3cortex.agent;

import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.seam.LoopState;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.VirtualClock;
import org.ev3cortex.config.Config;
import org.junit.jupiter.api.Test;

/** The watchdog stops the motors while a stage is stuck, from its own thread. */
class WatchdogTest {
    private final VirtualClock clock = new VirtualClock();
    private final LoopbackBody body = new LoopbackBody(clock, new String[] {"outB", "outC"}, new String[] {"in1"});

    private static Config config(int periodMs, int expiryMs) throws Exception {
        return TickLoopTest.config(periodMs, expiryMs);
    }

    @Test
    void watchdogStopsTheMotorsWhileAStageIsStuck() throws Exception {
        long[] speedSeenWhileStuck = {-1};
        TickLoop[] loopRef = new TickLoop[1];
        Stage stuck = new Stage() {
            @Override public String name() { return "stuck"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                if (in.tick == 3) {
                    // Stuck well past the 100 ms watchdog: at least 400 ms, and on a loaded machine
                    // until the watchdog's thread has had its turn (at most 10 s).
                    long start = System.nanoTime();
                    while (System.nanoTime() - start < 400_000_000L
                            || (loopRef[0].stats().watchdogTrips() == 0 && System.nanoTime() - start < 10_000_000_000L)) {
                        Thread.onSpinWait();
                    }
                    speedSeenWhileStuck[0] = body.motors().speed(0);
                }
            }
        };
        Config c = config(10, 300).with(LoopKeys.WATCHDOG_MS, 100);
        TickLoop loop = new TickLoop(body, List.of(new TickLoopTest.Driver(), stuck), c);
        loopRef[0] = loop;
        loop.runTicks(5);
        assertThat(speedSeenWhileStuck[0]).isZero();
        assertThat(loop.stats().watchdogTrips()).isEqualTo(1);
    }

    @Test
    void theFirstTicksWarmUpWithoutTrippingButAStuckTickLaterDoes() throws Exception {
        Stage slowStart = new Stage() {
            @Override public String name() { return "warming"; }
            @Override public void update(TickData td) {
                // 300 ms with a 100 ms watchdog: in tick 0 (interpreted, loading classes on the
                // brick) that is a warm-up; in tick 25 it is a stuck stage.
                if (td.tick() == 0 || td.tick() == 25) TickLoopTest.busyWait(300_000_000L);
            }
        };
        Config c = config(10, 300).with(LoopKeys.WATCHDOG_MS, 100).with(LoopKeys.WATCHDOG_WARMUP_TICKS, 20);
        TickLoop loop = new TickLoop(body, List.of(new TickLoopTest.Driver(), slowStart), c);
        loop.runTicks(10);
        assertThat(loop.stats().watchdogTrips()).as("warm-up: 10 x 100 ms allowed").isZero();
        loop.runTicks(20);
        assertThat(loop.stats().watchdogTrips()).as("tick 25 is past the warm-up").isEqualTo(1);
    }
}
