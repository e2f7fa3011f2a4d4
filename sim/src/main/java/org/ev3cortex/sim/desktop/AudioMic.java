package org.ev3cortex.sim.desktop;

import java.nio.ShortBuffer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.TargetDataLine;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.ThreadedMicrophone;

/**
 * A laptop microphone: the default input line through javax.sound, or an audio file (wav or any
 * format FFmpeg reads) resampled by FFmpeg to the configured rate and channels, played in real
 * time and looped.
 */
public final class AudioMic extends ThreadedMicrophone {
    private static final int CHUNK_FRAMES = 256;
    static {
        // FFmpeg prints every stream header to stderr by default; keep errors only.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final MediaSpec spec;
    private final int rate;
    private final int channels;
    private FFmpegFrameGrabber grabber;
    private TargetDataLine line;
    private byte[] lineBytes;
    private ShortBuffer pending;
    private long startWall;
    private long framesDelivered;

    public AudioMic(MediaSpec spec, int sampleRateHz, int channels, int ringFrames, Clock clock) {
        super(spec.isFile ? "mic " + spec.file.getFileName() : "mic default", clock, sampleRateHz, channels,
                CHUNK_FRAMES, ringFrames, 250, 5_000);
        this.spec = spec;
        this.rate = sampleRateHz;
        this.channels = channels;
    }

    @Override
    protected void openDevice() throws Exception {
        if (spec.isFile) {
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(spec.file.toFile());
            g.setSampleRate(rate);
            g.setAudioChannels(channels);
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.start();
            grabber = g;
        } else {
            AudioFormat f = new AudioFormat(rate, 16, channels, true, false);
            TargetDataLine l = AudioSystem.getTargetDataLine(f);
            l.open(f, CHUNK_FRAMES * channels * 2 * 8);
            l.start();
            line = l;
            lineBytes = new byte[CHUNK_FRAMES * channels * 2];
        }
        pending = null;
        startWall = System.nanoTime();
        framesDelivered = 0;
    }

    /** Opens the line or file and closes it again: a failure here is a failure at start. */
    void probe() throws Exception {
        try {
            openDevice();
        } finally {
            closeDevice();
        }
    }

    @Override
    protected void capture(short[] into) throws Exception {
        if (line != null) {
            int n = 0;
            while (n < lineBytes.length) {
                int r = line.read(lineBytes, n, lineBytes.length - n);
                if (r <= 0) throw new java.io.EOFException("microphone line closed");
                n += r;
            }
            for (int i = 0; i < into.length; i++) {
                into[i] = (short) ((lineBytes[2 * i] & 0xFF) | (lineBytes[2 * i + 1] << 8));
            }
            return;
        }
        int filled = 0;
        while (filled < into.length) {
            if (pending == null || !pending.hasRemaining()) {
                Frame f = grabber.grabSamples();
                if (f == null) {
                    grabber.setTimestamp(0); // loop the file
                    f = grabber.grabSamples();
                    if (f == null) throw new java.io.EOFException(spec.file + " holds no audio");
                }
                if (f.samples == null) continue;
                pending = (ShortBuffer) f.samples[0];
            }
            int take = Math.min(into.length - filled, pending.remaining());
            pending.get(into, filled, take);
            filled += take;
        }
        // Deliver in real time, as a microphone would.
        framesDelivered += into.length / channels;
        long due = startWall + framesDelivered * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    @Override
    protected boolean closeUnblocksCapture() {
        return false; // see VideoCamera; a capture returns within one 16 ms chunk
    }

    @Override
    protected void closeDevice() {
        if (grabber != null) {
            try {
                grabber.close();
            } catch (Exception e) {
                // nothing more to release
            }
            grabber = null;
        }
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
