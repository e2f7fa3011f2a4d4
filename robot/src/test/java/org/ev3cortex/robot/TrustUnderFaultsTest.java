package org.ev3cortex.robot;

import org.ev3cortex.seam.TickData;
import org.ev3cortex.seam.LoopState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ev3cortex.robot.TestBodies.await;
import static org.ev3cortex.robot.TestBodies.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeMotor;
import org.ev3cortex.robot.sysfs.DeviceFaultException;
import org.ev3cortex.robot.sysfs.DeviceGoneException;
import org.ev3cortex.robot.sysfs.StatusLeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Faults the body must not let pass, against the behaving fake tree: a battery reading that goes
 * bad, a refused set point, a motor left running by a dead JVM (the kernel dead-man), and a
 * device fault's log line.
 */
class TrustUnderFaultsTest {
    @TempDir Path root;
    FakeEv3Tree tree;
    FakeMotor left;
    FakeMotor right;
    Ev3Body body;

    @BeforeEach
    void plugIn() throws Exception {
        tree = new FakeEv3Tree(root);
        left = tree.addMotor("outB", "lego-ev3-l-motor");
        right = tree.addMotor("outC", "lego-ev3-l-motor");
        tree.start(2);
    }

    @AfterEach
    void unplugAll() {
        if (body != null) body.close();
        tree.close();
    }

    @Test
    void aBatteryVoltageGoneBadIsAFaultEvenWhileTheCurrentReadsFine() throws Exception {
        body = Ev3Body.open(config(root, "outB,outC", ""));
        body.motors().runForever(1, 300);
        await("running", right::running);
        tree.setBatteryRaw("voltage_now", "");
        // Each tick reads the voltage, then the current (CombinedSource's order); the good
        // current must not forgive the bad voltages. ev3.garbageLimit defaults to 5.
        for (int i = 1; i < 5; i++) {
            assertThat(body.battery().voltageV()).isEqualTo(7.8);
            assertThat(body.battery().currentA()).isEqualTo(0.18);
        }
        assertThat(body.health().fault()).isNull();
        assertThatThrownBy(() -> body.battery().voltageV())
                .isInstanceOf(DeviceFaultException.class)
                .hasMessageContaining("power_supply/lego-ev3-battery returned 5 unusable values in a row")
                .hasMessageContaining("voltage_now")
                .hasMessageContaining("empty value");
        await("motor stopped", () -> !right.running());
        assertThat(right.applied()).last().asString().startsWith("stop@brake");
        assertThat(body.leds().showing()).isEqualTo(StatusLeds.Show.FAULT);
        assertThat(tree.led("led0:red:brick-status")).isEqualTo(255);
        assertThat(tree.led("led0:green:brick-status")).isZero();
    }

    @Test
    void badCurrentReadsAloneAlsoMakeAFault() throws Exception {
        body = Ev3Body.open(config(root, "outB", ""));
        tree.setBatteryRaw("current_now", "x\n");
        for (int i = 1; i < 5; i++) {
            body.battery().voltageV();
            body.battery().currentA();
        }
        assertThatThrownBy(() -> body.battery().currentA()).isInstanceOf(DeviceFaultException.class)
                .hasMessageContaining("current_now");
    }

    @Test
    void aRefusedSpeedSpWriteIsAFaultNotAnUnusableValue() throws Exception {
        // A set point the driver refuses: the write itself fails (as EINVAL would). /dev/full
        // fails every write with an errno, which is what the driver sees from the kernel.
        Path speedSp = root.resolve("tacho-motor/motor0/speed_sp");
        Files.delete(speedSp);
        Files.createSymbolicLink(speedSp, Paths.get("/dev/full"));
        body = Ev3Body.open(config(root, "outB,outC", ""));
        body.motors().runForever(1, 300);
        await("other running", right::running);
        assertThatThrownBy(() -> body.motors().runForever(0, 300))
                .isInstanceOf(DeviceFaultException.class)
                .hasMessageContaining("tacho-motor/motor0")
                .hasMessageContaining("ev3-ports:outB")
                .hasMessageContaining("refused by the driver")
                .hasMessageContaining("speed_sp 300");
        assertThat(body.health().rejectedWriteCount()).isEqualTo(1);
        assertThat(body.health().garbageCount()).as("not an unusable value").isZero();
        assertThat(body.health().fault()).isInstanceOf(DeviceFaultException.class);
        await("other motor stopped", () -> !right.running());
        assertThat(body.leds().showing()).isEqualTo(StatusLeds.Show.FAULT);
    }

    @Test
    void runForeverIsRunTimedUnderTheKernelDeadManAndStaysSmooth() throws Exception {
        body = Ev3Body.open(config(root, "outB", "").with(LoopKeys.MOTOR_EXPIRY_MS, 150));
        // Re-issued each "tick" (50 ms) for 1 s: the motor runs throughout, never stopped in
        // between, and time_sp is written once.
        long end = System.nanoTime() + 1_000_000_000L;
        body.motors().runForever(0, 400);
        await("running", left::running);
        long lastCommand = System.nanoTime();
        while (System.nanoTime() < end) {
            assertThat(left.running()).as("still running: " + left.applied()).isTrue();
            body.motors().runForever(0, 400);
            lastCommand = System.nanoTime();
            Thread.sleep(50);
        }
        assertThat(left.read("time_sp")).isEqualTo("250");
        assertThat(left.applied()).filteredOn(a -> !a.startsWith("reset")).isNotEmpty()
                .allMatch(a -> a.equals("run-timed@400"), "only run-timed, no stop between ticks");
        // Commands end (the JVM died): the kernel stops the motor after time_sp by itself.
        await("stopped by the dead-man", () -> !left.running());
        long afterMs = (System.nanoTime() - lastCommand) / 1_000_000;
        assertThat(afterMs).isBetween(200L, 400L);
        assertThat(left.applied()).noneMatch(a -> a.startsWith("stop"));
    }

    @Test
    void aDeviceFaultIsLoggedAsOneLineWithTheCause() throws Exception {
        org.ev3cortex.config.Config c = config(root, "outB,outC", "").with(LoopKeys.PERIOD_MS, 20);
        body = Ev3Body.open(c);
        Logger loopLog = (Logger) LoggerFactory.getLogger(TickLoop.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        loopLog.addAppender(events);
        try {
            Stage drive = new Stage() {
                @Override public String name() { return "drive"; }
                @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                    out.runForever(0, 200);
                    out.runForever(1, 200);
                }
            };
            TickLoop loop = new TickLoop(body, List.of(drive), c);
            Thread unplug = new Thread(() -> {
                await("running", () -> left.running() && right.running());
                try {
                    tree.unplug(left);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            unplug.start();
            assertThat(loop.runTicks(500)).isEqualTo(LoopState.FAULTED);
            unplug.join();
            assertThat(loop.failure()).isInstanceOf(DeviceGoneException.class);
            ILoggingEvent e = events.list.stream().filter(ev -> ev.getFormattedMessage().contains("failed at tick"))
                    .findFirst().orElseThrow();
            assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
            assertThat(e.getFormattedMessage()).contains("tacho-motor/motor0").contains("vanished").doesNotContain("\n");
        } finally {
            loopLog.detachAppender(events);
        }
    }
}
