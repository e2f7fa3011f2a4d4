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

    static Config config(int periodMs, int expiryMs) throws Exception {
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

    static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
