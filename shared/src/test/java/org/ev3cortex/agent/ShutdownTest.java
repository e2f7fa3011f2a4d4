package org.ev3cortex.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGTERM and SIGINT to a real child JVM running the loop: the motors end stopped. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ShutdownTest {

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalStopsTheMotors(String signal) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=nonexistent.xml", ShutdownProbeMain.class.getName())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.equals("READY")) break;
            }
            assertThat(lines).as("child output").contains("READY", "RUN 0 400", "RUN 1 400");
            int beforeSignal = lines.size();
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            while ((line = r.readLine()) != null) lines.add(line);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

            List<String> after = lines.subList(beforeSignal, lines.size());
            assertThat(after).as("output after SIG" + signal).contains("STOP 0 brake", "STOP 1 brake");
            // Nothing may start a motor again once the stop has been sent.
            int lastStop = Math.max(after.lastIndexOf("STOP 0 brake"), after.lastIndexOf("STOP 1 brake"));
            assertThat(after.subList(lastStop, after.size())).noneMatch(l -> l.startsWith("RUN"));
        } finally {
            p.destroyForcibly();
        }
    }
}
