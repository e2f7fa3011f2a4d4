package org.ev3cortex.deploy;

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
 * The deploy jar against bad local inputs, one row each: exit code 2, one line naming the file
 * (and key where there is one), no stack trace, and no connection attempted (the port is closed:
 * trying would end in "cannot connect", exit 1). Same table as the brick and sim jars'.
 */
class BadInputTableTest {
    @TempDir static Path dir;

    static Arguments row(String file, Object content, String expected, String... command) {
        return Arguments.of(file, content, expected, command);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("missing.properties", null, ": file not found (-P", "status", "-P", "FILE"),
                row("props-dir", "DIR", ": -P names a directory", "status", "-P", "FILE"),
                row("/dev/zero", null, "/dev/zero: too large (limit 1048576 bytes)", "status", "-P", "FILE"),
                row("unknown.properties", "host=ev3\nhots=ev4\n", ": hots: unknown key", "status", "-P", "FILE"),
                row("password.properties", "password=hunter2\n", ": password: passwords are never read from properties files", "info", "-P", "FILE"),
                row("port.properties", "port=twenty-two\n", ": port: 'twenty-two' is not a port number", "status", "-P", "FILE"),
                row("latin1.properties", new byte[] {'u', 's', 'e', 'r', '=', (byte) 0xE9, '\n'}, ": bytes that are not UTF-8", "status", "-P", "FILE"),
                row("nojar.jar", null, ": file not found (--jar", "deploy", "--jar", "FILE"),
                row("jar-dir", "DIR", ": --jar names a directory", "deploy", "--jar", "FILE"),
                row("/dev/zero", null, "/dev/zero: not a regular file (--jar)", "deploy", "--jar", "FILE"),
                row("noconfig.properties", null, ": file not found (--config", "deploy", "--config", "FILE"),
                row("notune.properties", null, ": file not found (tune", "tune", "FILE"),
                row("tune-dir", "DIR", ": tune names a directory", "tune", "FILE"));
    }

    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("rows")
    void deployJarRefusesInOneLineBeforeConnecting(String name, Object content, String expected, String[] command) throws Exception {
        Path file = name.startsWith("/") ? Path.of(name) : dir.resolve(name);
        if ("DIR".equals(content)) Files.createDirectories(file);
        else if (content instanceof String) Files.write(file, ((String) content).getBytes(StandardCharsets.UTF_8));
        else if (content instanceof byte[]) Files.write(file, (byte[]) content);
        Files.writeString(dir.resolve("empty.properties"), "");
        List<String> args = new ArrayList<>();
        for (String a : command) args.add(a.equals("FILE") ? file.toString() : a);
        if (!args.contains("-P")) args.addAll(List.of("-P", dir.resolve("empty.properties").toString()));
        args.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(DeployHardeningTest.closedPort()),
                "--known-hosts", dir.resolve("kh").toString()));
        DeployHardeningTest.Run r = DeployHardeningTest.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        String[] naming = Arrays.stream(r.err().split("\\R")).filter(l -> l.contains(file.toString())).toArray(String[]::new);
        assertThat(naming).as("exactly one line names %s in:%n%s", file, r.err()).hasSize(1);
        assertThat(naming[0]).contains(expected);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("connect");
    }
}
