package org.ev3cortex.sim;

import org.ev3cortex.seam.TickData;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.World;
import org.junit.jupiter.api.Test;

/** Fixed-seed runs of the real loop on the simulated body. */
class ScenarioTest {

    static Config config(String... keyValues) throws Exception {
        List<ConfigOverride> o = new ArrayList<>();
        o.add(new ConfigOverride("sim.hostStats", "false", "test"));
        for (String kv : keyValues) o.add(ConfigOverride.parse(kv, "test"));
        return new ConfigLoader(SimKeys.schema()).load(List.of(), o);
    }

    /** Drives both wheels at a fixed speed and records what each tick sensed. */
    static final class Drive implements Stage {
        final int left;
        final int right;
        final List<double[]> log = new ArrayList<>();

        Drive(int left, int right) {
            this.left = left;
            this.right = right;
        }

        @Override public String name() { return "drive"; }

        @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
            out.runForever(0, left);
            out.runForever(1, right);
            log.add(new double[] {in.motors.speedCountsPerSec[0], in.motors.flags[0], in.touch.length > 0 && in.touch[0] ? 1 : 0,
                    in.batteryV});
        }
    }

    @Test
    void drivingStraightIntoAWallCollidesStallsAndPressesTheBumper() throws Exception {
        // Facing the right wall (x = 4 m) from 1 m away, no obstacles in between.
        Config c = config("sim.world.obstacles=", "sim.robot.x=3.0", "sim.robot.y=1.5", "sim.robot.headingDeg=0");
        SimBody body = new SimBody(c);
        Drive drive = new Drive(600, 600);
        TickLoop loop = new TickLoop(body, List.of(drive), c);
        loop.runTicks(60);
        World w = body.world();
        assertThat(w.collisions()).isEqualTo(1);
        assertThat(w.x()).isCloseTo(4.0 - w.robotRadiusM, org.assertj.core.data.Offset.offset(0.01));
        assertThat(w.stallEvents()).isEqualTo(2); // both wheels
        double[] last = drive.log.get(drive.log.size() - 1);
        assertThat(last[0]).as("wheel speed while pushing").isEqualTo(0);
        assertThat(((int) last[1]) & org.ev3cortex.body.MotorState.STALLED).isNotZero();
        assertThat(last[2]).as("bumper").isEqualTo(1);
        // Free driving before the wall: 600 counts/s at 28 mm radius is 0.293 m/s; 1 m - 0.09 m takes ~3.1 s.
        int firstStalledTick = -1;
        for (int i = 0; i < drive.log.size(); i++) {
            if ((((int) drive.log.get(i)[1]) & org.ev3cortex.body.MotorState.STALLED) != 0) {
                firstStalledTick = i;
                break;
            }
        }
        assertThat(firstStalledTick).isBetween(31, 34);
    }

    @Test
    void batteryFallsWithMotorUse() throws Exception {
        Config c = config("sim.world.obstacles=", "sim.battery.capacityMah=20", "sim.robot.x=0.5", "sim.robot.y=1.5",
                "sim.robot.headingDeg=0", "safety.battery.enabled=false");
        SimBody idleBody = new SimBody(c);
        new TickLoop(idleBody, List.of(), c).runTicks(100);
        SimBody busyBody = new SimBody(c);
        // Spinning on the spot at full speed for 10 s.
        new TickLoop(busyBody, List.of(new Drive(-1050, 1050)), c).runTicks(100);
        double idleV = idleBody.world().batteryV();
        double busyV = busyBody.world().batteryV();
        assertThat(busyV).isLessThan(idleV - 0.05);
        // Independent check of the idle drain: 0.15 A for 10 s from 20 mAh is 0.4167 mAh used.
        double expectedIdle = 7.2 + 1.2 * (1 - 0.15 * 10 / 3600 / 0.020) - 0.15 * 0.25;
        assertThat(idleV).isCloseTo(expectedIdle, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theEarNearerTheSourceHearsItLouderAndSooner() throws Exception {
        // Robot at (1, 1.5) facing +x; a continuous 500 Hz tone 1 m to its left at (1, 2.5).
        Config c = config("sim.world.obstacles=", "sim.robot.x=1.0", "sim.robot.y=1.5", "sim.robot.headingDeg=0",
                "sim.world.sounds=noise 1.0 2.5 0.5", "sim.mic.noiseFloor=0", "body.mic.windowFrames=2048");
        SimBody body = new SimBody(c);
        new TickLoop(body, List.of(), c).runTicks(5);
        short[] s = new short[2 * 2048];
        body.world().copyNewestAudio(s);
        double l = 0;
        double r = 0;
        for (int i = 0; i < 2048; i++) {
            l += s[2 * i] * (double) s[2 * i];
            r += s[2 * i + 1] * (double) s[2 * i + 1];
        }
        assertThat(Math.sqrt(l / 2048)).isGreaterThan(1.3 * Math.sqrt(r / 2048));
        // Interaural time difference: the right ear's signal lags the left's by (dR - dL) / c.
        double dl = 1.0 - 0.06;
        double dr = 1.0 + 0.06;
        double expectedLagSamples = (dr - dl) / 343.0 * World.AUDIO_RATE_HZ; // ~5.6 samples
        int bestLag = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = -20; lag <= 20; lag++) {
            double sum = 0;
            for (int i = 40; i < 2000; i++) sum += s[2 * i] * (double) s[2 * (i + lag) + 1];
            if (sum > best) {
                best = sum;
                bestLag = lag;
            }
        }
        assertThat((double) bestLag).isCloseTo(expectedLagSamples, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void theCameraSeesAWallsColourWhenFacingIt() throws Exception {
        Config c = config("sim.world.obstacles=box 2.0 1.5 0.3 1.0 red", "sim.robot.x=1.4", "sim.robot.y=1.5",
                "sim.robot.headingDeg=0", "sim.world.lights=");
        SimBody body = new SimBody(c);
        Snapshot[] seen = new Snapshot[1];
        Stage look = new Stage() {
            @Override public String name() { return "look"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands(); seen[0] = in; }
        };
        new TickLoop(body, List.of(look), c).runTicks(1);
        byte[] f = seen[0].frame;
        int w = c.get(BodyKeys.CAMERA_WIDTH);
        int h = c.get(BodyKeys.CAMERA_HEIGHT);
        // Centre pixel pair of the middle row, YUYV: Y0 U Y1 V.
        int i = (h / 2 * w + w / 2) * 2;
        int y = f[i] & 0xFF;
        int u = f[i + 1] & 0xFF;
        int v = f[i + 3] & 0xFF;
        // Red (0xD03030) dimmed by distance 0.45 m: V well above neutral, U below it.
        assertThat(v).isGreaterThan(170);
        assertThat(u).isLessThan(120);
        assertThat(y).isBetween(50, 120);
        // The top row is sky, lighter than the bottom row's ground.
        assertThat(f[(w / 2) * 2] & 0xFF).isGreaterThan((f[((h - 1) * w + w / 2) * 2] & 0xFF) + 60);
    }

    /** Turns away when the bumper is pressed; otherwise drives forward with a slight curve. */
    static final class Bumble implements Stage {
        int backing;
        @Override public String name() { return "bumble"; }
        @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
            if (in.touch[0]) backing = 8;
            if (backing > 0) {
                backing--;
                out.runForever(0, -400);
                out.runForever(1, backing > 4 ? -400 : 300);
            } else {
                out.runForever(0, 500);
                out.runForever(1, 440);
            }
        }
    }

    @Test
    void twoRunsWithTheSameSeedAreIdentical() throws Exception {
        assertThat(trace(7)).isEqualTo(trace(7));
        assertThat(trace(7)).isNotEqualTo(trace(8)); // the seed matters (mic noise)
    }

    private static List<Long> trace(int seed) throws Exception {
        Config c = config("sim.seed=" + seed, "sim.world.sounds=noise 2 2 0.3");
        SimBody body = new SimBody(c);
        List<Long> out = new ArrayList<>();
        Stage record = new Stage() {
            @Override public String name() { return "record"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out2 = td.commands();
                World w = body.world();
                out.add(Double.doubleToLongBits(w.x()));
                out.add(Double.doubleToLongBits(w.y()));
                out.add(Double.doubleToLongBits(w.heading()));
                long h = 0;
                for (short v : in.audio) h = h * 31 + v;
                out.add(h);
            }
        };
        new TickLoop(body, List.of(new Bumble(), record), c.with(LoopKeys.PERIOD_MS, 100)).runTicks(600);
        assertThat(body.world().collisions()).isPositive();
        return out;
    }
}
