package org.ev3cortex.sim.tools.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;

/** The test streams of {@code tools predict}: each feeds some of the sheet's areas every tick. */
public final class Streams {
    private Streams() {}

    /** One input stream. */
    public interface Stream {
        /** The areas this stream feeds (the ones worth reporting). */
        List<String> areas();

        /** Feeds the sheet for tick {@code t}. Must not allocate: it runs in the measured loop. */
        void feed(int t, Sheet sheet);
    }

    public static final List<String> NAMES = List.of("grating", "bar", "tones", "npy", "video", "wav", "sim");

    public static Stream create(String name, Path npy, long seed) throws IOException {
        return create(name, npy, null, seed, null);
    }

    /**
     * {@code media} is the file of {@code video} or {@code wav}; {@code config} is needed by them (the
     * pathway's settings and the loop period); the others ignore both.
     */
    public static Stream create(String name, Path npy, Path media, long seed, org.ev3cortex.config.Config config)
            throws IOException {
        switch (name) {
            case "grating": return new Grating(seed);
            case "bar": return new Bar(seed);
            case "tones": return new Tones(seed);
            case "npy":
                if (npy == null) throw new IllegalArgumentException("--stream npy needs --npy FILE");
                return new NpyFrames(NpyReader.read(npy));
            case "video":
                if (media == null) throw new IllegalArgumentException("--stream video needs --video FILE");
                return VideoFrames.read(media, config);
            case "wav":
                if (media == null) throw new IllegalArgumentException("--stream wav needs --wav FILE");
                return WavFrames.read(media, config);
            case "sim":
                throw new IllegalArgumentException("--stream sim runs the whole agent; see PredictCommand.runSim");
            default:
                throw new IllegalArgumentException("unknown stream '" + name + "'; expected one of " + NAMES);
        }
    }

    /** A visual field split at its vertical midline into V1-L and V1-R, as the V1 pathway does. */
    abstract static class Visual implements Stream {
        final int w;
        final int h;
        final float[] image;
        final float[] half;

        Visual(int w, int h) {
            this.w = w;
            this.h = h;
            this.image = new float[w * h];
            this.half = new float[(w / 2) * h];
        }

        @Override
        public List<String> areas() {
            return List.of(Area.V1_L, Area.V1_R);
        }

        void split(Sheet sheet) {
            int hw = w / 2;
            for (int side = 0; side < 2; side++) {
                for (int y = 0; y < h; y++) System.arraycopy(image, y * w + side * hw, half, y * hw, hw);
                sheet.input(side == 0 ? Area.V1_L : Area.V1_R, half, hw, h);
            }
        }
    }

    /** A sinusoidal grating drifting at 0.5 px/tick (16-tick temporal period) with sensor noise. */
    static final class Grating extends Visual {
        private final Random noise;

        Grating(long seed) {
            super(32, 16);
            noise = new Random(seed);
        }

        @Override
        public void feed(int t, Sheet sheet) {
            double kx = 2 * Math.PI / 8 * Math.cos(0.3);
            double ky = 2 * Math.PI / 8 * Math.sin(0.3);
            double phase = 2 * Math.PI * t / 16.0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image[y * w + x] = (float) (0.5 + 0.4 * Math.sin(kx * x + ky * y - phase) + 0.01 * noise.nextGaussian());
                }
            }
            split(sheet);
        }
    }

    /** A bright vertical bar sweeping left to right at 0.5 px/tick, wrapping, on a dark noisy field. */
    static final class Bar extends Visual {
        private final Random noise;

        Bar(long seed) {
            super(32, 16);
            noise = new Random(seed);
        }

        @Override
        public void feed(int t, Sheet sheet) {
            double centre = (t * 0.5) % w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.abs(x - centre);
                    d = Math.min(d, w - d);
                    double bar = Math.max(0, 1 - d / 1.5);
                    image[y * w + x] = (float) (0.1 + 0.8 * bar + 0.01 * noise.nextGaussian());
                }
            }
            split(sheet);
        }
    }

    /**
     * A synthetic A1 band stream: 16 log bands per ear, a 10-tick rhythm (a low tone with a
     * harmonic on ticks 0-1, louder on the left; a high tone on tick 5, louder on the right) over
     * a noisy floor.
     */
    static final class Tones implements Stream {
        static final int BANDS = 16;
        private final float[] left = new float[BANDS];
        private final float[] right = new float[BANDS];
        private final Random noise;

        Tones(long seed) {
            noise = new Random(seed);
        }

        @Override
        public List<String> areas() {
            return List.of(Area.A1_L, Area.A1_R);
        }

        @Override
        public void feed(int t, Sheet sheet) {
            int beat = t % 10;
            for (int b = 0; b < BANDS; b++) {
                double level = 0.05;
                if (beat <= 1) level += bump(b, 4) * 0.8 + bump(b, 8) * 0.4;
                double lowL = level;
                double lowR = 0.05 + (level - 0.05) * 0.6;
                double high = beat == 5 ? bump(b, 11) * 0.7 : 0;
                left[b] = (float) (lowL + 0.6 * high + 0.01 * noise.nextGaussian());
                right[b] = (float) (lowR + high + 0.01 * noise.nextGaussian());
            }
            sheet.input(Area.A1_L, left, 1, BANDS);
            sheet.input(Area.A1_R, right, 1, BANDS);
        }

        private static double bump(int band, int centre) {
            double d = band - centre;
            return Math.exp(-d * d / 1.5);
        }
    }

    /** A recorded stack of frames, played in a loop and split into hemifields. */
    static final class NpyFrames extends Visual {
        private final NpyReader.Frames frames;

        NpyFrames(NpyReader.Frames frames) {
            super(frames.width - frames.width % 2, frames.height);
            if (frames.width < 2) throw new IllegalArgumentException("frames must be at least 2 px wide");
            this.frames = frames;
        }

        @Override
        public void feed(int t, Sheet sheet) {
            int k = t % frames.count;
            int off = k * frames.height * frames.width;
            for (int y = 0; y < h; y++) System.arraycopy(frames.data, off + y * frames.width, image, y * w, w);
            split(sheet);
        }
    }
}
