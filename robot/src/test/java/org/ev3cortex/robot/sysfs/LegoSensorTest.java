package org.ev3cortex.robot.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeSensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour, ultrasonic and gyro sensors: modes, value counts and decimals, against the fake tree. */
class LegoSensorTest {
    @TempDir Path root;
    FakeEv3Tree tree;
    Sysfs sysfs;
    SysfsHealth health = new SysfsHealth(5);

    @BeforeEach
    void plugIn() throws Exception {
        tree = new FakeEv3Tree(root);
        tree.start(2);
        sysfs = new Sysfs(root);
    }

    @AfterEach
    void unplug() {
        tree.close();
    }

    private LegoSensor open(String port, String driver) throws Exception {
        long deadline = System.nanoTime() + 1_000_000_000L;
        return LegoSensor.open(sysfs.find(Sysfs.LEGO_SENSOR, Sysfs.address(port), deadline), Sysfs.address(port),
                driver, health, deadline);
    }

    @Test
    void ultrasonicScalesByDecimals() throws Exception {
        FakeSensor us = tree.addSensor("in3", LegoSensor.ULTRASONIC);
        try (LegoSensor s = open("in3", LegoSensor.ULTRASONIC)) {
            s.setMode("US-DIST-CM", System.nanoTime() + 1_000_000_000L);
            tree.settle();
            s.refreshLayout();
            assertThat(s.decimals()).isEqualTo(1);
            us.setValue(0, 1234);
            assertThat(s.readRaw(0)).isEqualTo(1234);
            assertThat(s.read(0)).isEqualTo(123.4f);
            us.setValue(0, 2551); // beyond the sensor's 255 cm
            assertThat(s.read(0)).isEqualTo(123.4f);
            assertThat(health.lastError()).contains("2551 is outside [0, 2550]");
        }
    }

    @Test
    void colourModeSwitchChangesTheNumberOfValues() throws Exception {
        FakeSensor col = tree.addSensor("in2", LegoSensor.COLOR);
        try (LegoSensor s = open("in2", LegoSensor.COLOR)) {
            assertThat(s.mode()).isEqualTo("COL-REFLECT");
            assertThat(s.numValues()).isEqualTo(1);
            s.setMode("RGB-RAW", System.nanoTime() + 1_000_000_000L);
            tree.settle();
            s.refreshLayout();
            assertThat(col.mode()).isEqualTo("RGB-RAW");
            assertThat(s.numValues()).isEqualTo(3);
            col.setValue(0, 300);
            col.setValue(1, 200);
            col.setValue(2, 100);
            assertThat(new int[] {s.readRaw(0), s.readRaw(1), s.readRaw(2)}).containsExactly(300, 200, 100);
            assertThatThrownBy(() -> s.readRaw(3)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void gyroAngleAndAnUnknownModeIsAClearError() throws Exception {
        FakeSensor gyro = tree.addSensor("in4", LegoSensor.GYRO);
        try (LegoSensor s = open("in4", LegoSensor.GYRO)) {
            s.setMode("GYRO-ANG", System.nanoTime() + 1_000_000_000L);
            gyro.setValue(0, -725);
            assertThat(s.read(0)).isEqualTo(-725f);
            assertThatThrownBy(() -> s.setMode("GYRO-WARP", System.nanoTime() + 200_000_000L))
                    .hasMessageContaining("has no mode 'GYRO-WARP'; its modes: GYRO-ANG GYRO-RATE GYRO-G&A");
            // Written anyway, the fake refuses it as the kernel does (EINVAL) and keeps the old mode.
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                    s.dir().resolve("mode"), java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap("GYRO-WARP\n".getBytes()), 0); // in place, as sysfs writers do
            }
            tree.settle();
            assertThat(gyro.mode()).isEqualTo("GYRO-ANG");
            assertThat(gyro.rejected()).isEqualTo(1);
        }
    }

    @Test
    void aDeviceThatNeverAppearsTimesOutWithTheInventory() {
        long deadline = System.nanoTime() + 100_000_000L;
        assertThatThrownBy(() -> sysfs.find(Sysfs.LEGO_SENSOR, "ev3-ports:in4", deadline))
                .hasMessageContaining("no lego-sensor at ev3-ports:in4")
                .hasMessageContaining("found: nothing");
    }
}
