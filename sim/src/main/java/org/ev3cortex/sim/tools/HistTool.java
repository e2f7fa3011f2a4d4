package org.ev3cortex.sim.tools;

import java.nio.file.Path;
import java.util.Locale;
import org.ev3cortex.config.Config;
import org.ev3cortex.histogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tools hist}: an n-bit histogram of an image's luma or a WAV's samples, as a PNG chart. */
@Command(name = "hist", mixinStandardHelpOptions = true,
        header = "Histogram of an image's luma or a WAV's samples in 2^bits bins, as a PNG.",
        description = {"Histogram of an image's 8-bit luma or a WAV's 16-bit samples in 2^bits bins",
                "(the top bits of each value, as an n-bit quantiser keeps them), plotted to a PNG."})
public final class HistTool extends FileTool {

    @Option(names = "--in", required = true, paramLabel = "IMAGE|WAV", description = "An image, or a .wav file.")
    Path in;

    @Option(names = "--bits", required = true, paramLabel = "N", description = "Bits per bin index: 1..8 for images, 1..16 for WAV.")
    int bits;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The chart.")
    Path outFile;

    @Override
    void run(Config config) throws Exception {
        boolean wav = Media.looksLikeWav(in);
        int maxBits = wav ? 16 : 8;
        if (bits < 1 || bits > maxBits) {
            throw new BadInputException("--bits must be in 1.." + maxBits + " for " + (wav ? "a WAV" : "an image") + ", got " + bits);
        }
        long[] counts = new long[Histogram.bins(bits)];
        String what;
        double lo;
        double width;
        if (wav) {
            Media.Audio a = Media.readWav(in);
            Histogram.countShorts(a.samples(), 0, a.samples().length, bits, counts);
            what = "int16 samples";
            lo = -32768;
            width = 65536.0 / counts.length;
        } else {
            Media.Image img = Media.readImage(in);
            byte[] g = img.gray();
            Histogram.countBytes(g, 0, g.length, 1, bits, counts);
            what = "8-bit luma";
            lo = 0;
            width = 256.0 / counts.length;
        }
        String title = String.format(Locale.ROOT, "%s: %s in %d-bit bins", in.getFileName(), what, bits);
        HistogramPlot.save(outFile, title, what, counts, lo, width);
        long total = 0;
        for (long c : counts) total += c;
        out.printf("hist: %s -> %s: %d values in %d bins%n", in, outFile, total, counts.length);
    }
}
