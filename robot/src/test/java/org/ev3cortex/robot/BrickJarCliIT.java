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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged brick jar's own command line: --version from its Maven metadata, --print-config of the example. */
class BrickJarCliIT {
    static String run(String... args) throws Exception {
        return run(0, List.of(), args);
    }

    static String run(int exitCode, List<String> jvmArgs, String... args) throws Exception {
        Path jar = Paths.get(System.getProperty("ev3cortex.brickJar", "target/ev3cortex-robot.jar"));
        assumeTrue(Files.exists(jar), "brick jar not built: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:+UseSerialGC"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(exitCode);
        return out;
    }

    @Test
    void versionComesFromTheJarsMavenMetadata() throws Exception {
        String version = System.getProperty("ev3cortex.version");
        assumeTrue(version != null, "run by the integration-test phase");
        assertThat(run("--version")).startsWith("ev3cortex-robot " + version + " on Java " + System.getProperty("java.version"));
    }

    @Test
    void theExampleConfigPrintsWithinOneHundredColumns() throws Exception {
        String out = run("--config", ExampleConfigTest.EXAMPLE.toString(), "--print-config");
        assertThat(out).contains("body.motorPorts = outB,outC").contains("# " + ExampleConfigTest.EXAMPLE + ":");
        assertThat(out.lines()).allMatch(l -> l.length() <= 100);
    }

    /**
     * The shade filters drop parts of logback; a full logback.xml (Joran, a pattern with %ex)
     * must still configure from the minimised jar, as the debugging recipe in brick.md says.
     */
    @Test
    void aLogbackXmlStillConfiguresFromTheMinimisedJar(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("logback.xml");
        Files.writeString(xml, "<configuration debug=\"true\">\n"
                + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%ex</pattern></encoder>\n"
                + "  </appender>\n"
                + "  <root level=\"DEBUG\"><appender-ref ref=\"OUT\"/></root>\n"
                + "</configuration>\n");
        Files.createDirectories(dir.resolve("sys"));
        // No devices under the root: the body cannot open (exit 2), after logging has started.
        String out = run(2, List.of("-Dlogback.configurationFile=" + xml), "--set", "ev3.sysfs.root=" + dir.resolve("sys"));
        assertThat(out).contains("Found resource [" + xml + "]").contains("End of configuration.")
                .contains("cannot open the ev3dev body")
                .doesNotContain("|-ERROR").doesNotContain("|-WARN").doesNotContain("ClassNotFoundException")
                .doesNotContain("NoClassDefFoundError");
    }
}
