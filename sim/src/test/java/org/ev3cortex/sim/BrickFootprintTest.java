package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brick jar's footprint under the brick's JVM flags (docs/examples/deploy.properties, which
 * is deploy's default): run against serve-ev3 with its default period, camera, microphone and
 * system statistics, it is measured from /proc once every capture thread has started. Reports
 * the resident set and each thread; asserts the thread count, which the flags and the code fix.
 */
@EnabledOnOs(OS.LINUX)
class BrickFootprintTest {
    /** Threads with the brick flags on JDK 17 x86 (docs/brick.md, "Memory", lists them). */
    static final int MAX_THREADS = 16;

    @TempDir
    Path root;

    static List<String> brickFlags() throws IOException {
        Path example = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."), "docs", "examples", "deploy.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(example, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return Arrays.asList(p.getProperty("jvmFlags").trim().split("\\s+"));
    }

    private static String status(long pid, String key) throws IOException {
        for (String l : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
            if (l.startsWith(key + ":")) return l.substring(key.length() + 1).trim();
        }
        return "?";
    }

    @Test
    void theBrickJarUnderTheBrickFlagsRunsWithFewThreads() throws Exception {
        Path jar = ServeEv3Fixture.brickJar();
        List<String> flags = brickFlags();
        assertThat(flags).contains("-Xmx24m", "-XX:+UseSerialGC", "-XX:CICompilerCount=1");
        ServeEv3Fixture fixture = ServeEv3Fixture.start(root);
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", jar.toString(), "--set", "ev3.sysfs.root=" + root.resolve("sys"),
                "--set", "ev3.camera.command=cat " + root.resolve("camera.yuyv"),
                "--set", "ev3.mic.command=cat " + root.resolve("mic.s16")));
        Path log = root.resolve("brick.log");
        Process brick = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!read(log).contains("first tick done") && System.nanoTime() < deadline && brick.isAlive()) Thread.sleep(50);
            assertThat(read(log)).as("brick log").contains("first tick done");
            Thread.sleep(5_000); // the capture threads start after the first tick; stats sample every second
            assertThat(brick.isAlive()).as(read(log)).isTrue();
            long pid = brick.pid();
            Map<String, Integer> names = new TreeMap<>();
            try (var tasks = Files.list(Paths.get("/proc/" + pid + "/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    String comm = Files.readString(t.resolve("comm")).trim().replaceAll("^process reaper.*", "process reaper");
                    names.merge(comm, 1, Integer::sum);
                }
            }
            int threads = names.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("brick jar under %s on Java %s: RSS %s (peak %s), %d threads %s%n", String.join(" ", flags),
                    System.getProperty("java.version"), status(pid, "VmRSS"), status(pid, "VmHWM"), threads, names);
            assertThat(Integer.parseInt(status(pid, "Threads"))).isEqualTo(threads);
            // Linux keeps 15 characters of a thread's name.
            assertThat(names).as("the loop runs on main; one capture thread for camera, mic and statistics; no code-cache sweeper").containsKeys("agent-watchdog",
                    "capture").doesNotContainKey("Sweeper thread").doesNotContainKey("capture-camera")
                    .as("OSHI's /proc drivers on Linux: no JNA native library, no ldconfig child").doesNotContainKey("JNA Cleaner");
            assertThat(names.get("C1 CompilerThre")).as("one compiler thread").isEqualTo(1);
            assertThat(threads).as(names.toString()).isLessThanOrEqualTo(MAX_THREADS);
            brick.destroy(); // SIGTERM
            assertThat(brick.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(brick.exitValue()).as(read(log)).isZero();
        } finally {
            brick.destroyForcibly();
            fixture.close();
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
    }
}
