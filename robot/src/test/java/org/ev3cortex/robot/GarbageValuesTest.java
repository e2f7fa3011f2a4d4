package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ev3cortex.robot.TestBodies.config;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeMotor;
import org.ev3cortex.robot.fake.FakeSensor;
import org.ev3cortex.robot.sysfs.DeviceFaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbage in sysfs attributes: each case is counted with a message naming the file and the
 * problem, the previous good value is kept (never a crash, never a made-up number), and reading
 * resumes once the attribute is sane again. A run of garbage is a fault that stops the motors.
 */
class GarbageValuesTest {
    @TempDir Path root;
    FakeEv3Tree tree;
    FakeMotor motor;
    FakeMotor other;
    FakeSensor touch;
    Ev3Body body;
    final MotorState state = new MotorState(2);

    @BeforeEach
    void plugIn() throws Exception {
        tree = new FakeEv3Tree(root);
        motor = tree.addMotor("outB", "lego-ev3-l-motor");
        other = tree.addMotor("outC", "lego-ev3-l-motor");
        touch = tree.addSensor("in1", "lego-ev3-touch");
        tree.start(2);
        body = Ev3Body.open(config(root, "outB,outC", "in1"));
    }

    @AfterEach
    void unplugAll() {
        body.close();
        tree.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("position", "", "empty value"),
                Arguments.of("position", "\n", "empty value"),
                Arguments.of("position", "abc\n", "'abc' is not an integer"),
                Arguments.of("position", "12abc\n", "'12abc' is not an integer"),
                Arguments.of("position", "1.5\n", "'1.5' is not an integer"),
                Arguments.of("position", "-\n", "'-' is not a number"),
                Arguments.of("position", "--5\n", "'--5' is not an integer"),
                Arguments.of("position", "99999999999\n", "overflows an int"),
                Arguments.of("position", "0x10\n", "'0x10' is not an integer"),
                Arguments.of("position", " 12\n", "' 12' is not an integer"),
                Arguments.of("position", "\0\0\0\0", "is not an integer"),
                Arguments.of("speed", "50000\n", "50000 is outside [-2100, 2100]"),
                Arguments.of("speed", "NaN\n", "'NaN' is not an integer"),
                Arguments.of("state", "running flying\n", "'running flying' is not a motor state"),
                Arguments.of("state", "RUNNING\n", "'RUNNING' is not a motor state"),
                Arguments.of("touch", "2\n", "2 is outside [0, 1]"),
                Arguments.of("touch", "\n", "empty value"),
                Arguments.of("touch", "-1\n", "-1 is outside [0, 1]"),
                Arguments.of("voltage_now", "-5\n", "-5 is outside [0, 20000000]"),
                Arguments.of("voltage_now", "999999999\n", "999999999 is outside [0, 20000000]"),
                Arguments.of("voltage_now", "7.5V\n", "'7.5V' is not an integer"),
                Arguments.of("current_now", "lots\n", "'lots' is not an integer"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("cases")
    void garbageIsCountedNamedAndNotUsed(String attribute, String raw, String message) throws Exception {
        // A good reading first, so there is a previous value to keep.
        body.motors().runToRelPos(0, 77, 1000);
        TestBodies.await("arrived", () -> motor.position() == 77 && !motor.running());
        tree.setBattery(7_500_000, 300_000);
        touch.setValue(0, 1);
        readAll();
        assertThat(state.positionCounts[0]).isEqualTo(77);
        assertThat(body.touch().pressed(0)).isTrue();
        assertThat(body.battery().voltageV()).isEqualTo(7.5);

        inject(attribute, raw);
        Object[] all = readAll();
        Object seen = all[java.util.Arrays.asList("position", "speed", "touch", "voltage_now", "current_now").indexOf(
                attribute.equals("state") ? "speed" : attribute)];
        assertThat(body.health().garbageCount()).as("counted").isEqualTo(1);
        assertThat(body.health().lastError()).contains(message).contains(fileOf(attribute));
        assertThat(seen).as("previous good value kept").isEqualTo(previous(attribute));
        if (attribute.equals("state")) assertThat(state.flags[0]).as("previous flags kept").isZero();
        assertThat(body.health().fault()).isNull();

        clear(attribute);
        readAll();
        assertThat(body.health().garbageCount()).as("no new errors once sane").isEqualTo(1);
    }

    private Object previous(String attribute) {
        switch (attribute) {
            case "position": return 77;
            case "speed":
            case "state": return 0;
            case "touch": return true;
            case "voltage_now": return 7.5;
            default: return 0.3;
        }
    }

    private String fileOf(String attribute) {
        return attribute.equals("touch") ? "sensor0/value0" : attribute;
    }

    private void inject(String attribute, String raw) throws Exception {
        switch (attribute) {
            case "touch": touch.setRaw("value0", raw); break;
            case "voltage_now":
            case "current_now": tree.setBatteryRaw(attribute, raw); break;
            default: motor.setRaw(attribute, raw);
        }
    }

    private void clear(String attribute) throws Exception {
        switch (attribute) {
            case "touch": touch.clearRaw("value0"); break;
            case "voltage_now": tree.setBattery(7_500_001, 300_000); break;
            case "current_now": tree.setBattery(7_500_000, 300_001); break;
            default: motor.clearRaw(attribute); tree.settle();
        }
    }

    /** One tick's reads; returns the value of the attribute under test. */
    private Object[] readAll() {
        body.motors().read(state);
        boolean pressed = body.touch().pressed(0);
        double v = body.battery().voltageV();
        double a = body.battery().currentA();
        return new Object[] {state.positionCounts[0], state.speedCountsPerSec[0], pressed, v, a};
    }

    @Test
    void aRunOfGarbageIsAFaultThatStopsTheMotors() throws Exception {
        body.motors().runForever(1, 300);
        TestBodies.await("running", other::running);
        motor.setRaw("position", "garbage\n");
        for (int i = 1; i < 5; i++) body.motors().read(state); // ev3.garbageLimit defaults to 5
        assertThat(body.health().fault()).isNull();
        assertThatThrownBy(() -> body.motors().read(state))
                .isInstanceOf(DeviceFaultException.class)
                .hasMessageContaining("ev3-ports:outB")
                .hasMessageContaining("5 unusable values in a row")
                .hasMessageContaining("'garbage' is not an integer");
        TestBodies.await("other motor stopped", () -> !other.running());
    }

    @Test
    void garbageAtStartUpIsAClearError() throws Exception {
        body.close();
        tree.setBatteryRaw("voltage_now", "oops\n");
        assertThatThrownBy(() -> Ev3Body.open(config(root, "outB", "")))
                .hasMessageContaining("voltage_now")
                .hasMessageContaining("'oops' is not an integer");
        motor.setRaw("max_speed", "fast\n");
        tree.setBattery(7_000_000, 1);
        assertThatThrownBy(() -> Ev3Body.open(config(root, "outB", "")))
                .hasMessageContaining("max_speed")
                .hasMessageContaining("'fast' is not an integer");
        body = Ev3Body.open(config(root, "outC", ""));
    }
}
