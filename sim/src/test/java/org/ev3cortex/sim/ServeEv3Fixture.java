package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ev3cortex.config.Config;

/**
 * The simulated robot served as an ev3dev tree ({@code serve-ev3}) in this JVM, and the command
 * line that runs the unchanged brick jar against it: what the brick-jar-against-the-simulator
 * tests share.
 */
public final class ServeEv3Fixture implements AutoCloseable {
    public final ServeEv3Command server = new ServeEv3Command();
    private final Thread serving;

    private ServeEv3Fixture(Config config, Path root) {
        serving = new Thread(() -> {
            try {
                ServeEv3Command.serve(config, root, 0, server);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "serve-ev3");
    }

    /** The packaged brick jar; the test is skipped when the robot module has not built it. */
    public static Path brickJar() {
        Path jar = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."), "robot", "target", "ev3cortex-robot.jar");
        assumeTrue(Files.exists(jar), "the brick jar is built by the robot module before sim's tests: " + jar);
        return jar;
    }

    /** Serves the world of {@code settings} (host statistics off) under {@code root}, once it is up. */
    public static ServeEv3Fixture start(Path root, String... settings) throws Exception {
        ServeEv3Fixture f = new ServeEv3Fixture(ScenarioTest.config(settings), root);
        f.serving.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (f.server.body() == null && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(f.server.body()).as("serve-ev3 started").isNotNull();
        return f;
    }

    /** The brick jar against the tree under {@code root}: 20 ms ticks, the FIFOs, no OSHI; then {@code more}. */
    public static List<String> brickCommand(Path jar, Path root, String maxHeap, String... more) {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--set", "ev3.sysfs.root=" + root.resolve("sys"),
                "--set", "ev3.camera.command=cat " + root.resolve("camera.yuyv"),
                "--set", "ev3.mic.command=cat " + root.resolve("mic.s16"),
                "--set", "ev3.stats.enabled=false",
                "--set", "agent.periodMs=20", "--set", "safety.motorExpiryMs=100"));
        cmd.addAll(Arrays.asList(more));
        return cmd;
    }

    @Override
    public void close() {
        server.stop();
        try {
            serving.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
