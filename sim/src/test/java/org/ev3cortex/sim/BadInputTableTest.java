package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sim jar's commands against bad inputs, one row each: exit code 2, one line naming the file
 * (with line and key where there is one), no stack trace. Same table as the brick and deploy jars'.
 */
class BadInputTableTest {
    @TempDir static Path dir;

    /** A file FILE (written with {@code content} unless null) and the command that gets it. */
    static Arguments row(String file, String content, String expected, String... command) {
        return Arguments.of(file, content, expected, command);
    }

    static Stream<Arguments> rows() {
        String world = "run --headless --seconds 1 --world FILE";
        return Stream.of(
                row("missing-world.properties", null, ": file not found", world.split(" ")),
                row("/dev/zero", null, "/dev/zero: too large (limit 1048576 bytes)", world.split(" ")),
                row("w-unknown.properties", "sim.world.widthM=5\nsim.world.obstacle=box 1 1 1 1 red\n",
                        ":2: sim.world.obstacle: unknown key (did you mean sim.world.obstacles?)", world.split(" ")),
                row("w-width.properties", "sim.world.widthM=wide\n", ":1: sim.world.widthM: 'wide'", world.split(" ")),
                row("w-shape.properties", "sim.world.obstacles=triangle 1 1 1 red\n", ":1: sim.world.obstacles: item 1", world.split(" ")),
                row("w-colour.properties", "sim.world.obstacles=box 1 1 0.2 0.2 mauve\n", ":1: sim.world.obstacles: item 1 'box 1 1 0.2 0.2 mauve': 'mauve' is not a colour", world.split(" ")),
                row("w-outside.properties", "sim.world.obstacles=box 9 1 0.2 0.2 red\n", ":1: sim.world.obstacles: obstacle 1", world.split(" ")),
                row("w-robot.properties", "sim.world.obstacles=box 0.6 0.6 0.4 0.4 red\n", ":1: sim.world.obstacles: the robot starts inside an obstacle", world.split(" ")),
                row("w-nyquist.properties", "sim.world.sounds=tone 1 1 12000 0.5\n", ":1: sim.world.sounds: sound 1: 12000 Hz is not below the Nyquist frequency", world.split(" ")),
                row("w-nowav.properties", "sim.world.sounds=wav 1 1 absent.wav 0.5\n", ":1: sim.world.sounds: sound 1: wav file not found", world.split(" ")),
                row("w-emptywav.properties", "sim.world.sounds=wav 1 1 empty.wav 0.5\n", ":1: sim.world.sounds: sound 1: wav file is empty", world.split(" ")),
                row("w-textwav.properties", "sim.world.sounds=wav 1 1 text.wav 0.5\n", ":1: sim.world.sounds: sound 1: not a wav file", world.split(" ")),
                row("w-sound.properties", "sim.world.sounds=whistle 1 1 0.5\n", ":1: sim.world.sounds: item 1 'whistle 1 1 0.5': unknown sound", world.split(" ")),
                row("w-control.properties", "sim.world.wallColour=red\u0001\n", ":1: sim.world.wallColour: the value holds a control character", world.split(" ")),
                row("w-battery.properties", "sim.battery.emptyV=9\n", ":1: sim.battery.emptyV: must be below sim.battery.fullV", world.split(" ")),
                row("report-file.txt", "mine\n", ": --report names an existing file", "run", "--headless", "--report", "FILE"),
                row("v1-out.txt", "mine\n", ": --out names an existing file", "tools", "v1", "--in", "in.png", "--out", "FILE"),
                row("missing.png", null, "no such file: ", "tools", "v1", "--in", "FILE", "--out", "v1-out"),
                row("not-an-image.png", "hello\n", "unsupported image format: ", "tools", "v1", "--in", "FILE", "--out", "v1-out"),
                row("not-a-wav.wav", "hello\n", "unsupported or corrupt WAV: ", "tools", "a1", "--in", "FILE", "--out", "a1-out"),
                row("/dev/null", null, "not a file: /dev/null", "tools", "a1", "--in", "FILE", "--out", "a1-out"),
                row("not.npy", "hello\n", ": not a .npy file", "tools", "predict", "--stream", "npy", "--npy", "FILE", "--out", "p-out"),
                row("/dev/zero", null, "/dev/zero: too large (limit 536870912 bytes)", "tools", "predict", "--stream", "npy", "--npy", "FILE", "--out", "p-out2"),
                row("missing.npy", null, ": file not found", "tools", "predict", "--stream", "npy", "--npy", "FILE", "--out", "p-out3"),
                row("tool-config.properties", "v1.rings=many\n", ":1: v1.rings: 'many'", "tools", "v1", "--in", "in.png", "--out", "v1-out", "-c", "FILE"));
    }

    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("rows")
    void simJarRefusesInOneLine(String name, String content, String expected, String[] command) throws Exception {
        Files.write(dir.resolve("empty.wav"), new byte[0]);
        Files.writeString(dir.resolve("text.wav"), "not audio\n");
        Path file = name.startsWith("/") ? Path.of(name) : dir.resolve(name);
        if (content != null) Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>();
        for (String a : command) {
            boolean local = !a.startsWith("-") && (a.endsWith("-out") || a.endsWith("-out2") || a.endsWith("-out3") || a.equals("in.png"));
            args.add(a.equals("FILE") ? file.toString() : local ? dir.resolve(a).toString() : a);
        }
        HostileInputTest.Run r = HostileInputTest.sim(args.toArray(new String[0]));
        assertBadInput(r.code(), r.err(), file.toString(), expected);
    }

    static void assertBadInput(int code, String err, String file, String expected) {
        assertThat(code).as(err).isEqualTo(2);
        String[] naming = Arrays.stream(err.split("\\R")).filter(l -> l.contains(file)).toArray(String[]::new);
        assertThat(naming).as("exactly one line names %s in:%n%s", file, err).hasSize(1);
        assertThat(naming[0]).contains(expected);
        assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
