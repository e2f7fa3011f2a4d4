package org.ev3cortex.sim.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.ev3cortex.a1.A1;
import org.ev3cortex.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tools a1}: what A1 hears in a WAV, window by window. */
@Command(name = "a1", mixinStandardHelpOptions = true,
        header = "Run the auditory pathway over a WAV file; write spectra and bands as .npy and PNG.",
        description = {"Run the auditory pathway over a WAV file, one window every --hop frames, and write",
                "spectrum_left/right.npy (windows x bins, magnitude, full-scale sine = 1),",
                "bands_left/right.npy (windows x bands, log-compressed to [0, 1]), band_edges_hz.npy,",
                "meta.json and spectrogram/bands PNGs. Mono is duplicated to both channels (meta.json says so)."})
public final class A1Tool extends FileTool {

    @Option(names = "--in", required = true, paramLabel = "WAV", description = "PCM WAV, mono or stereo.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path outDir;

    @Option(names = "--hop", paramLabel = "FRAMES", description = "Frames between window starts (default: half a window).")
    Integer hop;

    /**
     * A1 as the config sets it, for a recording's own sample rate and channels (a band edge above
     * the file's Nyquist frequency becomes Nyquist).
     */
    public static A1 forAudio(Config config, Media.Audio audio, java.nio.file.Path file) throws BadInputException {
        A1.Settings s = A1.Settings.of(config);
        s.sampleRateHz = audio.sampleRateHz();
        s.channels = audio.channels();
        if (s.maxHz > s.sampleRateHz / 2.0) s.maxHz = 0; // the file's Nyquist frequency
        try {
            return new A1(s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + " (" + audio.sampleRateHz() + " Hz): " + e.getMessage(), e);
        }
    }

    @Override
    void run(Config config) throws Exception {
        String outProblem = org.ev3cortex.sim.OutputDirs.problem(outDir, "--out");
        if (outProblem != null) throw new BadInputException(outProblem);
        Media.Audio audio = Media.readWav(in);
        A1 a1 = forAudio(config, audio, in);
        A1.Settings s = a1.settings();
        int n = s.windowFrames;
        int step = hop != null ? hop : Math.max(1, n / 2);
        if (step < 1) throw new BadInputException("--hop must be >= 1");
        int frames = audio.frames();
        int windows = frames <= n ? 1 : 1 + (frames - n) / step; // a short file is one zero-padded window
        int ch = audio.channels();
        int bins = a1.bins();
        int bands = a1.bands();
        float[][] spectrum = {new float[windows * bins], new float[windows * bins]};
        float[][] banded = {new float[windows * bands], new float[windows * bands]};
        short[] window = new short[n * ch];
        float[] l = new float[bands];
        float[] r = new float[bands];
        for (int wi = 0; wi < windows; wi++) {
            int start = wi * step * ch;
            int len = Math.min(window.length, audio.samples().length - start);
            java.util.Arrays.fill(window, (short) 0);
            System.arraycopy(audio.samples(), start, window, 0, len);
            a1.process(window, l, r);
            for (int c = 0; c < 2; c++) System.arraycopy(a1.spectrum(c), 0, spectrum[c], wi * bins, bins);
            System.arraycopy(l, 0, banded[0], wi * bands, bands);
            System.arraycopy(r, 0, banded[1], wi * bands, bands);
        }
        String[] names = {"left", "right"};
        float floor = (float) s.floorDb;
        for (int c = 0; c < 2; c++) {
            Npy.write(outDir.resolve("spectrum_" + names[c] + ".npy"), spectrum[c], windows, bins);
            Npy.write(outDir.resolve("bands_" + names[c] + ".npy"), banded[c], windows, bands);
            float[] db = new float[spectrum[c].length];
            for (int i = 0; i < db.length; i++) {
                float v = (20f * (float) Math.log10(spectrum[c][i] + 1e-12f) - floor) / -floor;
                db[i] = Math.max(0, Math.min(1, v));
            }
            Pictures.spectrogram(outDir.resolve("spectrogram_" + names[c] + ".png"), db, windows, bins);
            Pictures.spectrogram(outDir.resolve("bands_" + names[c] + ".png"), banded[c], windows, bands);
        }
        float[] edges = new float[bands + 1];
        for (int b = 0; b < bands; b++) edges[b] = (float) a1.binHz(a1.bandStart(b));
        edges[bands] = (float) a1.binHz(a1.bandEnd(bands - 1));
        Npy.write(outDir.resolve("band_edges_hz.npy"), edges, bands + 1);
        String meta = String.format(Locale.ROOT, "{%n  \"input\": \"%s\",%n  \"sampleRateHz\": %d,%n  \"channels\": %d,%n"
                        + "  \"monoDuplicated\": %s,%n  \"windowFrames\": %d,%n  \"hopFrames\": %d,%n  \"windows\": %d,%n"
                        + "  \"bins\": %d,%n  \"binHz\": %s,%n  \"bands\": %d,%n  \"floorDb\": %s,%n"
                        + "  \"window\": \"periodic Hann\"%n}%n",
                in.toString().replace("\\", "\\\\").replace("\"", "\\\""), s.sampleRateHz, ch, a1.monoDuplicated(), n, step,
                windows, bins, a1.binHz(1), bands, s.floorDb);
        org.ev3cortex.sim.report.AtomicWrite.bytes(outDir.resolve("meta.json"), meta.getBytes(StandardCharsets.UTF_8));
        out.printf("a1: %s (%d Hz, %d ch, %d frames) -> %s: %d windows of %d, hop %d, %d bands%s%n",
                in, s.sampleRateHz, ch, frames, outDir, windows, n, step, bands,
                a1.monoDuplicated() ? " (mono duplicated to both channels)" : "");
    }
}
