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

/** The loop against an in-memory body on a virtual clock: the same code the brick runs. */
class TickLoopTest {

    private final VirtualClock clock = new VirtualClock();
    private final LoopbackBody body = new LoopbackBody(clock, new String[] {"outB", "outC"}, new String[] {"in1"});

    /** A stage that drives both wheels forward while {@code drive} says so, and records what it saw. */
    static final class Driver implements Stage {
        int speed = 500;
        long stopCommandingAtTick = Long.MAX_VALUE;
        final List<Integer> speedsSeen = new ArrayList<>();

        @Override public String name() { return "driver"; }

        @Override
        public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
            speedsSeen.add(in.motors.speedCountsPerSec[0]);
            if (in.tick < stopCommandingAtTick) {
                out.runForever(0, speed);
                out.runForever(1, speed);
            }
        }
    }

    private static Config config(int periodMs, int expiryMs) throws Exception {
        return AgentSchema.defaults().with(LoopKeys.PERIOD_MS, periodMs).with(LoopKeys.MOTOR_EXPIRY_MS, expiryMs);
    }

    @Test
    void ticksAtTheConfiguredPeriodOnTheBodyClock() throws Exception {
        Driver d = new Driver();
        TickLoop loop = new TickLoop(body, List.of(d), config(100, 300));
        assertThat(loop.runTicks(50)).isEqualTo(LoopState.STOPPED);
        assertThat(loop.tick()).isEqualTo(50);
        // 50 ticks at 100 ms: the 50th tick starts at 4.9 s, the loop then sleeps to 5.0 s.
        assertThat(clock.nanoTime()).isEqualTo(5_000_000_000L);
        // The loopback motors integrated 500 counts/s over the 4.9 s between the first and last tick.
        assertThat(body.motors().position(0)).isEqualTo(500 * 5.0);
        assertThat(loop.stats().ticks()).isEqualTo(50);
        assertThat(loop.stats().epochNames()).containsExactly("read", "driver", "write");
    }

    @Test
    void commandsAreClampedToMaxSpeedAndKeptAsEfferenceCopy() throws Exception {
        Driver d = new Driver();
        d.speed = 5_000;
        TickLoop loop = new TickLoop(body, List.of(d), config(100, 300));
        loop.runTicks(3);
        assertThat(loop.commands().issuedMode(0)).isEqualTo(MotorCommands.RUN_FOREVER);
        assertThat(loop.commands().issuedSpeed(0)).isEqualTo(1050);
        assertThat(loop.commands().issuedTick(0)).isEqualTo(2);
        assertThat(d.speedsSeen).containsExactly(0, 1050, 1050);
    }

    @Test
    void motorSafetyStopsAMotorNotCommandedWithinTheExpiry() throws Exception {
        Driver d = new Driver();
        d.stopCommandingAtTick = 5; // last command at tick 4, t = 400 ms
        TickLoop loop = new TickLoop(body, List.of(d), config(100, 300));
        loop.runTicks(8); // ticks 0..7: t = 700 ms is exactly 300 ms after the last command, not beyond
        assertThat(body.motors().speed(0)).isZero(); // ...but the loop's own exit stopped it
        assertThat(loop.stats().motorSafetyStops()).isZero();
        assertThat(d.speedsSeen.subList(5, 8)).containsExactly(500, 500, 500);

        Driver d2 = new Driver();
        d2.stopCommandingAtTick = 5;
        VirtualClock c2 = new VirtualClock();
        LoopbackBody b2 = new LoopbackBody(c2, new String[] {"outB", "outC"}, new String[0]);
        TickLoop loop2 = new TickLoop(b2, List.of(d2), config(100, 300));
        loop2.runTicks(10); // tick 8 (t = 800 ms) is 400 ms after the last command: both motors stopped
        assertThat(loop2.stats().motorSafetyStops()).isEqualTo(2);
        assertThat(d2.speedsSeen.subList(5, 10)).containsExactly(500, 500, 500, 500, 0);
    }

    @Test
    void aThrowingStageStopsTheMotorsAndFaultsTheLoop() throws Exception {
        Driver d = new Driver();
        RuntimeException boom = new IllegalStateException("boom");
        Stage faulty = new Stage() {
            @Override public String name() { return "faulty"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                if (in.tick == 5) throw boom;
            }
        };
        TickLoop loop = new TickLoop(body, List.of(d, faulty), config(100, 300));
        assertThat(loop.runTicks(100)).isEqualTo(LoopState.FAULTED);
        assertThat(loop.failure()).isSameAs(boom);
        assertThat(loop.tick()).isEqualTo(5);
        assertThat(body.motors().speed(0)).isZero();
        assertThat(body.motors().speed(1)).isZero();
        assertThat(body.motors().stopCount(0)).isEqualTo(1);
    }

    @Test
    void closeStopsTheMotorsEvenWithoutRunning() throws Exception {
        body.motors().runForever(0, 300);
        body.motors().runForever(1, 300);
        TickLoop loop = new TickLoop(body, List.of(new Driver()), config(100, 300));
        loop.close();
        loop.close();
        assertThat(body.motors().speed(0)).isZero();
        assertThat(body.motors().speed(1)).isZero();
        assertThat(loop.state()).isEqualTo(LoopState.STOPPED);
    }

    @Test
    void closeFromAnotherThreadStopsARunningLoopAndItsMotors() throws Exception {
        TickLoop loop = new TickLoop(new LoopbackBody(org.ev3cortex.body.SystemClock.INSTANCE,
                new String[] {"outB"}, new String[0]), List.of(new Stage() {
            @Override public String name() { return "one"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands(); out.runForever(0, 200); }
        }), config(10, 300));
        Thread t = new Thread(() -> loop.runTicks(Long.MAX_VALUE));
        t.start();
        while (loop.tick() < 5) Thread.sleep(5);
        loop.close();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(loop.state()).isEqualTo(LoopState.STOPPED);
    }

    @Test
    void lowBatteryStopsMotorsWithHysteresis() throws Exception {
        Driver d = new Driver();
        double[] volts = {8.0, 8.0, 6.4, 6.4, 6.7, 6.8, 7.0, 7.0};
        Stage battery = new Stage() {
            @Override public String name() { return "battery-script"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                // sets the voltage the *next* snapshot will read
                body.setBatteryVoltage(volts[(int) Math.min(in.tick + 1, volts.length - 1)]);
            }
        };
        TickLoop loop = new TickLoop(body, List.of(battery, d), config(100, 300));
        loop.runTicks(8);
        // tick 2 reads 6.4 V < 6.5: stopped in that tick's write; 6.7 and 6.8 are below the
        // 6.9 V recover level, so the motors stay stopped; 7.0 V at tick 6 re-enables them.
        assertThat(d.speedsSeen).containsExactly(0, 500, 500, 0, 0, 0, 0, 500);
        assertThat(loop.stats().batteryStops()).isEqualTo(1);
        assertThat(loop.stats().motorSafetyStops()).isZero();
        assertThat(loop.batteryLow()).isFalse();
    }

    @Test
    void overrunsAreBlamedOnTheSlowStage() throws Exception {
        Stage fast = new Stage() {
            @Override public String name() { return "fast"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands(); }
        };
        Stage slow = new Stage() {
            @Override public String name() { return "slow"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                if (in.tick % 2 == 1) busyWait(60_000_000L); // 60 ms in a 40 ms period, every other tick
            }
        };
        // A 40 ms period leaves the quick ticks a wide margin against a GC or JIT pause on a busy
        // machine, so only the slow stage's ticks overrun.
        TickLoop loop = new TickLoop(body, List.of(fast, slow), config(40, 300));
        loop.runTicks(20);
        assertThat(loop.stats().overruns()).isEqualTo(10);
        assertThat(loop.stats().overrunsBlamedOn("slow")).isEqualTo(10);
        assertThat(loop.stats().overrunsBlamedOn("fast")).isZero();
        long[] slowTimes = loop.stats().epochSummary("slow");
        assertThat(slowTimes[2]).isGreaterThanOrEqualTo(60_000_000L);
        assertThat(slowTimes[0]).isLessThan(60_000_000L);
        assertThat(loop.stats().summary()).contains("slow").contains("10 overruns");
    }

    @Test
    void watchdogStopsTheMotorsWhileAStageIsStuck() throws Exception {
        long[] speedSeenWhileStuck = {-1};
        Stage stuck = new Stage() {
            @Override public String name() { return "stuck"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                if (in.tick == 3) {
                    busyWait(400_000_000L); // 400 ms with a 100 ms watchdog
                    speedSeenWhileStuck[0] = body.motors().speed(0);
                }
            }
        };
        Config c = config(10, 300).with(LoopKeys.WATCHDOG_MS, 100);
        TickLoop loop = new TickLoop(body, List.of(new Driver(), stuck), c);
        loop.runTicks(5);
        assertThat(speedSeenWhileStuck[0]).isZero();
        assertThat(loop.stats().watchdogTrips()).isEqualTo(1);
    }

    @Test
    void stateWordsNameTheirFlagsAndNothingElse() {
        byte[] w = "xstalledoverloadedholdingrampingrunningstall".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(MotorState.flagOf(w, 1, 7)).isEqualTo(MotorState.STALLED);
        assertThat(MotorState.flagOf(w, 8, 10)).isEqualTo(MotorState.OVERLOADED);
        assertThat(MotorState.flagOf(w, 18, 7)).isEqualTo(MotorState.HOLDING);
        assertThat(MotorState.flagOf(w, 25, 7)).isEqualTo(MotorState.RAMPING);
        assertThat(MotorState.flagOf(w, 32, 7)).isEqualTo(MotorState.RUNNING);
        assertThat(MotorState.flagOf(w, 39, 5)).as("a prefix is not a word").isZero();
        assertThat(MotorState.flagOf(w, 0, 7)).isZero();
    }

    static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
