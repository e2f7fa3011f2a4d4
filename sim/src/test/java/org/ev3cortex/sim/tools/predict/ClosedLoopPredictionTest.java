package org.ev3cortex.sim.tools.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.report.PredictionScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prediction issue's figures, measured as the tool measures them: the sheet against the
 * per-unit baselines computed from the same input stream, over the last 10% of the run.
 */
class ClosedLoopPredictionTest {
    @TempDir
    Path dir;

    static Config config(String... sets) {
        AgentOptions o = new AgentOptions();
        for (String s : sets) o.overrides.add(ConfigOverride.parse(s, "test"));
        Config c = o.loadOrReport(new ConfigLoader(SimKeys.schema()), System.err);
        assertThat(c).isNotNull();
        return c;
    }

    /**
     * Closed loop, default world, 5,000 ticks, three seeds: V1 predicts its next input with at
     * most 0.6 of copy-last's error and 0.8 of the error of the same learner on each unit's own
     * history (NLMS on its last three values). Without the efference copy (V1's corollary
     * discharge among it) it is back near copy-last: that is what makes the difference.
     */
    @Test
    void v1BeatsEveryPerUnitBaselineInClosedLoop() throws Exception {
        for (int seed : new int[] {7, 11, 3}) {
            Score on = PredictCommand.runSim(config("sim.seed=" + seed), 5000);
            for (String area : List.of(Area.V1_L, Area.V1_R)) {
                assertThat(on.lastRatio(area)).as("seed %d %s sheet / copy-last", seed, area).isLessThanOrEqualTo(0.6);
                assertThat(on.lastRatio(area, "nlmsOwn")).as("seed %d %s sheet / NLMS own", seed, area).isLessThanOrEqualTo(0.8);
            }
        }
        Score off = PredictCommand.runSim(config("sim.seed=7", "cortex.predict.efference=false"), 5000);
        assertThat(off.lastRatio(Area.V1_L)).as("without the efference copy").isGreaterThan(0.75);
        assertThat(off.lastRatio(Area.V1_R)).as("without the efference copy").isGreaterThan(0.75);
    }

    /**
     * The default 600 s run, seeds 7 and 11: no area predicts worse than copy-last over the whole
     * run, by the summary's own test (more than {@link PredictionScore#WORSE_MARGIN} above it).
     * Measured: M1 0.9989 and 0.9998, the Insula 0.92 and 0.74 (docs/cortex.md, "Closed loop").
     * M1's commands hold between behaviour switches, where copy-last is exact, so M1 sits at
     * copy-last and a change to the sheet can move it a hair either side.
     */
    @Test
    void noAreaIsWorseThanCopyLastOverADefaultRun() throws Exception {
        for (int seed : new int[] {7, 11}) {
            Score s = PredictCommand.runSim(config("sim.seed=" + seed), 6000);
            for (Area a : s.areas) {
                assertThat(s.wholeRatio(a.name())).as("seed %d %s", seed, a.name())
                        .isLessThanOrEqualTo(1 + PredictionScore.WORSE_MARGIN);
            }
        }
    }

    /** Baselines on known sequences: a ramp is exact for linear extrapolation, off by its slope for copy-last. */
    @Test
    void theBaselinesAreComputedFromTheStreamAlone() {
        Config c = config();
        org.ev3cortex.cortex.Sheet sheet = new org.ev3cortex.cortex.Sheet(c);
        Area a1 = sheet.area(Area.A1_L);
        Score score = new Score(List.of(a1), 100, sheet.units(), c);
        float[] x = new float[sheet.units()];
        float[] e = new float[sheet.units()];
        for (int t = 0; t < 100; t++) {
            for (int i = a1.start(); i < a1.start() + a1.size(); i++) x[i] = 0.01f * t;
            score.observe(t, x, e);
        }
        double[] m = score.mse(0, true);
        assertThat(m[Score.COPY_LAST]).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m[Score.LINEAR]).isLessThan(1e-12);
        assertThat(m[Score.SHEET]).isZero(); // e was 0 throughout
        // A running mean lags a ramp by slope / rate once settled: (0.01 / 0.02)^2 = 0.25 at most.
        assertThat(m[Score.MEAN]).isGreaterThan(m[Score.COPY_LAST]).isLessThan(0.25);
        // NLMS on its own history learns the ramp: better than copy-last by the last tenth.
        assertThat(m[Score.NLMS]).isLessThan(m[Score.COPY_LAST]);
    }

    /**
     * A drum loop through the whole A1 pathway (a WAV written here: kick, snare and hi-hats, as
     * a sampled loop would be), looped: with periods of 1.44, 1.6, 1.85 and 2 s (14.4, 16, 18.5
     * and 20 ticks: beyond the old 12-tick lag bank, and two that are not a whole number of ticks,
     * which the long lag catches at a multiple) the sheet predicts the bands with at most 0.25 of
     * copy-last's error.
     */
    @Test
    void rhythmsUpToTwoSecondsArePredicted() throws Exception {
        Config c = config();
        for (double period : new double[] {1.44, 1.6, 1.85, 2.0}) {
            Path wav = drumLoop(dir.resolve("loop-" + period + ".wav"), period);
            Score s = PredictCommand.run(c, Streams.create("wav", null, wav, 1, c), 3000, 1);
            assertThat(s.lastRatio(Area.A1_L)).as("%.2f s loop, A1-L", period).isLessThanOrEqualTo(0.25);
            assertThat(s.lastRatio(Area.A1_R)).as("%.2f s loop, A1-R", period).isLessThanOrEqualTo(0.25);
        }
    }

    /** A video (written by JavaCV's FFmpeg recorder) through the whole V1 path: the sheet beats copy-last. */
    @Test
    void aVideoFileRunsThroughTheWholeV1Path() throws Exception {
        Path clip = dir.resolve("bars.mp4");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(clip.toFile(), 320, 240)) {
            r.setFormat("mp4");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setVideoQuality(2);
            r.setFrameRate(10);
            r.start();
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 240,
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
                for (int i = 0; i < 40; i++) { // a bright bar sweeping right, 8 px a frame, looping
                    java.awt.Graphics2D g = img.createGraphics();
                    g.setColor(java.awt.Color.DARK_GRAY);
                    g.fillRect(0, 0, 320, 240);
                    g.setColor(java.awt.Color.WHITE);
                    g.fillRect(i * 8, 40, 24, 160);
                    g.dispose();
                    Frame f = conv.convert(img);
                    r.record(f);
                }
            }
        }
        Config c = config();
        VideoFrames video = VideoFrames.read(clip, c);
        assertThat(video.frames()).isBetween(38, 41); // 10 fps, one frame per 100 ms tick
        Score s = PredictCommand.run(c, video, 2000, 1);
        assertThat(s.lastRatio(Area.V1_L)).isLessThan(1.0);
        assertThat(s.lastRatio(Area.V1_R)).isLessThan(1.0);
    }

    /** A stereo 16 kHz WAV of one bar of a drum loop, {@code periodS} long. */
    static Path drumLoop(Path out, double periodS) throws Exception {
        int rate = 16_000;
        int n = (int) Math.round(periodS * rate);
        double[] mono = new double[n];
        Random rnd = new Random(1);
        int hit = rate / 4;
        for (double at : new double[] {0, 0.625}) { // kick: a falling 140 -> 60 Hz thump
            int s0 = (int) (at * n);
            for (int k = 0; k < hit && s0 + k < n; k++) {
                double t = (double) k / rate;
                mono[s0 + k] += Math.sin(2 * Math.PI * (60 + 80 * Math.exp(-t * 30)) * t) * Math.exp(-t * 12);
            }
        }
        for (double at : new double[] {0.25, 0.75}) { // snare: noise and a 190 Hz body
            int s0 = (int) (at * n);
            for (int k = 0; k < hit && s0 + k < n; k++) {
                double t = (double) k / rate;
                mono[s0 + k] += 0.5 * rnd.nextGaussian() * Math.exp(-t * 20) + 0.4 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t * 25);
            }
        }
        for (int j = 0; j < 8; j++) { // hi-hats on the eighths, accented on the beats
            int s0 = j * n / 8;
            double gain = j % 2 == 0 ? 0.2 : 0.12;
            for (int k = 0; k < rate / 20 && s0 + k < n; k++) {
                mono[s0 + k] += gain * rnd.nextGaussian() * Math.exp(-80.0 * k / rate);
            }
        }
        double peak = 0;
        for (double v : mono) peak = Math.max(peak, Math.abs(v));
        ByteBuffer pcm = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : mono) {
            short l = (short) Math.round(v / peak * 0.8 * 32767);
            pcm.putShort(l).putShort((short) (l * 7 / 10));
        }
        AudioFormat f = new AudioFormat(rate, 16, 2, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), f, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out.toFile());
        }
        return out;
    }
}
