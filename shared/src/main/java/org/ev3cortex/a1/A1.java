package org.ev3cortex.a1;

import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.Pathway;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;
import org.jtransforms.fft.FloatFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The auditory pathway: channel split, periodic Hann window over the newest N frames, real FFT
 * (JTransforms, one thread), squared magnitudes, mel-spaced bands and log compression (a table). Channel
 * 0 (left) feeds {@link #left()} (A1-L), channel 1 {@link #right()}; mono input is copied to
 * both and {@link #monoDuplicated()} says so.
 *
 * <p>Units. {@link #spectrum} bin k (frequency {@code k * fs / N}) is the windowed magnitude
 * scaled by {@code 2 / sum(w)}: a full-scale sine centred on a bin reads 1.0 there. A band's
 * power is {@code sum(m_k^2) / ENBW} over its bins (ENBW = {@code N sum(w^2) / sum(w)^2}, 1.5
 * for Hann), so a sine of amplitude A (full scale 1) inside one band gives {@code A^2}, and
 * white noise of variance s^2 gives {@code 2 s^2} over all bands together. The areas hold
 * {@code (10 log10(power) - floorDb) / -floorDb}, clamped to [0, 1]: 0 dB re full-scale
 * sine is 1, {@code a1.floorDb} and below is 0.
 *
 * <p>Band b covers bins {@code [bandStart(b), bandEnd(b))}: the edges are equally spaced on the
 * mel scale ({@code 2595 log10(1 + f/700)}) from minHz to maxHz, and the first bin of a band is
 * the first bin at or above its lower edge, pushed up so that every band has at least one bin.
 */
public final class A1 implements Stage {
    /** How each ear's area shape follows from the keys. */
    public static final String SHAPE_SOURCE = "a1.bands x 1";

    /** Each ear's area, {@code {width, height}}, for a config (see {@link Settings#areaShape()}). */
    public static int[] areaShape(Config c) {
        return Settings.of(c).areaShape();
    }

    /** Everything A1 needs, read once from a config (or set by hand for a kernel). */
    public static final class Settings {
        public int sampleRateHz = 16_000;
        public int channels = 2;
        public int windowFrames = 512;
        public int bands = 32;
        public double minHz = 100;
        public double maxHz; // 0: Nyquist
        public double floorDb = -90;

        public static Settings of(Config c) {
            Settings s = new Settings();
            s.sampleRateHz = c.get(BodyKeys.MIC_RATE_HZ);
            s.channels = c.get(BodyKeys.MIC_CHANNELS);
            s.windowFrames = c.get(BodyKeys.MIC_WINDOW_FRAMES);
            s.bands = c.get(A1Keys.BANDS);
            s.minHz = c.get(A1Keys.MIN_HZ);
            s.maxHz = c.get(A1Keys.MAX_HZ);
            s.floorDb = c.get(A1Keys.FLOOR_DB);
            return s;
        }

        /** Each ear's area, {@code {width, height}}: one row of bands. */
        public int[] areaShape() {
            return new int[] {bands, 1};
        }

        /*
         * BoofCV's checkValidity(), split by the key each problem is blamed on: A1Keys' rules call
         * these with the loaded config, and apply() calls them all for a kernel set by hand, so
         * each rule is written once.
         */

        /** The window's problem (blamed on body.mic.windowFrames), or null. */
        public String windowProblem() {
            return windowFrames >= 4 && Integer.bitCount(windowFrames) == 1 ? null
                    : "A1's FFT needs a power of two (e.g. 512 or 2048), got " + windowFrames;
        }

        /** The band range's problem (blamed on a1.maxHz), or null. */
        public String rangeProblem() {
            double nyquist = sampleRateHz / 2.0;
            double max = maxHz > 0 ? maxHz : nyquist;
            if (max > nyquist) return "must not exceed the Nyquist frequency (" + nyquist + " Hz)";
            return max > minHz ? null : "must be above a1.minHz (" + minHz + " Hz)";
        }

        /** The band count's problem (blamed on a1.bands), or null; assumes a valid window and range. */
        public String bandsProblem() {
            if (bands > windowFrames / 2) return "must not exceed half the window (" + windowFrames / 2 + " bins)";
            if (windowProblem() != null || rangeProblem() != null) return null; // blamed on those keys
            int[] edges = bandEdges(this, windowFrames);
            if (edges[bands] <= windowFrames / 2 + 1) return null;
            return bands + " bands of at least one bin do not fit between " + minHz + " and "
                    + (maxHz > 0 ? maxHz : sampleRateHz / 2.0) + " Hz with " + (double) sampleRateHz / windowFrames
                    + " Hz bins";
        }

        /** Throws on the first problem: for settings made by hand, which no schema has checked. */
        void checkValidity() {
            String p = windowProblem();
            if (p == null && (channels < 1 || channels > 2)) p = "channels must be 1 or 2, got " + channels;
            if (p == null && rangeProblem() != null) p = "a1.maxHz: " + rangeProblem();
            if (p == null && bandsProblem() != null) p = "a1.bands: " + bandsProblem();
            if (p != null) throw new IllegalArgumentException(p);
        }
    }

    private Settings settings;
    private FloatFFT_1D fft;
    private float[] window;
    private float[] buf;
    private float magScale;
    private float dcScale;
    private float invEnbw;
    private int[] bandEdges; // bands + 1 bin indices
    private float[] bandEdgesHz; // the same edges in Hz, for the percepts
    private float[][] binPower; // per channel, N/2 + 1 bins: the squared magnitudes
    private float[][] spectrum; // per channel, N/2 + 1 bins: their square roots, made on request
    private float dbPerLog2;     // 10 log10(2) / -floorDb: log2(power) to the area's scale
    private float[][] power;    // per channel, per band
    private final PathwayOutput left = new PathwayOutput(Region.A1_L);
    private final PathwayOutput right = new PathwayOutput(Region.A1_R);
    private long lastSequence;

    /** An unconfigured stage; the loop calls {@link #configure} before the first tick. */
    public A1() {}

    public A1(Settings s) {
        apply(s);
    }

    public static A1 fromConfig(Config c) {
        return new A1(Settings.of(c));
    }

    @Override
    public String name() {
        return "a1";
    }

    @Override
    public void configure(Config config) {
        apply(Settings.of(config));
    }

    private void apply(Settings s) {
        s.checkValidity();
        int n = s.windowFrames;
        // One thread: the brick has one core, and a thread pool per FFT would allocate.
        ConcurrencyUtils.setNumberOfThreads(1);
        if (settings == null || settings.windowFrames != n) {
            fft = new FloatFFT_1D(n);
            buf = new float[n];
            window = new float[n];
            double sum = 0;
            double sum2 = 0;
            for (int i = 0; i < n; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n); // periodic Hann
                // Scaled to full scale here, so the tick multiplies once per sample: exactly the
                // float the old per-sample w / 32768 gave (32768 is a power of two).
                window[i] = (float) w / 32768f;
                sum += w;
                sum2 += w * w;
            }
            magScale = (float) (2 / sum);
            dcScale = (float) (1 / sum);
            invEnbw = (float) (sum * sum / (n * sum2));
            spectrum = new float[2][n / 2 + 1];
            binPower = new float[2][n / 2 + 1];
        }
        bandEdges = bandEdges(s, n);
        bandEdgesHz = new float[s.bands + 1];
        for (int b = 0; b <= s.bands; b++) bandEdgesHz[b] = (float) ((double) bandEdges[b] * s.sampleRateHz / n);
        power = new float[2][s.bands];
        dbPerLog2 = (float) (10 * Math.log10(2) / -s.floorDb);
        int[] shape = s.areaShape();
        left.reshape(shape[0], shape[1]);
        right.reshape(shape[0], shape[1]);
        settings = s;
    }

    static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** Band edges in bins; the last edge may lie past the last bin when the bands do not fit. */
    private static int[] bandEdges(Settings s, int n) {
        double nyquist = s.sampleRateHz / 2.0;
        double max = s.maxHz > 0 ? s.maxHz : nyquist;
        double binHz = (double) s.sampleRateHz / n;
        int bins = n / 2 + 1;
        int[] edges = new int[s.bands + 1];
        double m0 = mel(s.minHz);
        double m1 = mel(max);
        for (int i = 0; i <= s.bands; i++) {
            double f = hz(m0 + (m1 - m0) * i / s.bands);
            int k = (int) Math.ceil(f / binHz - 1e-9);
            if (i == s.bands && max >= nyquist) k = bins; // the Nyquist bin belongs to the top band
            if (i > 0) k = Math.max(k, edges[i - 1] + 1);
            edges[i] = k;
        }
        return edges;
    }

    @Override
    public void update(TickData t) {
        Snapshot in = t.in();
        // No microphone, or no new window: the areas and the sound level stay as they were (the
        // snapshot holds the same window, so recomputing them would give the same figures).
        if (in.audio.length == 0 || !in.audioReading.isNewerThan(lastSequence)) return;
        lastSequence = in.audioReading.sequence;
        soundLevel(in.audio, t);
        process(in.audio, left.output(), right.output());
        t.percepts().bands(power[0], power[1], bandEdgesHz);
    }

    /**
     * Full-scale RMS per ear of the snapshot's window, for the behaviours that steer by loudness;
     * a mono microphone is both ears.
     */
    private void soundLevel(short[] audio, TickData t) {
        int ch = settings.channels;
        int frames = audio.length / ch;
        // Integer sums of squares: exact (an int16 squared is below 2^30, and a long holds 2^33
        // of them), so the same figures as the double sums they replace, without soft-float.
        long l = 0;
        long r = 0;
        for (int i = 0; i < frames; i++) {
            int a = audio[i * ch];
            int b = audio[i * ch + ch - 1];
            l += a * a;
            r += b * b;
        }
        t.percepts().sound(Math.sqrt((double) l / frames) / 32768.0, Math.sqrt((double) r / frames) / 32768.0);
    }

    /**
     * One tick with a new window: the sound level of both ears, then per analysed channel the
     * windowing, JTransforms' real FFT, the magnitudes and the bands.
     */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        long n = buf.length;
        int ch = settings.channels;
        // Sound level: an integer sum of squares per ear over the window, two square roots.
        c.fconv += 4;
        c.dop += 4;
        c.fmath += 2;
        c.iop += 12 * n;
        c.bytes += 4 * n;
        for (int k = 0; k < ch; k++) {
            c.fconv += n; c.fmul += n; c.iop += 3 * n; c.bytes += 10 * n;                // windowing
            countRealFft(n, c);
            long bins = n / 2 - 1;                                                       // squared magnitudes
            c.fmul += 3 * bins + 6; c.fadd += bins; c.iop += 6 * bins; c.bytes += 12 * bins + 24;
            int bands = settings.bands;                                                  // bands, log table
            long inBands = bandEdges[bands] - bandEdges[0];
            c.fadd += inBands + 3L * bands; c.fmul += 2L * bands; c.fconv += bands; c.fcmp += 2L * bands;
            c.iop += 2 * inBands + 10L * bands; c.bytes += 4 * inBands + 16L * bands;
        }
        if (ch == 1) c.bytes += 8L * (settings.bands + n / 2 + 1 + settings.bands); // copies to the right ear
    }

    /**
     * JTransforms' {@code realForward} on n samples (n a power of two). Its loops are its own, so
     * this is its count as the instrumented run measures it (OpCountTest), fitted as
     * {@code a·n·log2 n + b·n} per kind; within 2 % from n = 64 to 4096.
     */
    static void countRealFft(long n, org.ev3cortex.seam.OpCount c) {
        double nlog = n * (63 - Long.numberOfLeadingZeros(n));
        c.fadd += Math.round(1.3368 * nlog + 0.139 * n);
        c.fmul += Math.max(0, Math.round(0.6654 * nlog - 1.637 * n));
        c.iop += Math.round(1.70 * nlog);
        c.bytes += Math.round(7.2 * nlog);
    }

    /**
     * One window: {@code interleaved} holds N frames of {@code settings.channels} int16 samples,
     * oldest first. Fills the caller-owned areas ({@link #bands()} floats each). No allocation.
     */
    public void process(short[] interleaved, float[] leftArea, float[] rightArea) {
        int ch = settings.channels;
        analyse(interleaved, ch, 0, leftArea);
        if (ch == 2) {
            analyse(interleaved, ch, 1, rightArea);
        } else {
            System.arraycopy(leftArea, 0, rightArea, 0, leftArea.length);
            System.arraycopy(binPower[0], 0, binPower[1], 0, binPower[0].length);
            System.arraycopy(power[0], 0, power[1], 0, power[0].length);
        }
    }

    private void analyse(short[] in, int ch, int c, float[] area) {
        int n = buf.length;
        for (int i = 0; i < n; i++) buf[i] = in[i * ch + c] * window[i];
        fft.realForward(buf);
        // Squared magnitudes: the bands need power, so no per-bin square root (each is ~500
        // instructions on the brick's soft-float).
        float[] pw = binPower[c];
        float dc2 = dcScale * dcScale;
        float mag2 = magScale * magScale;
        pw[0] = buf[0] * buf[0] * dc2;
        pw[n / 2] = buf[1] * buf[1] * dc2;
        for (int k = 1; k < n / 2; k++) {
            float re = buf[2 * k];
            float im = buf[2 * k + 1];
            pw[k] = (re * re + im * im) * mag2;
        }
        float[] p = power[c];
        for (int b = 0; b < p.length; b++) {
            float sum = 0;
            for (int k = bandEdges[b]; k < bandEdges[b + 1]; k++) sum += pw[k];
            p[b] = sum * invEnbw;
            // (10 log10(p) - floor) / -floor, with log2 from the table.
            float v = Log2.of(p[b] + 1e-30f) * dbPerLog2 + 1f;
            area[b] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
    }

    /** Bands per area. */
    public int bands() { return settings.bands; }
    /** Bins per spectrum: N/2 + 1. */
    public int bins() { return buf.length / 2 + 1; }
    public int windowFrames() { return buf.length; }
    /** First bin of band b. */
    public int bandStart(int b) { return bandEdges[b]; }
    /** One past the last bin of band b. */
    public int bandEnd(int b) { return bandEdges[b + 1]; }
    /** Centre frequency of bin k. */
    public double binHz(int k) { return (double) k * settings.sampleRateHz / buf.length; }
    /**
     * The magnitude spectrum of channel c (0 left, 1 right) of the last window, computed on
     * request from the squared magnitudes (for the viewer and the tools; not on the tick's path).
     */
    public float[] spectrum(int c) {
        float[] pw = binPower[c];
        float[] mag = spectrum[c];
        for (int k = 0; k < mag.length; k++) mag[k] = (float) Math.sqrt(pw[k]);
        return mag;
    }
    /** Linear band power of channel c of the last window (see the class doc). */
    public float[] bandPower(int c) { return power[c]; }
    /** True when the input is mono and both areas are the same channel. */
    public boolean monoDuplicated() { return settings.channels == 1; }
    public float[] left() { return left.output(); }
    public float[] right() { return right.output(); }
    /** The two areas this pathway feeds, A1-L then A1-R. */
    public java.util.List<Pathway> outputs() { return java.util.List.of(left, right); }
    public Settings settings() { return settings; }
}
