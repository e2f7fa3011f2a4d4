package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The brick jar's main entry against bad inputs, one row each: exit code 2, one line naming the
 * file (with line and key where there is one), and no stack trace. The sim and deploy jars have
 * the same table ({@code BadInputTableTest} in each module).
 */
class BadInputTableTest {
    @TempDir static Path dir;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bom(String s) {
        byte[] t = utf8(s);
        byte[] b = new byte[t.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(t, 0, b, 3, t.length);
        return b;
    }

    /** name, file content (null: the path is used as given), expected text of the line naming the file. */
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("missing.properties", null, ": file not found"),
                Arguments.of("/dev/zero", null, "/dev/zero: too large (limit 1048576 bytes)"),
                Arguments.of("a-directory", new byte[0], ": is a directory, not a properties file"),
                Arguments.of("unknown.properties", utf8("agent.periodMs=50\nwheels.count=2\n"), ":2: wheels.count: unknown key"),
                Arguments.of("typo.properties", utf8("agent.periodMS=50\n"), ":1: agent.periodMS: unknown key (did you mean agent.periodMs?)"),
                Arguments.of("bom-typo.properties", bom("agent.periodMS=50\n"), ":1: agent.periodMS: unknown key (did you mean agent.periodMs?)"),
                Arguments.of("not-a-number.properties", utf8("agent.periodMs=fast\n"), ":1: agent.periodMs: 'fast'"),
                Arguments.of("range.properties", utf8("agent.periodMs=0\n"), ":1: agent.periodMs:"),
                Arguments.of("comment-latin1.properties", new byte[] {'#', ' ', (byte) 0xE9, '\n'},
                        ":1: bytes that are not UTF-8 (0xE9 at column 3); save the file as UTF-8 (in a comment)"),
                Arguments.of("value-latin1.properties", new byte[] {'e', 'v', '3', '.', 'm', 'i', 'c', '.', 'd', 'e', 'v', 'i', 'c', 'e',
                        '=', (byte) 0xE9, '\n'}, ":1: ev3.mic.device: bytes that are not UTF-8"),
                Arguments.of("control.properties", utf8("ev3.mic.device=hw:1\u0007\n"), ":1: ev3.mic.device: the value holds a control character (U+0007"),
                Arguments.of("escaped-control.properties", utf8("ev3.mic.device=hw\\u0000\n"), ":1: ev3.mic.device: the value holds a control character (U+0000"),
                Arguments.of("duplicate.properties", utf8("agent.periodMs=50\nagent.periodMs=60\n"), ":2: agent.periodMs: duplicate key"),
                Arguments.of("no-key.properties", utf8("=5\n"), ":1: (empty): a line with a value but no key"),
                Arguments.of("bad-escape.properties", utf8("ev3.mic.device=\\uZZZZ\n"), ":1: cannot parse the line"),
                Arguments.of("recover.properties", utf8("safety.battery.lowV=7\nsafety.battery.recoverV=6.8\n"),
                        ":2: safety.battery.recoverV: must be above safety.battery.lowV"),
                Arguments.of("expiry.properties", utf8("agent.periodMs=100\nsafety.motorExpiryMs=50\n"),
                        ":2: safety.motorExpiryMs: must be longer than agent.periodMs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void brickJarRefusesInOneLine(String name, byte[] content, String expected) throws Exception {
        Path file = name.startsWith("/") ? Path.of(name) : dir.resolve(name);
        if (content != null) {
            if (name.equals("a-directory")) Files.createDirectories(file);
            else Files.write(file, content);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BrickMain.run(new String[] {"--config", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertBadInput(code, err.toString(StandardCharsets.UTF_8), file.toString(), expected);
    }

    @ParameterizedTest(name = "sysfs root {0}")
    @MethodSource("roots")
    void aSysfsRootThatIsNotAnEv3devTreeIsOneLine(String root, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BrickMain.run(new String[] {"--set", "ev3.sysfs.root=" + root, "--set", "ev3.deviceTimeoutMs=50",
                "--set", "body.touchPorts=", "--set", "ev3.leds.enabled=false"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertBadInput(code, err.toString(StandardCharsets.UTF_8), root, expected);
    }

    static Stream<Arguments> roots() {
        return Stream.of(Arguments.of("/nonexistent-sysfs", "no tacho-motor at ev3-ports:outB"),
                Arguments.of("/dev/zero", "no tacho-motor at ev3-ports:outB"));
    }

    /** The shared assertion of every table: exit 2, one line naming the file, no stack trace. */
    static void assertBadInput(int code, String err, String file, String expected) {
        assertThat(code).as(err).isEqualTo(2);
        String[] naming = Arrays.stream(err.split("\\R")).filter(l -> l.contains(file)).toArray(String[]::new);
        assertThat(naming).as("exactly one line names %s in:%n%s", file, err).hasSize(1);
        assertThat(naming[0]).contains(expected);
        assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("\uFEFF");
    }
}
