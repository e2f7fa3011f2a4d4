package org.ev3cortex.sim.tools.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ev3cortex.a1.A1;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.Pathway;
import org.ev3cortex.sim.tools.BadInputException;
import org.ev3cortex.sim.tools.Media;

/**
 * {@code --stream wav}: a WAV file through the whole A1 pathway, as the agent would hear it from
 * its microphone: each tick A1 analyses the newest window ({@code body.mic.windowFrames}) of the
 * sound up to that tick's time ({@code agent.periodMs} per tick), and the file plays in a loop.
 * A mono file is both ears.
 */
final class WavFrames implements Streams.Stream {
    private final Media.Audio audio;
    private final A1 a1;
    private final short[] window;
    private final int hop;
    private final Pathway left;
    private final Pathway right;

    private WavFrames(Media.Audio audio, A1 a1, int hop) {
        this.audio = audio;
        this.a1 = a1;
        this.window = new short[a1.windowFrames() * audio.channels()];
        this.hop = hop;
        this.left = a1.outputs().get(0);
        this.right = a1.outputs().get(1);
    }

    static WavFrames read(Path file, Config config) throws IOException {
        Media.Audio audio;
        A1 a1;
        try {
            audio = Media.readWav(file);
            a1 = org.ev3cortex.sim.tools.A1Tool.forAudio(config, audio, file);
        } catch (BadInputException e) {
            throw new IOException(e.getMessage(), e);
        }
        int hop = (int) Math.round(audio.sampleRateHz() * config.get(LoopKeys.PERIOD_MS) / 1000.0);
        if (audio.frames() < a1.windowFrames()) {
            throw new IOException(file + ": shorter than one analysis window (" + a1.windowFrames() + " frames)");
        }
        return new WavFrames(audio, a1, hop);
    }

    @Override
    public List<String> areas() {
        return List.of(Area.A1_L, Area.A1_R);
    }

    @Override
    public void feed(int t, Sheet sheet) {
        short[] samples = audio.samples();
        int ch = audio.channels();
        int frames = audio.frames();
        int n = a1.windowFrames();
        // The window ending at this tick's time, wrapping around the end of the file.
        long end = (long) (t + 1) * hop;
        for (int k = 0; k < n; k++) {
            int frame = (int) Math.floorMod(end - n + k, (long) frames);
            System.arraycopy(samples, frame * ch, window, k * ch, ch);
        }
        a1.process(window, left.output(), right.output());
        sheet.input(Area.A1_L, left.output(), left.width(), left.height());
        sheet.input(Area.A1_R, right.output(), right.width(), right.height());
    }
}
