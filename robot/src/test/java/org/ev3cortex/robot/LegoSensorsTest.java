package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ev3cortex.robot.TestBodies.config;

import java.nio.file.Path;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.CombinedSource;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeSensor;
import org.ev3cortex.s1.S1;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ultrasonic, gyro and colour sensors in the fake ev3dev tree reach S1, scaled as documented. */
class LegoSensorsTest {
    @TempDir Path root;

    @Test
    void ultrasonicGyroAndColourValuesChangeS1() throws Exception {
        try (FakeEv3Tree tree = new FakeEv3Tree(root)) {
            tree.addMotor("outB", "lego-ev3-l-motor");
            tree.addMotor("outC", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            FakeSensor us = tree.addSensor("in2", "lego-ev3-us");
            FakeSensor gyro = tree.addSensor("in3", "lego-ev3-gyro");
            FakeSensor colour = tree.addSensor("in4", "lego-ev3-color");
            tree.start(2);
            // The fake applies a mode (and its num_values) at its next step, the kernel at once: let
            // the sensors be in their modes already, as the body's setMode then finds them.
            us.selectMode("US-DIST-CM");
            gyro.selectMode("GYRO-G&A");
            colour.selectMode("COL-AMBIENT");
            TestBodies.await("modes applied", () -> gyro.mode().equals("GYRO-G&A") && colour.mode().equals("COL-AMBIENT"));
            Config c = config(root, "outB,outC", "in1")
                    // S1's second row: the default area is sized for motors and touch only.
                    .with(org.ev3cortex.cortex.CortexKeys.AREA_S1, "19,0,13,2")
                    .with(BodyKeys.ULTRASONIC_PORTS, "in2")
                    .with(BodyKeys.GYRO_PORTS, "in3")
                    .with(BodyKeys.COLOR_PORTS, "in4")
                    .with(BodyKeys.COLOR_MODE, "COL-AMBIENT");
            try (Ev3Body body = Ev3Body.open(c)) {
                assertThat(body.describe()).contains("1 touch, 1 ultrasonic, 1 gyro, 1 colour");
                S1 s1 = S1.fromConfig(c);
                assertThat(s1.size()).isEqualTo(2 * 13); // row 1 from slot 13: ultrasonic, gyro angle and rate, colour
                int o = 13;
                CombinedSource source = new CombinedSource(body, 512);
                Snapshot snap = source.newSnapshot();
                TickData td = new TickData(snap, new MotorCommands(2));

                us.setValue(0, 423);     // US-DIST-CM has one decimal: 42.3 cm
                gyro.setValue(0, -270);  // GYRO-G&A: angle, wrapped to +90
                gyro.setValue(1, 110);   // rate, deg/s
                colour.setValue(0, 37);  // percent
                source.read(snap);
                s1.update(td);
                assertThat(snap.distanceCm[0]).isCloseTo(42.3f, within(1e-4f));
                assertThat(s1.area()[o]).isCloseTo(42.3f / 255f, within(1e-6f));
                assertThat(s1.area()[o + 1]).isCloseTo(0.5f, within(1e-6f));
                assertThat(s1.area()[o + 2]).isCloseTo(0.25f, within(1e-6f));
                assertThat(s1.area()[o + 3]).isCloseTo(0.37f, within(1e-6f));

                us.setValue(0, 2550);    // nothing in range: 255.0 cm, full scale
                gyro.setValue(0, 45);
                gyro.setValue(1, -500);  // beyond the range: clamped
                source.read(snap);
                s1.update(td);
                assertThat(s1.area()[o]).isEqualTo(1f);
                assertThat(s1.area()[o + 1]).isCloseTo(0.25f, within(1e-6f));
                assertThat(s1.area()[o + 2]).isEqualTo(-1f);
            }
            // The modes the body asked for.
            assertThat(java.nio.file.Files.readString(root.resolve("lego-sensor/sensor1/mode")).trim()).isEqualTo("US-DIST-CM");
            assertThat(java.nio.file.Files.readString(root.resolve("lego-sensor/sensor2/mode")).trim()).isEqualTo("GYRO-G&A");
            assertThat(java.nio.file.Files.readString(root.resolve("lego-sensor/sensor3/mode")).trim()).isEqualTo("COL-AMBIENT");
        }
    }
}
