package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.agent.Recording;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.VirtualClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.status.StatusKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheet maps in a recording (/sheet/prediction, /sheet/error): at the configured rate, and
 * each cell the mean of its block of the full map, computed here from {@link Sheet#map} at the
 * same tick rather than from the recorder's unit-to-block table.
 */
class SheetMapRecordTest {
    @TempDir
    Path dir;

    @Test
    void sheetMapsAreTheBlockMeansOfTheViewersMapsAtTheConfiguredRate() throws Exception {
        int ds = 5; // 64 x 48 does not divide by 5: the edge blocks are smaller
        Config c = AgentSchema.defaults().with(StatusKeys.RECORD_SHEET_EVERY, 3)
                .with(StatusKeys.RECORD_SHEET_DOWNSAMPLE, ds).with(StatusKeys.RECORD_WHEN_BEHIND, "wait");
        Path file = dir.resolve("sheet.mcap");
        int probe = 42;
        float[][] full = new float[2][];
        int w;
        int h;
        try (Agent agent = new Agent(new LoopbackBody(new VirtualClock(), new String[] {"outB", "outC"},
                new String[] {"in1"}), c, List.of())) {
            Sheet sheet = agent.sheet();
            w = sheet.width();
            h = sheet.height();
            Recorder rec = Recording.start(agent, file);
            agent.loop().addObserver(new TickObserver() {
                @Override public void afterTick(long tick, Snapshot s, MotorCommands m) {
                    if (tick != probe) return;
                    full[0] = new float[w * h];
                    full[1] = new float[w * h];
                    sheet.map(Sheet.Quantity.PREDICTION, full[0]);
                    sheet.map(Sheet.Quantity.ERROR, full[1]);
                }
            });
            agent.loop().runTicks(100);
            rec.close();
        }
        McapReader.Recording r = McapReader.read(file);
        assertThat(r.meta.get("sheet_map")).isEqualTo("13x10");
        String[] topics = {"/sheet/prediction", "/sheet/error"};
        for (int q = 0; q < 2; q++) {
            List<McapReader.Message> ms = r.topic(topics[q]);
            assertThat(ms).hasSize(34); // ticks 0, 3, ..., 99
            Map<String, Object> m = ms.get(probe / 3).json();
            assertThat(m.get("tick")).isEqualTo((long) probe);
            assertThat(m.get("encoding")).isEqualTo("32FC1");
            assertThat(m.get("width")).isEqualTo(13L);
            assertThat(m.get("height")).isEqualTo(10L);
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode((String) m.get("data"))).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(b.remaining()).isEqualTo(13 * 10 * 4);
            double nonZero = 0;
            for (int by = 0; by < 10; by++) {
                for (int bx = 0; bx < 13; bx++) {
                    double sum = 0;
                    int n = 0;
                    for (int y = by * ds; y < Math.min(h, by * ds + ds); y++) {
                        for (int x = bx * ds; x < Math.min(w, bx * ds + ds); x++, n++) sum += full[q][y * w + x];
                    }
                    float got = b.getFloat();
                    assertThat((double) got).as(topics[q] + " cell " + bx + "," + by).isCloseTo(sum / n, within(1e-5 + 1e-5 * Math.abs(sum / n)));
                    nonZero += Math.abs(got);
                }
            }
            assertThat(nonZero).as(topics[q] + " is not all zero").isGreaterThan(0);
        }
    }
}
