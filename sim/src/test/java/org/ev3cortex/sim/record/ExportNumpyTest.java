package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tools export}: the arrays load in Debian's numpy with the index's shapes and the recording's values. */
class ExportNumpyTest {
    @TempDir
    Path dir;

    static boolean numpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void everyChannelLoadsInNumpyWithTheShapesOfTheIndexAndTheRecordedValues() throws Exception {
        assumeTrue(numpy(), "needs python3 with numpy (.ci/run installs python3-numpy)");
        Path file = McapNodeTest.record(dir, "ten.mcap", 10);
        Path out = dir.resolve("npy");
        ReplayTest.Result r = ReplayTest.sim("tools", "export", file.toString(), "--out", out.toString());
        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out).startsWith("exported ").contains("from 10 channels");

        Process p = new ProcessBuilder("python3", Paths.get("src/test/python/check_export.py").toAbsolutePath().toString(),
                out.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(json).isZero();
        Map<String, Object> py = JsonIn.object(JsonIn.parse(json.trim()));
        @SuppressWarnings("unchecked")
        Map<String, Object> shapes = (Map<String, Object>) py.get("shapes");
        assertThat(shapes.get("camera.data.npy")).isEqualTo(List.of(100L, 120L, 320L));
        assertThat(shapes.get("audio.data.npy")).isEqualTo(List.of(100L, 512L, 2L));
        assertThat(shapes.get("body.position_counts.npy")).isEqualTo(List.of(100L, 2L));
        assertThat(shapes.get("body.stats.npy")).isEqualTo(List.of(100L, 5L));
        assertThat(shapes.get("timings.epochs_ms.cortex.npy")).isEqualTo(List.of(100L));
        assertThat(shapes.get("sheet.prediction.data.npy")).isEqualTo(List.of(100L, 12L, 16L));
        assertThat(py.get("camera_rate_hz")).isEqualTo(10.0);
        assertThat(py.get("touch_dtype")).isEqualTo("bool");

        // The same values, decoded here from the recording without the exporter.
        McapReader.Recording rec = McapReader.read(file);
        byte[] frame0 = Base64.getDecoder().decode((String) rec.topic("/camera").get(0).json().get("data"));
        long sum = 0;
        for (byte b : frame0) sum += b & 0xFF;
        assertThat(py.get("camera_frame0_sum")).isEqualTo(sum);
        byte[] a37 = Base64.getDecoder().decode((String) rec.topic("/audio").get(37).json().get("data"));
        assertThat(py.get("audio_37_first4")).isEqualTo(List.of(
                (long) (short) ((a37[0] & 0xFF) | a37[1] << 8), (long) (short) ((a37[2] & 0xFF) | a37[3] << 8),
                (long) (short) ((a37[4] & 0xFF) | a37[5] << 8), (long) (short) ((a37[6] & 0xFF) | a37[7] << 8)));
        assertThat(py.get("battery_v_5")).isEqualTo(rec.topic("/body").get(5).json().get("battery_v"));
        java.nio.ByteBuffer e42 = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(
                (String) rec.topic("/sheet/error").get(42).json().get("data"))).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double e42sum = 0;
        while (e42.hasRemaining()) e42sum += e42.getFloat();
        assertThat((Double) py.get("sheet_error_42_sum")).isCloseTo(e42sum, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(py.get("position_9")).isEqualTo(rec.topic("/body").get(9).json().get("position_counts"));
    }
}
