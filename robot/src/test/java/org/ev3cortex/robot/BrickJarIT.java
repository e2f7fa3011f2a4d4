package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeMotor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged brick jar, unchanged, against the behaving fake ev3dev tree, with shell stand-ins
 * for ffmpeg and arecord: it finds the devices, runs at least 100 ticks, and SIGTERM leaves the
 * motors stopped. Also counts the classes loaded before the first tick. Runs after
 * {@code package} (integration-test phase).
 */
class BrickJarIT {
    @TempDir Path root;

    @Test
    void brickJarDrivesTheFakeTreeAndSigtermLeavesMotorsStopped() throws Exception {
        Path jar = Paths.get(System.getProperty("ev3cortex.brickJar", "target/ev3cortex-robot.jar"));
        assumeTrue(Files.exists(jar), "brick jar not built: " + jar);
        try (FakeEv3Tree tree = new FakeEv3Tree(root.resolve("sys"))) {
            FakeMotor right = tree.addMotor("outC", "lego-ev3-l-motor");
            FakeMotor left = tree.addMotor("outB", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            tree.start(2);
            // Left running by an earlier program: the brick must reset it.
            Files.write(root.resolve("sys/tacho-motor/motor1/speed_sp"), "400\n".getBytes());
            try (java.io.FileOutputStream cmd = new java.io.FileOutputStream(root.resolve("sys/tacho-motor/motor1/command").toFile())) {
                cmd.write("run-forever\n".getBytes());
            }
            TestBodies.await("left running before the brick starts", left::running);

            List<String> cmd = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-Xlog:class+load=info:stdout",
                    "-jar", jar.toString(),
                    "--set", "ev3.sysfs.root=" + root.resolve("sys"),
                    "--set", "body.motorPorts=outB,outC",
                    "--set", "body.touchPorts=in1",
                    "--set", "agent.periodMs=20",
                    "--set", "safety.motorExpiryMs=100",
                    "--set", "ev3.camera.command=sh -c 'while :; do head -c {width}00 /dev/zero | head -c 38400; sleep 0.1; done'",
                    "--set", "ev3.mic.command=sh -c 'while :; do head -c 6400 /dev/zero; sleep 0.1; done'",
                    "--set", "ev3.stats.intervalMs=200"));
            Path logFile = root.resolve("brick.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            List<String> out = new ArrayList<>();
            java.util.function.Function<String, java.util.function.BooleanSupplier> logged = line -> () -> {
                try {
                    return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).contains(line);
                } catch (java.io.IOException e) {
                    return false;
                }
            };
            try {
                // The body is open (motors found and reset) before the agent's first command.
                TestBodies.await("body ready", logged.apply("ev3dev body ready"));
                TestBodies.await("reset at start-up stops the left-over run",
                        () -> left.applied().stream().anyMatch(a -> a.startsWith("reset")));
                TestBodies.await("first tick", logged.apply("first tick done"));
                // The agent drives: both motors get run-forever commands from M1, which the body
                // issues as run-timed under the kernel dead-man.
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && !(left.applied().stream().anyMatch(a -> a.startsWith("run-timed"))
                        && right.applied().stream().anyMatch(a -> a.startsWith("run-timed")))) {
                    Thread.sleep(20);
                }
                assertThat(left.applied()).as("the agent drove the left motor").anyMatch(a -> a.startsWith("run-timed"));
                assertThat(right.applied()).as("the agent drove the right motor").anyMatch(a -> a.startsWith("run-timed"));
                // The dead-man is the motor expiry + 100 ms, longer while ticks run late (twice the
                // actual interval, in 100 ms steps), never shorter.
                assertThat(Integer.parseInt(left.read("time_sp"))).as("dead-man >= motor expiry + 100 ms")
                        .isGreaterThanOrEqualTo(200).matches(ms -> ms % 100 == 0);
                long start = System.nanoTime();
                Thread.sleep(2_500);
                System.out.println("waited " + (System.nanoTime() - start) / 1_000_000 + " ms; left " + left.applied() + " right " + right.applied());
                assertThat(p.isAlive()).as(String.join("\n", out)).isTrue();
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("a clean stop on SIGTERM exits 0 (docs/brick.md)").isZero();
            } finally {
                p.destroyForcibly();
            }
            out.addAll(Files.readAllLines(logFile));
            String log = String.join("\n", out) + "\nexit code " + p.exitValue();
            Matcher m = Pattern.compile("(\\d+) ticks, (\\d+) overruns").matcher(log);
            System.out.println(out.stream().filter(l -> !l.contains("[class,load]")).collect(java.util.stream.Collectors.joining("\n")));
            assertThat(m.find()).as(log).isTrue();
            long ticks = Long.parseLong(m.group(1));
            assertThat(ticks).as(log).isGreaterThanOrEqualTo(100);
            assertThat(left.running()).isFalse();
            assertThat(right.running()).isFalse();
            assertThat(left.applied()).last().asString().startsWith("stop@");
            assertThat(right.applied()).last().asString().startsWith("stop@");
            String messages = out.stream().filter(l -> !l.contains("[class,load]")).collect(java.util.stream.Collectors.joining("\n"));
            assertThat(messages).doesNotContain("device failed").doesNotContain("Exception")
                    .doesNotContain("unusable value").doesNotContain("device fault");
            assertThat(tree.led("led0:green:brick-status")).as("LEDs off after a clean stop").isZero();

            int before = 0;
            int total = 0;
            boolean seenFirstTick = false;
            for (String l : out) {
                // "agent running" is logged just before the loop's first tick begins.
                if (l.contains("agent running on")) seenFirstTick = true;
                if (l.contains("[class,load]")) {
                    total++;
                    if (!seenFirstTick) before++;
                }
            }
            List<String> early = new ArrayList<>();
            for (String l : out) {
                if (l.contains("agent running on")) break;
                if (l.contains("[class,load]")) early.add(l.replaceAll(".*\\[class,load\\] ", ""));
            }
            Files.write(Paths.get("target/brick-classes-before-first-tick.txt"), early);
            System.out.println("brick jar " + Files.size(jar) + " bytes; " + ticks + " ticks; classes loaded before the first tick: "
                    + before + " (of " + total + " in the run) on Java " + System.getProperty("java.version"));
            if (Runtime.version().feature() == 17) assertThat(before).isLessThanOrEqualTo(1200);
        }
    }
}
