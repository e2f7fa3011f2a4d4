package org.ev3cortex.sim.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ev3cortex.sim.SimMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim view}'s bad input: exit 2 with one line, before any window opens. */
class ViewCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = SimMain.commandLine().execute(args);
            return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void aFileThatIsNotARecordingOrAUrlThatIsNotWebSocketExitsTwo() throws Exception {
        Path notMcap = Files.writeString(dir.resolve("x.mcap"), "hello");
        String[] r = run("view", notMcap.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("not an MCAP file");
        r = run("view", "--connect", "http://127.0.0.1:8765");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("needs a ws:// URL");
    }
}
