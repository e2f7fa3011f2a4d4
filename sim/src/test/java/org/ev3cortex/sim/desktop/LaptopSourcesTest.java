package org.ev3cortex.sim.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Reading;
import org.ev3cortex.body.SourceState;
import org.ev3cortex.body.SystemClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real media files written by JavaCV's FFmpeg recorder, read back through the laptop sources. */
class LaptopSourcesTest {
    @TempDir
    Path dir;

    /** A 320x240 clip, half red | half blue, which the camera must scale to 160x120. */
    private Path video() throws Exception {
        Path p = dir.resolve("clip.mp4");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(p.toFile(), 320, 240)) {
            r.setFormat("mp4");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setVideoQuality(2);
            r.setFrameRate(25);
            r.start();
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 240,
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(220, 30, 30));
            g.fillRect(0, 0, 160, 240);
            g.setColor(new java.awt.Color(30, 30, 220));
            g.fillRect(160, 0, 160, 240);
            g.dispose();
            try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
                Frame f = conv.convert(img);
                for (int i = 0; i < 25; i++) r.record(f);
            }
        }
        return p;
    }

    @Test
    void aVideoFileIsScaledAndConvertedToYuyvAndRgb() throws Exception {
        Path clip = video();
        for (PixelFormat format : new PixelFormat[] {PixelFormat.YUYV, PixelFormat.RGB24, PixelFormat.GRAY8}) {
            try (VideoCamera cam = new VideoCamera(MediaSpec.camera("file:" + clip), 160, 120, format, SystemClock.INSTANCE)) {
                cam.start();
                byte[] frame = new byte[cam.frameBytes()];
                Reading r = new Reading();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (cam.read(frame, r) < 3 && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(r.sequence).as("%s frames; failure %s", format, cam.failure()).isGreaterThanOrEqualTo(3);
                assertThat(r.state).isEqualTo(SourceState.RUNNING);
                // Sample well inside each half (codec blur stays near the edge).
                int left = (60 * 160 + 40);
                int right = (60 * 160 + 120);
                switch (format) {
                    case YUYV: {
                        // BT.601: red has V >> 128, blue has U >> 128.
                        int vLeft = frame[(left & ~1) * 2 + 3] & 0xFF;
                        int uRight = frame[(right & ~1) * 2 + 1] & 0xFF;
                        assertThat(vLeft).isGreaterThan(200);
                        assertThat(uRight).isGreaterThan(200);
                        break;
                    }
                    case RGB24:
                        assertThat(frame[3 * left] & 0xFF).isCloseTo(220, org.assertj.core.data.Offset.offset(20));
                        assertThat(frame[3 * left + 2] & 0xFF).isCloseTo(30, org.assertj.core.data.Offset.offset(20));
                        assertThat(frame[3 * right + 2] & 0xFF).isCloseTo(220, org.assertj.core.data.Offset.offset(20));
                        break;
                    default: {
                        // Luma of (220,30,30) is 85.1; of (30,30,220) is 51.7 (BT.601, limited range may shift it).
                        int yl = frame[left] & 0xFF;
                        int yr = frame[right] & 0xFF;
                        assertThat(yl - yr).isBetween(20, 50);
                        break;
                    }
                }
            }
        }
    }

    @Test
    void aWavFileArrivesSampleExactInTheRing() throws Exception {
        Path wav = dir.resolve("noise.wav");
        int rate = 16_000;
        short[] written = new short[2 * rate]; // 1 s stereo, a pseudo-random sequence: no alignment ambiguity
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < written.length; i++) written[i] = (short) rnd.nextInt(-20_000, 20_000);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(wav.toFile(), 2)) {
            r.setFormat("wav");
            r.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            r.setSampleRate(rate);
            r.start();
            r.recordSamples(rate, 2, ShortBuffer.wrap(written));
        }
        try (AudioMic mic = new AudioMic(MediaSpec.mic("file:" + wav), rate, 2, 8_192, SystemClock.INSTANCE)) {
            mic.start();
            short[] window = new short[2 * 1024];
            Reading r = new Reading();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (mic.read(window, r) < 8 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(r.sequence).as("failure %s", mic.failure()).isGreaterThanOrEqualTo(8);
            // The window is a contiguous stretch of the file (lossless PCM, no resampling).
            int at = indexOf(written, window);
            assertThat(at).as("window found in the written samples").isGreaterThanOrEqualTo(0);
            assertThat(at % 2).isZero(); // frame-aligned: left stays left
        }
    }

    private static int indexOf(short[] hay, short[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void badMediaSpecsGiveClearErrors() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MediaSpec.camera("webcam:x"))
                .hasMessage("--camera webcam:x: expected webcam:N with N a number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MediaSpec.mic("file:" + dir.resolve("none.wav")))
                .hasMessageStartingWith("--mic file:").hasMessageContaining("file not found");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MediaSpec.camera("/dev/video0"))
                .hasMessage("--camera /dev/video0: expected webcam:N or file:PATH");
    }
}
