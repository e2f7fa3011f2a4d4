package org.ev3cortex.sim.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.body.CombinedSource;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.s1.S1;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.sim.SimKeys;
import org.junit.jupiter.api.Test;

/** The simulated ultrasonic and gyro reach S1, and read what the world's geometry says they must. */
class SimSensorsTest {

    private static Config config(String... sets) throws Exception {
        List<ConfigOverride> o = new java.util.ArrayList<>();
        o.add(new ConfigOverride("sim.hostStats", "false", "test"));
        o.add(new ConfigOverride("sim.world.obstacles", "", "test"));
        o.add(new ConfigOverride("sim.robot.x", "2.0", "test"));
        o.add(new ConfigOverride("sim.robot.y", "1.5", "test"));
        o.add(new ConfigOverride("sim.robot.headingDeg", "0", "test"));
        for (String s : sets) o.add(ConfigOverride.parse(s, "test"));
        return new ConfigLoader(SimKeys.schema()).load(List.of(), o);
    }

    @Test
    void theUltrasonicReadsTheWallAheadAndTheGyroTheTurnIntoS1() throws Exception {
        Config c = config("body.ultrasonicPorts=in2", "body.gyroPorts=in3", "cortex.area.s1=19,0,13,2");
        S1 s1 = S1.fromConfig(c);
        // Row 0: 2 motors x 6 and 1 touch; row 1 (from slot 13): 1 ultrasonic and 2 gyro slots.
        assertThat(S1.shapeFor(c)).containsExactly(13, 2);
        assertThat(s1.size()).isEqualTo(26);
        int us = 13;
        try (SimBody body = new SimBody(c)) {
            CombinedSource source = new CombinedSource(body, 512);
            Snapshot snap = source.newSnapshot();
            TickData td = new TickData(snap, new MotorCommands(2));
            source.read(snap);
            s1.update(td);
            // Facing east from x = 2.0 in a 4 m arena: the wall is 4.0 - 2.0 - 0.09 m from the front.
            assertThat(snap.distanceCm[0]).isCloseTo(191f, within(1e-3f));
            assertThat(s1.area()[us]).isCloseTo(191f / 255f, within(1e-6f));
            assertThat(s1.area()[us + 1]).isZero();

            // Drive forward 1 s: nearer the wall by what the world travelled.
            body.motors().runForever(0, 500);
            body.motors().runForever(1, 500);
            body.world().advanceTo(body.world().nanos() + 1_000_000_000L);
            source.read(snap);
            s1.update(td);
            double expectedCm = (4.0 - body.world().x() - 0.09) * 100;
            assertThat(body.world().x()).isGreaterThan(2.1);
            assertThat(snap.distanceCm[0]).isCloseTo((float) expectedCm, within(1e-3f));
            assertThat(s1.area()[us]).isCloseTo((float) (expectedCm / 255), within(1e-5f)).isLessThan(191f / 255f);

            // Spin on the spot (left back, right forward: counter-clockwise): the gyro counts clockwise
            // positive, as ev3dev's does, so its angle is minus the world's heading.
            body.motors().runForever(0, -300);
            body.motors().runForever(1, 300);
            body.world().advanceTo(body.world().nanos() + 700_000_000L);
            source.read(snap);
            s1.update(td);
            double headingDeg = Math.toDegrees(body.world().heading());
            assertThat(headingDeg).isBetween(20.0, 179.0);
            assertThat(s1.area()[us + 1]).isCloseTo((float) (-headingDeg / 180), within(1e-4f));
            assertThat(snap.gyroRateDegPerSec[0]).isLessThan(-10f);
            assertThat(s1.area()[us + 2]).isCloseTo(snap.gyroRateDegPerSec[0] / 440f, within(1e-6f));
        }
    }

    @Test
    void theDefaultConfigKeepsS1sShapeAndTheSimulatorHasNoColourSensor() throws Exception {
        Config c = config();
        assertThat(S1.shapeFor(c)).containsExactly(13, 1);
        try (SimBody body = new SimBody(c)) {
            assertThat(body.sensors()).isNull();
            assertThat(new CombinedSource(body, 512).newSnapshot().distanceCm).isEmpty();
        }
        assertThatThrownBy(() -> new SimBody(config("body.colorPorts=in4", "cortex.area.s1=19,0,13,2")))
                .hasMessageContaining("no colour sensor");
        assertThat(AgentSchema.defaults().get(org.ev3cortex.body.BodyKeys.ULTRASONIC_PORTS)).isEmpty();
    }
}
