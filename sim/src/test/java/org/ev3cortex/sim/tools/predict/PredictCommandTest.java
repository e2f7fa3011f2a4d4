package org.ev3cortex.sim.tools.predict;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.CortexKeys;
import org.ev3cortex.sim.SimMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predict tool's scores, and its command line end to end. */
class PredictCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSheetBeatsCopyLastOnTheGratingAndTheRhythm() throws Exception {
        Score grating = PredictCommand.run(AgentSchema.defaults(), Streams.create("grating", null, 1), 1500, 1);
        assertThat(grating.lastRatio(Area.V1_L)).isLessThan(0.5);
        Score tones = PredictCommand.run(AgentSchema.defaults(), Streams.create("tones", null, 1), 1500, 1);
        assertThat(tones.lastRatio(Area.A1_L)).isLessThan(0.5);
    }

    @Test
    void withoutTheCyclesFeatureTheRhythmIsNotLearned() throws Exception {
        // Onsets of a 10-tick rhythm are predictable only from one period back.
        Config noCycles = AgentSchema.defaults().with(CortexKeys.PREDICT_CYCLES, false);
        Score tones = PredictCommand.run(noCycles, Streams.create("tones", null, 1), 1500, 1);
        assertThat(tones.lastRatio(Area.A1_L)).isGreaterThan(0.5);
    }

    @Test
    void writesJsonAndPngForAnNpyStack() throws Exception {
        Path npy = Paths.get(getClass().getResource("/predict/bar-12x8x12-f4.npy").toURI());
        Path out = dir.resolve("out");
        int code = SimMain.commandLine().execute("tools", "predict", "--stream", "npy", "--npy", npy.toString(),
                "--ticks", "200", "--out", out.toString());
        assertThat(code).isZero();
        String json = Files.readString(out.resolve("predict.json"));
        assertThat(json).contains("\"stream\": \"npy\"", "\"ticks\": 200", "\"V1-L\"", "\"V1-R\"", "\"last10\"",
                "\"sheetOverCopyLast\"");
        assertThat(ImageIO.read(out.resolve("predict.png").toFile()).getWidth()).isEqualTo(1000);
    }

    @Test
    void anUnknownStreamIsAUsageError() {
        int code = SimMain.commandLine().execute("tools", "predict", "--stream", "waves", "--out", dir.toString());
        assertThat(code).isEqualTo(2);
    }
}
