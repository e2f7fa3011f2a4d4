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

/**
 * The write phase's rules (MotorGuard), through the loop that runs it, against an in-memory body
 * on a virtual clock: the one clamp, the efference copy, per-motor expiry, battery hysteresis.
 */
class MotorGuardTest {
    private final VirtualClock clock = new VirtualClock();
    private final LoopbackBody body = new LoopbackBody(clock, new String[] {"outB", "outC"}, new String[] {"in1"});

    private static Config config(int periodMs, int expiryMs) throws Exception {
        return TickLoopTest.config(periodMs, expiryMs);
    }

    @Test
    void commandsAreClampedToMaxSpeedAndKeptAsEfferenceCopy() throws Exception {
        TickLoopTest.Driver d = new TickLoopTest.Driver();
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
        TickLoopTest.Driver d = new TickLoopTest.Driver();
        d.stopCommandingAtTick = 5; // last command at tick 4, t = 400 ms
        TickLoop loop = new TickLoop(body, List.of(d), config(100, 300));
        loop.runTicks(8); // ticks 0..7: t = 700 ms is exactly 300 ms after the last command, not beyond
        assertThat(body.motors().speed(0)).isZero(); // ...but the loop's own exit stopped it
        assertThat(loop.stats().motorSafetyStops()).isZero();
        assertThat(d.speedsSeen.subList(5, 8)).containsExactly(500, 500, 500);

        TickLoopTest.Driver d2 = new TickLoopTest.Driver();
        d2.stopCommandingAtTick = 5;
        VirtualClock c2 = new VirtualClock();
        LoopbackBody b2 = new LoopbackBody(c2, new String[] {"outB", "outC"}, new String[0]);
        TickLoop loop2 = new TickLoop(b2, List.of(d2), config(100, 300));
        loop2.runTicks(10); // tick 8 (t = 800 ms) is 400 ms after the last command: both motors stopped
        assertThat(loop2.stats().motorSafetyStops()).isEqualTo(2);
        assertThat(d2.speedsSeen.subList(5, 10)).containsExactly(500, 500, 500, 500, 0);
    }

    @Test
    void lowBatteryStopsMotorsWithHysteresis() throws Exception {
        TickLoopTest.Driver d = new TickLoopTest.Driver();
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
}
