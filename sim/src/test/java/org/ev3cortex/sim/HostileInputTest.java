package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.ev3cortex.config.ConfigError;
import org.ev3cortex.config.ConfigException;
import org.ev3cortex.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Inputs that used to fail late, with a stack trace, or not at all: each is refused in one line
 * naming the file (and line and key), with exit code 2, before any work. Report files appear whole.
 */
class HostileInputTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    /** The sim CLI with both picocli's writers and System.out/err captured (the run command prints directly). */
    static Run sim(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        StringWriter pOut = new StringWriter();
        StringWriter pErr = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = SimMain.commandLine();
            cl.setOut(new PrintWriter(pOut, true));
            cl.setErr(new PrintWriter(pErr, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8) + pOut, err.toString(StandardCharsets.UTF_8) + pErr);
    }

    private List<String> worldErrors(String text) throws Exception {
        Path world = dir.resolve("world.properties");
        Files.write(world, text.getBytes(StandardCharsets.UTF_8));
        try {
            new ConfigLoader(SimKeys.schema()).load(List.of(world));
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).collect(Collectors.toList());
        }
        return List.of();
    }

    private String world() {
        return dir.resolve("world.properties").toString();
    }

    @Test
    void anEmptyWavIsNamedAtTheWorldFilesLine() throws Exception {
        Files.write(dir.resolve("empty.wav"), new byte[0]);
        assertThat(worldErrors("sim.world.widthM=5\nsim.world.sounds=wav 2 2 empty.wav 0.5\n")).containsExactly(
                world() + ":2: sim.world.sounds: sound 1: wav file is empty: " + dir.resolve("empty.wav"));
    }

    @Test
    void aFileThatIsNotAWavIsNamedAtTheWorldFilesLine() throws Exception {
        Files.writeString(dir.resolve("notes.wav"), "these are my notes, not audio\n");
        assertThat(worldErrors("sim.world.sounds=tone 1 1 440 0.5; wav 2 2 notes.wav 0.5\n")).containsExactly(
                world() + ":1: sim.world.sounds: sound 2: not a wav file: " + dir.resolve("notes.wav"));
    }

    @Test
    void aRobotInsideAnObstacleIsBlamedOnTheWorldFilesObstacleLine() throws Exception {
        // The robot's default start (0.6, 0.6) is inside this box: the world file's line is at fault.
        assertThat(worldErrors("sim.world.widthM=5\nsim.world.obstacles=box 0.6 0.6 0.4 0.4 red\n")).containsExactly(
                world() + ":2: sim.world.obstacles: the robot starts inside an obstacle (box at 0.60,0.60 size 0.40x0.40)");
    }

    @Test
    void tonesAtOrAboveTheNyquistFrequencyAreRefused() throws Exception {
        assertThat(worldErrors("sim.world.sounds=tone 1 1 9000 0.5\n")).containsExactly(world() + ":1: sim.world.sounds:"
                + " sound 1: 9000 Hz is not below the Nyquist frequency (8000 Hz at the simulated microphone's 16000 Hz)");
        assertThat(worldErrors("sim.world.sounds=chirp 1 1 200 8000 0.5\n")).singleElement().asString()
                .startsWith(world() + ":1: sim.world.sounds: sound 1: 8000 Hz is not below the Nyquist frequency");
        assertThat(worldErrors("sim.world.sounds=tone 1 1 7999 0.5; chirp 1 1 200 4000 0.5\n")).isEmpty();
    }

    @Test
    void anEndlessWorldFileIsRefusedAtTheLimit() {
        Run r = sim("run", "--headless", "--world", "/dev/zero");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("/dev/zero: too large (limit 1048576 bytes)").doesNotContain("Exception");
    }

    @Test
    void runReportIntoAnExistingFileFailsBeforeTheRun() throws Exception {
        Path file = Files.writeString(dir.resolve("report.txt"), "mine\n");
        long t0 = System.nanoTime();
        Run r = sim("run", "--headless", "--seconds", "600", "--report", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(file + ": --report names an existing file; it must be a directory\n");
        assertThat(r.out()).doesNotContain("Simulating");
        assertThat((System.nanoTime() - t0) / 1e9).as("refused before simulating 600 s").isLessThan(20);
        assertThat(Files.readString(file)).isEqualTo("mine\n");
    }

    @Test
    void toolsV1OutIntoAnExistingFileFailsBeforeReadingTheImage() throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "mine\n");
        Run r = sim("tools", "v1", "--in", dir.resolve("no-such.png").toString(), "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + file + ": --out names an existing file; it must be a directory\n");
        assertThat(Files.readString(file)).isEqualTo("mine\n");
    }

    @Test
    void reportFilesAreReplacedWholeByRenameNeverRewrittenInPlace() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report"));
        Path summary = Files.writeString(report.resolve("summary.json"), "old summary\n");
        Path png = Files.writeString(report.resolve("trajectory.png"), "old png\n");
        // A reader that opened the old files: with write-then-rename it keeps the old, whole bytes;
        // a truncate-and-rewrite in place would show it a 0-byte or half-written file.
        try (FileChannel oldSummary = FileChannel.open(summary); FileChannel oldPng = FileChannel.open(png)) {
            Run r = sim("run", "--headless", "--seconds", "2", "--seed", "3", "--set", "sim.hostStats=false",
                    "--report", report.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(read(oldSummary)).isEqualTo("old summary\n");
            assertThat(read(oldPng)).isEqualTo("old png\n");
        }
        assertThat(Files.readString(summary).strip()).startsWith("{").contains("\"ticks\": 20").endsWith("}");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        try (var s = Files.list(report)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("summary.json", "trajectory.png", "battery.png", "surprise.png", "prediction.png",
                            "collisions.png");
        }
    }

    private static String read(FileChannel ch) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64);
        int n = ch.read(b, 0);
        return new String(b.array(), 0, Math.max(0, n), StandardCharsets.UTF_8);
    }
}
