package org.ev3cortex.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.VirtualClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;
import org.junit.jupiter.api.Test;

/**
 * A machine too slow for its period, on the virtual clock: a stage that takes 250 ms of body time
 * in a 100 ms period. The loop sheds learning (every 2nd, 4th, 8th tick) and never control; the
 * motors are not stopped between commands; and a quick machine gets learning back.
 */
class OverloadTest {
    private final VirtualClock clock = new VirtualClock();

    /** Takes {@code costMs} of body time per tick while {@code slow}, and records the learn flag. */
    static final class Slow implements Stage {
        final VirtualClock clock;
        boolean slow = true;
        long costMs = 250;
        final List<Boolean> learned = new ArrayList<>();

        Slow(VirtualClock clock) {
            this.clock = clock;
        }

        @Override public String name() { return "slow"; }

        @Override
        public void update(TickData t) {
            learned.add(t.learn());
            if (slow) clock.advance(costMs * 1_000_000L);
        }
    }

    /** Commands a wheel every other tick only: the ticks between are where the expiry bites. */
    static final class EveryOther implements Stage {
        @Override public String name() { return "m1"; }

        @Override
        public void update(TickData t) {
            if (t.tick() % 2 == 0) t.commands().runForever(0, 400);
        }
    }

    @Test
    void aLateMachineShedsLearningInStepsButNeverControl() throws Exception {
        LoopbackBody body = new LoopbackBody(clock, new String[] {"outB", "outC"}, new String[0]);
        Slow slow = new Slow(clock);
        List<Long> commandedAt = new ArrayList<>();
        TickLoop loop = new TickLoop(body, List.of(slow, new TickLoopTest.Driver()), config());
        loop.addObserver((tick, s, cmd) -> {
            if (cmd.issuedTick(0) == tick && cmd.issuedMode(0) == MotorCommands.RUN_FOREVER) commandedAt.add(tick);
        });
        loop.runTicks(60);
        // Every tick ends late: after 5 late ticks learning halves, and again after 5 more, to 8.
        assertThat(loop.learnEvery()).isEqualTo(8);
        List<Boolean> l = slow.learned;
        assertThat(l.subList(0, 5)).containsOnly(true);                                   // ticks 0-4: late, late...
        assertThat(l.subList(5, 10)).containsExactly(false, true, false, true, false);    // every 2nd tick
        assertThat(l.subList(10, 15)).containsExactly(false, false, true, false, false);  // every 4th (tick 12)
        assertThat(l.subList(15, 31)).containsExactly(false, true, false, false, false, false, false, false,
                false, true, false, false, false, false, false, false);                   // every 8th (16, 24)
        assertThat(l.stream().filter(b -> b).count()).isLessThan(20);
        // Control never sheds: the driver's command was issued in every one of the 60 ticks.
        assertThat(commandedAt).hasSize(60);

        // A quick machine again: 50 ticks on time give one level back each.
        slow.slow = false;
        loop.runTicks(160);
        assertThat(loop.learnEvery()).isEqualTo(1);
    }

    @Test
    void theMotorExpiryFollowsTheActualTickIntervalAndTheBodyIsTold() throws Exception {
        List<Integer> told = new ArrayList<>();
        LoopbackBody loopback = new LoopbackBody(clock, new String[] {"outB"}, new String[0]);
        Slow slow = new Slow(clock);
        slow.costMs = 350; // ticks 350 ms apart, a 300 ms expiry: every unfed tick would stop the wheel
        TickLoop loop = new TickLoop(new TellingBody(loopback, told), List.of(slow, new EveryOther()), config());
        loop.runTicks(20);
        assertThat(loop.stats().motorSafetyStops()).as("no stop between two commands 350 ms apart").isZero();
        assertThat(told).first().isEqualTo(300);
        assertThat(told).contains(700); // 2 x 350 ms
        assertThat(loopback.motors().speed(0)).isZero(); // the loop's own exit stopped it
    }

    /** The loopback body, with its motors reporting what the motor safety tells them. */
    static final class TellingBody implements org.ev3cortex.body.Body {
        private final LoopbackBody inner;
        private final Motors motors;

        TellingBody(LoopbackBody inner, List<Integer> told) {
            this.inner = inner;
            Motors m = inner.motors();
            this.motors = new Motors() {
                @Override public int count() { return m.count(); }
                @Override public String port(int motor) { return m.port(motor); }
                @Override public int maxSpeedCountsPerSec(int motor) { return m.maxSpeedCountsPerSec(motor); }
                @Override public int countsPerRotation(int motor) { return m.countsPerRotation(motor); }
                @Override public void read(org.ev3cortex.body.MotorState into) { m.read(into); }
                @Override public void runForever(int motor, int speed) { m.runForever(motor, speed); }
                @Override public void runToRelPos(int motor, int delta, int speed) { m.runToRelPos(motor, delta, speed); }
                @Override public void runTimed(int motor, int ms, int speed) { m.runTimed(motor, ms, speed); }
                @Override public void stop(int motor, org.ev3cortex.body.StopAction a) { m.stop(motor, a); }
                @Override public void expiryMs(int ms) { told.add(ms); }
            };
        }

        @Override public org.ev3cortex.body.Camera camera() { return null; }
        @Override public org.ev3cortex.body.Microphone microphone() { return null; }
        @Override public Motors motors() { return motors; }
        @Override public org.ev3cortex.body.Battery battery() { return inner.battery(); }
        @Override public org.ev3cortex.body.SystemStats systemStats() { return null; }
        @Override public org.ev3cortex.body.Touch touch() { return inner.touch(); }
        @Override public org.ev3cortex.body.Clock clock() { return inner.clock(); }
        @Override public String describe() { return "telling loopback"; }
        @Override public void close() { inner.close(); }
    }

    private static Config config() throws Exception {
        return AgentSchema.defaults().with(LoopKeys.PERIOD_MS, 100).with(LoopKeys.MOTOR_EXPIRY_MS, 300)
                .with(LoopKeys.SHED_LATE_TICKS, 5);
    }
}
