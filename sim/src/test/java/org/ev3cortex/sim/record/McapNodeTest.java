package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ev3cortex.sim.SimMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Our MCAP files, read by Foxglove's own {@code @mcap/core} (McapIndexedReader and McapStreamReader). */
@Tag("node")
class McapNodeTest {
    static final List<String> TOPICS = List.of("/config", "/camera", "/audio", "/body", "/commands", "/surprise",
            "/behaviour", "/timings", "/sheet/prediction", "/sheet/error");

    @TempDir
    Path dir;

    @BeforeAll
    static void node() {
        NodeMcap.assumeAvailable();
    }

    static int run(String... args) {
        CommandLine cl = SimMain.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return cl.execute(args);
    }

    static Path record(Path dir, String name, double seconds, String... sets) {
        Path file = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--headless", "--seconds", String.valueOf(seconds),
                "--seed", "7", "--record", file.toString(), "--set", "sim.hostStats=false"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        assertThat(run(args.toArray(new String[0]))).isZero();
        return file;
    }

    @Test
    void aSimulatorRecordingHasEveryChannelEveryTickAndSchemasFoxgloveKnows() throws Exception {
        Path file = record(dir, "sim.mcap", 20);
        Map<String, Object> r = NodeMcap.read(file, "indexed");
        assertThat(r.get("library")).isEqualTo("ev3cortex recorder 1");
        @SuppressWarnings("unchecked")
        Map<String, Object> channels = (Map<String, Object>) r.get("channels");
        assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(TOPICS);
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("ev3cortex.Config", "jsonschema");
        schemas.put("foxglove.RawImage", "jsonschema");
        schemas.put("ev3cortex.Audio", "jsonschema");
        schemas.put("ev3cortex.Body", "jsonschema");
        schemas.put("ev3cortex.Commands", "jsonschema");
        schemas.put("ev3cortex.Surprise", "jsonschema");
        schemas.put("ev3cortex.Behaviour", "jsonschema");
        schemas.put("ev3cortex.Timings", "jsonschema");
        assertThat(r.get("schemas")).isEqualTo(schemas);
        assertThat(r.get("schemaErrors")).as("each schema is JSON with its name as title").isEqualTo(List.of());
        assertThat(NodeMcap.channel(r, "/camera").get("schema")).isEqualTo("foxglove.RawImage");
        // 20 s at 100 ms: ticks 0..199 on every per-tick channel, the config once.
        for (String t : TOPICS) {
            Map<String, Object> c = NodeMcap.channel(r, t);
            assertThat(c.get("messageEncoding")).isEqualTo("json");
            assertThat(c.get("jsonErrors")).as(t).isEqualTo(0L);
            assertThat(NodeMcap.count(r, t)).as(t).isEqualTo(t.equals("/config") ? 1 : 200);
            assertThat(c.get("firstTick")).as(t).isEqualTo(0L);
            assertThat(c.get("lastTick")).as(t).isEqualTo(t.equals("/config") ? 0L : 199L);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) r.get("statistics");
        assertThat(stats.get("messageCount")).isEqualTo(1801L);
        assertThat(stats.get("channelCount")).isEqualTo(10L);
        assertThat(((Number) stats.get("chunkCount")).longValue()).isPositive().isEqualTo(((Number) r.get("chunks")).longValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> image = (Map<String, Object>) r.get("firstImage");
        assertThat(image).containsEntry("width", 160L).containsEntry("height", 120L).containsEntry("encoding", "yuyv")
                .containsEntry("step", 320L).containsEntry("dataBytes", 38_400L);
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) r.get("metadata")).get("ev3cortex");
        assertThat(meta).containsEntry("format", "1").containsEntry("period_ms", "100").containsEntry("motors", "2");

        Map<String, Object> s = NodeMcap.read(file, "stream");
        assertThat(s.get("footer")).isEqualTo(true);
        assertThat(s.get("done")).isEqualTo(true);
        for (String t : TOPICS) assertThat(NodeMcap.count(s, t)).as(t).isEqualTo(NodeMcap.count(r, t));
    }

    @Test
    void theBrickDefaultRatesRecordTheStreamsOnTheTicksTheySay() throws Exception {
        Path file = record(dir, "rates.mcap", 20, "record.camera.everyTicks=50", "record.audio.everyTicks=10",
                "record.state.everyTicks=1", "record.timings.everyTicks=10", "record.whenBehind=drop",
                "record.queueTicks=4096", "record.sheet.everyTicks=20");
        Map<String, Object> r = NodeMcap.read(file, "indexed");
        assertThat(NodeMcap.count(r, "/camera")).isEqualTo(4);  // ticks 0, 50, 100, 150
        assertThat(NodeMcap.channel(r, "/camera").get("lastTick")).isEqualTo(150L);
        assertThat(NodeMcap.count(r, "/audio")).isEqualTo(20);
        assertThat(NodeMcap.count(r, "/timings")).isEqualTo(20);
        assertThat(NodeMcap.count(r, "/body")).isEqualTo(200);
        assertThat(NodeMcap.count(r, "/commands")).isEqualTo(200);
        assertThat(NodeMcap.count(r, "/sheet/prediction")).isEqualTo(10);
        assertThat(NodeMcap.count(r, "/sheet/error")).isEqualTo(10);
        assertThat(NodeMcap.channel(r, "/sheet/error").get("lastTick")).isEqualTo(180L);
    }

    @Test
    void everyRotatedPartOpensOnItsOwnAndTogetherTheyHoldEveryTick() throws Exception {
        Path file = record(dir, "parts.mcap", 20, "record.rotateMb=2", "record.chunkKb=256");
        long body = 0;
        int parts = 0;
        for (int p = 0; ; p++) {
            Path part = p == 0 ? file : org.ev3cortex.record.Recorder.partPath(file, p);
            if (!java.nio.file.Files.exists(part)) break;
            Map<String, Object> r = NodeMcap.read(part, "indexed");
            assertThat(NodeMcap.count(r, "/config")).as("each part carries the config").isEqualTo(1);
            body += NodeMcap.count(r, "/body");
            parts++;
        }
        // About 55 kB a tick: 11 MB in 2 MB parts.
        assertThat(parts).isBetween(5, 7);
        assertThat(body).isEqualTo(200);
    }
}
