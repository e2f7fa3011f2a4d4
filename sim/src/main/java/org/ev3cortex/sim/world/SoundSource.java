package org.ev3cortex.sim.world;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A point sound source: a tone, a chirp, a noise burst or a wav, gated by a rhythm
 * ({@code on} seconds out of every {@code period}). Signals are functions of continuous time, so
 * each ear can sample its own propagation delay exactly (the interaural time difference).
 */
public final class SoundSource {
    public enum Kind { TONE, CHIRP, NOISE, WAV }

    public final Kind kind;
    public final double x;
    public final double y;
    /** Amplitude at 1 m, in full-scale units (1.0 = clipping at 1 m). */
    public final double level;
    public final double f0Hz;
    public final double f1Hz;
    /** Seconds on per period; equal to period for a continuous source. */
    public final double onS;
    public final double periodS;
    public final Path wav;
    private final long noiseSeed;
    private float[] wavSamples;
    private double wavRateHz;

    private SoundSource(Kind kind, double x, double y, double level, double f0Hz, double f1Hz, double onS,
                        double periodS, Path wav, long noiseSeed) {
        this.kind = kind;
        this.x = x;
        this.y = y;
        this.level = level;
        this.f0Hz = f0Hz;
        this.f1Hz = f1Hz;
        this.onS = onS;
        this.periodS = periodS;
        this.wav = wav;
        this.noiseSeed = noiseSeed;
    }

    public static SoundSource tone(double x, double y, double freqHz, double level, double onS, double periodS) {
        return new SoundSource(Kind.TONE, x, y, level, freqHz, freqHz, onS, periodS, null, 0);
    }

    public static SoundSource chirp(double x, double y, double f0Hz, double f1Hz, double level, double onS, double periodS) {
        return new SoundSource(Kind.CHIRP, x, y, level, f0Hz, f1Hz, onS, periodS, null, 0);
    }

    public static SoundSource noise(double x, double y, double level, double onS, double periodS, long seed) {
        return new SoundSource(Kind.NOISE, x, y, level, 0, 0, onS, periodS, null, seed);
    }

    public static SoundSource wav(double x, double y, Path wav, double level, double onS, double periodS) {
        return new SoundSource(Kind.WAV, x, y, level, 0, 0, onS, periodS, wav, 0);
    }

    /** Loads a wav source's samples (mono mix, floats in -1..1). */
    public void load() throws IOException {
        if (kind != Kind.WAV || wavSamples != null) return;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            AudioFormat pcm = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
            try (AudioInputStream s = AudioSystem.getAudioInputStream(pcm, in)) {
                byte[] bytes = s.readAllBytes();
                int ch = pcm.getChannels();
                int frames = bytes.length / (2 * ch);
                if (frames == 0) throw new IOException(wav + " holds no samples");
                float[] out = new float[frames];
                for (int i = 0; i < frames; i++) {
                    double sum = 0;
                    for (int c = 0; c < ch; c++) {
                        int k = 2 * (i * ch + c);
                        sum += (short) ((bytes[k] & 0xFF) | (bytes[k + 1] << 8)) / 32768.0;
                    }
                    out[i] = (float) (sum / ch);
                }
                wavSamples = out;
                wavRateHz = pcm.getSampleRate();
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a wav file this JVM can read: " + e.getMessage(), e);
        }
    }

    /** The emitted signal at time {@code t} (seconds), before distance attenuation. */
    public double signal(double t) {
        if (t < 0) return 0;
        switch (kind) {
            case TONE:
                return on(t) ? level * sinCycles(f0Hz * t) : 0;
            case NOISE:
                return on(t) ? noise(t) : 0;
            default:
                break;
        }
        double tau = t % periodS;
        if (tau >= onS) return 0;
        switch (kind) {
            case CHIRP: {
                // Linear sweep f0 -> f1 over each on-interval: phase = 2π(f0 τ + (f1 - f0) τ² / 2on).
                return level * sinCycles(f0Hz * tau + (f1Hz - f0Hz) * tau * tau / (2 * onS));
            }
            case WAV:
            default: {
                double pos = (tau * wavRateHz) % wavSamples.length;
                int i = (int) pos;
                double frac = pos - i;
                return level * ((1 - frac) * wavSamples[i] + frac * wavSamples[(i + 1) % wavSamples.length]);
            }
        }
    }

    /** Deterministic white noise at 16 kHz, linearly interpolated between samples. */
    private double noise(double t) {
        double pos = t * 16_000;
        long i = (long) Math.floor(pos);
        double frac = pos - i;
        return level * ((1 - frac) * hashNoise(i) + frac * hashNoise(i + 1));
    }

    /**
     * Whether the rhythm is on at {@code t >= 0}: exactly {@code t % periodS < onS}. The remainder
     * of doubles is a slow runtime call, made 32,000 times per simulated second; the quotient's
     * floor gives the same answer within about 2 ulp of t, so it decides whenever it is farther
     * than 1e-6 s from every edge (and t below 1e6 s), and the remainder decides the rest.
     */
    private boolean on(double t) {
        if (onS >= periodS && periodS > 0) return true; // the remainder is below periodS
        if (t >= knownFrom && t < knownUntil) return knownOn;
        double approx = t - Math.floor(t / periodS) * periodS;
        if (t < 1e6 && approx > 1e-6 && approx < periodS - 1e-6 && Math.abs(approx - onS) > 1e-6) {
            // The same answer holds up to 2e-6 s short of this beat's edges (the next calls, and
            // the other ear's, fall there).
            knownOn = approx < onS;
            knownFrom = t - (knownOn ? approx : approx - onS) + 2e-6;
            knownUntil = t + ((knownOn ? onS : periodS) - approx) - 2e-6;
            return knownOn;
        }
        return t % periodS < onS;
    }

    // on(t) for t in [knownFrom, knownUntil); empty at first
    private double knownFrom = 1;
    private double knownUntil = 0;
    private boolean knownOn;

    private static final int SINE_TABLE = 4096;
    private static final float[] SINE = new float[SINE_TABLE + 1];

    static {
        for (int i = 0; i <= SINE_TABLE; i++) SINE[i] = (float) Math.sin(2 * Math.PI * i / SINE_TABLE);
    }

    /**
     * sin(2π x) from a table with linear interpolation (error below 3e-7, far under the 16-bit
     * quantisation). The simulator evaluates it 32,000 times per simulated second, and Math.sin
     * must reduce arguments that grow to millions of radians over a long run.
     */
    static double sinCycles(double x) {
        double f = x - Math.floor(x);
        double pos = f * SINE_TABLE;
        int i = (int) pos;
        double frac = pos - i;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * frac;
    }

    /** Uniform in [-1, 1), a pure function of (seed, index): SplitMix64's finaliser. */
    private double hashNoise(long i) {
        long z = i * 0x9E3779B97F4A7C15L + noiseSeed;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-52 - 1.0;
    }
}
