package org.ev3cortex.agent;

import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.seam.LoopState;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.body.Body;
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

    /**
     * In the simulator the world waits for the tick, so a tick stalled on the host costs the
     * simulated robot no time: the watchdog leaves its motors and percepts as they are, and the
     * run matches one without the stall command for command.
     */
    @Test
    void aHostStallLeavesASimulatedRobotAsItIs() throws Exception {
        long[] stalled = runWithStall(true);
        long[] smooth = runWithStall(false);
        assertThat(stalled).isEqualTo(smooth);
        assertThat(stalled[0]).as("the motor still ran while the tick was stuck").isNotZero();
    }

    /** Speeds after ticks 3 and 5 and the trips, on a simulated body; {@code stall}: tick 3 stuck 400 ms. */
    private long[] runWithStall(boolean stall) throws Exception {
        VirtualClock simClock = new VirtualClock();
        LoopbackBody loopback = new LoopbackBody(simClock, new String[] {"outB", "outC"}, new String[] {"in1"});
        Body simulated = new Body() {
            @Override public org.ev3cortex.body.Camera camera() { return loopback.camera(); }
            @Override public org.ev3cortex.body.Microphone microphone() { return loopback.microphone(); }
            @Override public org.ev3cortex.body.Motors motors() { return loopback.motors(); }
            @Override public org.ev3cortex.body.Battery battery() { return loopback.battery(); }
            @Override public org.ev3cortex.body.SystemStats systemStats() { return loopback.systemStats(); }
            @Override public org.ev3cortex.body.Touch touch() { return loopback.touch(); }
            @Override public org.ev3cortex.body.Clock clock() { return simClock; }
            @Override public String describe() { return "simulated " + loopback.describe(); }
            @Override public boolean simulated() { return true; }
            @Override public void close() { loopback.close(); }
        };
        long[] out = new long[3];
        Stage probe = new Stage() {
            @Override public String name() { return "probe"; }
            @Override public void update(TickData td) {
                if (stall && td.tick() == 3) TickLoopTest.busyWait(400_000_000L);
                if (td.tick() == 3) out[0] = loopback.motors().speed(0);
                if (td.tick() == 5) out[1] = loopback.motors().speed(0);
            }
        };
        Config c = config(10, 300).with(LoopKeys.WATCHDOG_MS, 100).with(LoopKeys.WATCHDOG_WARMUP_TICKS, 0);
        TickLoop loop = new TickLoop(simulated, List.of(new TickLoopTest.Driver(), probe), c);
        loop.runTicks(8);
        out[2] = loop.stats().watchdogTrips();
        return out;
    }
}
