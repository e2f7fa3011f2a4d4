package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ev3cortex.robot.TestBodies.await;
import static org.ev3cortex.robot.TestBodies.config;

import java.nio.file.Path;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeMotor;
import org.ev3cortex.robot.fake.FakeSensor;
import org.ev3cortex.robot.sysfs.DeviceGoneException;
import org.ev3cortex.robot.sysfs.StatusLeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sysfs body against the behaving fake ev3dev tree. */
class Ev3BodyTest {
    @TempDir Path root;
    FakeEv3Tree tree;
    FakeMotor right;  // plugged first: motor0, at outC
    FakeMotor left;   // motor1, at outB
    FakeMotor medium; // motor2, at outA
    FakeSensor touch;
    Ev3Body body;
    final MotorState state = new MotorState(2);

    @BeforeEach
    void plugIn() throws Exception {
        tree = new FakeEv3Tree(root);
        right = tree.addMotor("outC", "lego-ev3-l-motor");
        left = tree.addMotor("outB", "lego-ev3-l-motor");
        medium = tree.addMotor("outA", "lego-ev3-m-motor");
        tree.addSensor("in2", "lego-ev3-color");
        touch = tree.addSensor("in1", "lego-ev3-touch");
        tree.start(2);
        body = Ev3Body.open(config(root, "outB,outC", "in1"));
    }

    @AfterEach
    void unplugAll() {
        if (body != null) body.close();
        tree.close();
    }

    @Test
    void findsMotorsByAddressNotByDirectoryNumber() {
        Motors m = body.motors();
        assertThat(m.count()).isEqualTo(2);
        assertThat(m.port(0)).isEqualTo("outB");
        assertThat(m.port(1)).isEqualTo("outC");
        m.runForever(0, 300); // left wheel = outB = motor1
        await("outB running", left::running);
        assertThat(right.running()).isFalse();
        assertThat(medium.running()).isFalse();
        assertThat(m.maxSpeedCountsPerSec(0)).isEqualTo(1050);
        assertThat(m.countsPerRotation(0)).isEqualTo(360);
        assertThat(body.describe()).contains("ev3-ports:outB lego-ev3-l-motor", "1 touch");
    }

    @Test
    void mediumMotorReportsItsOwnMaxSpeed() throws Exception {
        body.close();
        body = Ev3Body.open(config(root, "outA", ""));
        assertThat(body.motors().maxSpeedCountsPerSec(0)).isEqualTo(1560);
    }

    @Test
    void missingMotorNamesThePortAndWhatIsPluggedIn() throws Exception {
        body.close();
        body = null;
        assertThatThrownBy(() -> Ev3Body.open(config(root, "outB,outD", "")))
                .hasMessageContaining("no tacho-motor at ev3-ports:outD")
                .hasMessageContaining("tacho-motor/motor0=lego-ev3-l-motor@ev3-ports:outC")
                .hasMessageContaining("tacho-motor/motor2=lego-ev3-m-motor@ev3-ports:outA")
                .hasMessageContaining("lego-sensor/sensor0=lego-ev3-color@ev3-ports:in2");
        // The motor that was found first was released and left stopped.
        assertThat(left.running()).isFalse();
    }

    @Test
    void wrongSensorTypeOnATouchPortIsNamed() throws Exception {
        body.close();
        body = null;
        assertThatThrownBy(() -> Ev3Body.open(config(root, "outB", "in2")))
                .hasMessageContaining("ev3-ports:in2")
                .hasMessageContaining("lego-ev3-color")
                .hasMessageContaining("expected 'lego-ev3-touch'");
    }

    @Test
    void runForeverIntegratesSpeed() {
        body.motors().runForever(0, 500);
        await("running", left::running);
        await("moved 100 counts", () -> left.position() > 100);
        body.motors().read(state);
        assertThat(state.speedCountsPerSec[0]).isEqualTo(500);
        assertThat(state.has(0, MotorState.RUNNING)).isTrue();
        assertThat(state.positionCounts[0]).isGreaterThan(90);
        assertThat(left.applied()).as("run-forever is run-timed under the kernel dead-man").contains("run-timed@500");
        body.motors().stop(0, StopAction.BRAKE);
        tree.settle();
        body.motors().read(state);
        assertThat(state.speedCountsPerSec[0]).isZero();
        assertThat(state.flags[0]).isZero();
        // Stopped: the position the driver reads is exactly the emulator's.
        assertThat(state.positionCounts[0]).isEqualTo((int) Math.round(left.position()));
    }

    @Test
    void runToRelPosStopsAtTheTargetAndHolds() {
        body.motors().stop(0, StopAction.HOLD);
        body.motors().runToRelPos(0, 180, 900);
        await("arrived", () -> !left.running() && left.position() != 0);
        body.motors().read(state);
        assertThat(state.positionCounts[0]).isEqualTo(180);
        assertThat(state.flags[0]).isEqualTo(MotorState.HOLDING);
        body.motors().runToRelPos(0, -90, 900); // direction from the position, not the speed
        await("arrived back", () -> !left.running() && left.position() == 90);
        body.motors().read(state);
        assertThat(state.positionCounts[0]).isEqualTo(90);
    }

    @Test
    void runTimedStopsAfterTimeSp() throws Exception {
        body.motors().runTimed(0, 200, 600);
        await("started and stopped", () -> left.applied().contains("run-timed@600") && !left.running());
        body.motors().read(state);
        // 600 counts/s for 200 ms = 120 counts.
        assertThat(state.positionCounts[0]).isBetween(119, 121);
        assertThat(state.flags[0]).as(left.applied().toString()).isZero(); // coast after reset: not holding
        assertThat(left.read("time_sp")).isEqualTo("200");
    }

    @Test
    void resetZeroesPosition() {
        body.motors().runToRelPos(0, 50, 1000);
        await("arrived", () -> left.position() == 50);
        ((Ev3Body.Ev3Motors) body.motors()).reset(0);
        tree.settle();
        body.motors().read(state);
        assertThat(state.positionCounts[0]).isZero();
        // Set points are rewritten after a reset even when the value is the same as before.
        body.motors().runToRelPos(0, 50, 1000);
        await("arrived again", () -> left.position() == 50);
    }

    @Test
    void stallShowsInState() {
        left.block(true);
        body.motors().runForever(0, 400);
        await("stalled", () -> left.state().contains("stalled"));
        body.motors().read(state);
        assertThat(state.has(0, MotorState.STALLED)).isTrue();
        assertThat(state.has(0, MotorState.RUNNING)).isTrue();
        assertThat(state.speedCountsPerSec[0]).isZero();
        left.block(false);
        await("unstalled", () -> !left.state().contains("stalled"));
        body.motors().read(state);
        assertThat(state.has(0, MotorState.STALLED)).isFalse();
        assertThat(state.speedCountsPerSec[0]).isEqualTo(400);
    }

    @Test
    void speedAboveMaxIsACountedAssertionInTheDriverAndRefusedByTheKernel() throws Exception {
        body.motors().runForever(0, 5000); // bypassing the loop's write phase, which clamps
        assertThat(body.health().rejectedWriteCount()).isEqualTo(1);
        assertThat(body.health().lastError()).contains("speed_sp 5000 beyond max_speed 1050; command not sent");
        body.motors().runForever(0, 1050);
        await("running", left::running);
        assertThat(left.read("speed_sp")).isEqualTo("1050");
        assertThat(left.applied()).noneMatch(a -> a.contains("5000"));
        assertThat(left.rejected()).isZero();
        // What the kernel does with a raw write beyond max_speed: refused, the old value stays.
        // Written in place like any sysfs writer (no truncation, which the emulator could see
        // half done and refuse as an empty value).
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                root.resolve("tacho-motor/motor1/speed_sp"), java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("2000\n".getBytes()), 0);
        }
        tree.settle();
        assertThat(left.read("speed_sp")).isEqualTo("1050");
        assertThat(left.rejected()).isEqualTo(1);
        assertThat(left.speed()).isEqualTo(1050);
    }

    @Test
    void touchAndBattery() throws Exception {
        assertThat(body.touch().pressed(0)).isFalse();
        touch.setValue(0, 1);
        assertThat(body.touch().pressed(0)).isTrue();
        tree.setBattery(7_412_000, 250_000);
        assertThat(body.battery().voltageV()).isEqualTo(7.412, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(body.battery().currentA()).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(touch.mode()).isEqualTo("TOUCH");
    }

    @Test
    void ledsShowStartingThenRunningThenOff() throws Exception {
        assertThat(tree.led("led0:red:brick-status")).isEqualTo(255);  // amber: starting
        assertThat(tree.led("led0:green:brick-status")).isEqualTo(255);
        body.motors().read(state);
        assertThat(tree.led("led0:red:brick-status")).as("a read is not activation").isEqualTo(255);
        body.activate();                                                  // what the loop does after the first tick
        assertThat(tree.led("led0:red:brick-status")).isZero();        // green: running
        assertThat(tree.led("led1:green:brick-status")).isEqualTo(255);
        body.close();
        assertThat(tree.led("led1:green:brick-status")).isZero();
        assertThat(tree.led("led1:red:brick-status")).isZero();
    }

    @Test
    void aLoopFaultTurnsTheLedsRedAndCloseLeavesThemRed() throws Exception {
        body.activate();
        body.onFault(new IllegalStateException("a stage failed"));
        assertThat(tree.led("led0:red:brick-status")).isEqualTo(255);
        assertThat(tree.led("led0:green:brick-status")).isZero();
        body.close();
        assertThat(tree.led("led0:red:brick-status")).as("the fault stays visible").isEqualTo(255);
    }

    @Test
    void unpluggingAMotorMidRunStopsTheOthersAndShowsTheFault() throws Exception {
        body.motors().runForever(0, 300);
        body.motors().runForever(1, 300);
        await("both running", () -> left.running() && right.running());
        body.motors().read(state);
        tree.unplug(left);
        assertThatThrownBy(() -> body.motors().read(state))
                .isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining("tacho-motor/motor1")
                .hasMessageContaining("ev3-ports:outB")
                .hasMessageContaining("vanished");
        await("right stopped", () -> !right.running());
        assertThat(right.applied()).last().asString().startsWith("stop@brake");
        assertThat(body.leds().showing()).isEqualTo(StatusLeds.Show.FAULT);
        assertThat(tree.led("led0:red:brick-status")).isEqualTo(255);
        assertThat(tree.led("led0:green:brick-status")).isZero();
        assertThat(body.health().fault()).isInstanceOf(DeviceGoneException.class);
        body.close(); // closing a body with a vanished motor must not throw; the LEDs stay red
        assertThat(tree.led("led1:red:brick-status")).isEqualTo(255);
    }

    @Test
    void unpluggingTheTouchSensorIsAFault() throws Exception {
        body.motors().runForever(1, 300);
        await("running", right::running);
        tree.unplug(touch);
        assertThatThrownBy(() -> body.touch().pressed(0))
                .isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining("ev3-ports:in1");
        await("stopped", () -> !right.running());
    }
}
