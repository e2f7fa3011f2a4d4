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

/** The packaged brick jar's own command line: --version from its manifest, --print-config of the example. */
class BrickJarCliIT {
    static String run(String... args) throws Exception {
        Path jar = Paths.get(System.getProperty("ev3cortex.brickJar", "target/ev3cortex-robot.jar"));
        assumeTrue(Files.exists(jar), "brick jar not built: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void versionComesFromTheManifest() throws Exception {
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
}
