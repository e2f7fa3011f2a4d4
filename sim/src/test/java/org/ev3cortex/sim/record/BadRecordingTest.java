package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.ev3cortex.record.McapWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to replay and export: one clear line, exit code 2, and nothing half-written. The
 * same reader serves both, so each case runs through both commands.
 */
class BadRecordingTest {
    @TempDir
    static Path shared;
    static Path good;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() {
        good = McapNodeTest.record(shared, "good.mcap", 3);
    }

    /** Both commands refuse {@code file} with one line containing {@code expected}; export writes nothing. */
    private void refused(Path file, String expected) throws Exception {
        ReplayTest.Result replay = ReplayTest.sim("replay", file.toString());
        assertThat(replay.exit).as(replay.out).isEqualTo(2);
        assertThat(replay.out).doesNotContain("\n").startsWith("error: ").contains(expected);
        Path out = dir.resolve("out");
        ReplayTest.Result export = ReplayTest.sim("tools", "export", file.toString(), "--out", out.toString());
        assertThat(export.exit).as(export.out).isEqualTo(2);
        assertThat(export.out).doesNotContain("\n").startsWith("error: ").contains(expected);
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().contains("partial"))).isEmpty();
        }
    }

    @Test
    void aTruncatedFile() throws Exception {
        byte[] b = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.mcap");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        refused(cut, "truncated at byte");
    }

    @Test
    void aCorruptChunk() throws Exception {
        byte[] b = Files.readAllBytes(good);
        b[b.length / 3] ^= 0x5A; // inside the first chunks: their CRC no longer matches
        Path bad = dir.resolve("corrupt.mcap");
        Files.write(bad, b);
        refused(bad, "corrupt");
    }

    @Test
    void aForeignFile() throws Exception {
        Path text = dir.resolve("notes.mcap");
        Files.writeString(text, "agent.periodMs=100\n");
        refused(text, "not an MCAP file");
    }

    @Test
    void anMcapFileFromSomeoneElse() throws Exception {
        Path other = dir.resolve("other.mcap");
        McapWriter w = new McapWriter(other, "another tool");
        int s = w.schema("x", "jsonschema", "{}".getBytes());
        int c = w.channel(s, "/x", "json", Map.of());
        w.message(c, 1, "{}".getBytes(), 0, 2);
        w.finish();
        refused(other, "not an ev3cortex recording");
    }

    @Test
    void aRecordingFromAnIncompatibleVersion() throws Exception {
        Path old = dir.resolve("old.mcap");
        McapWriter w = new McapWriter(old, "ev3cortex recorder 0");
        w.metadata("ev3cortex", Map.of("format", "0"));
        w.finish();
        refused(old, "format 0; this build reads format 1 (an incompatible version)");
    }

    @Test
    void anUnwritableOutputOrOneInUse() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Path under = file.resolve("npy");
        ReplayTest.Result r = ReplayTest.sim("tools", "export", good.toString(), "--out", under.toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.out).doesNotContain("\n").startsWith("error: " + under + ": cannot write there");

        Path used = dir.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("keep.txt"), "mine");
        r = ReplayTest.sim("tools", "export", good.toString(), "--out", used.toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.out).isEqualTo("error: " + used + ": exists and is not empty; give a new directory");
        try (Stream<Path> s = Files.list(used)) {
            assertThat(s).containsExactly(used.resolve("keep.txt"));
        }
    }

    @Test
    void recordingToAnUnwritablePathStopsBeforeTheRun() {
        Path nowhere = dir.resolve("no-such-dir").resolve("run.mcap");
        ReplayTest.Result r = ReplayTest.sim("run", "--headless", "--seconds", "1", "--record", nowhere.toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(nowhere.getParent()).doesNotExist();
    }
}
