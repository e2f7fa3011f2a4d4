package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Laptop mode: a sense that cannot be opened stops it at start with exit 2; a run honours --report. */
class LaptopModeTest {
    @TempDir Path dir;

    @Test
    void aMissingWebcamIsReportedAtStartWithExit2() {
        Path dev = Path.of("/dev/video57");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(dev));
        HostileInputTest.Run r = HostileInputTest.sim("run", "--headless", "--camera", "webcam:57");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: camera webcam:57 cannot be opened: there is no /dev/video57: is a webcam "
                + "plugged in? (ls /dev/video* lists the cameras; webcam:N opens /dev/videoN)\n");
        assertThat(r.out()).doesNotContain("Running");
    }

    @Test
    void filesThatAreNotMediaAreReportedAtStartWithExit2() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video\n");
        HostileInputTest.Run r = HostileInputTest.sim("run", "--headless", "--camera", "file:" + text, "--mic", "file:" + text);
        assertThat(r.code()).isEqualTo(2);
        String[] lines = r.err().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("error: camera " + text + " cannot be opened: FFmpeg cannot read it as video (");
        assertThat(lines[1]).startsWith("error: microphone " + text + " cannot be opened: FFmpeg cannot read it as audio (");
    }

    @Test
    void aLaptopRunWritesItsSummaryAndPlots() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(clip.toFile(), 160, 120)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(25);
            rec.start();
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(160, 120,
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
                for (int i = 0; i < 25; i++) {
                    java.awt.Graphics2D g = img.createGraphics();
                    g.setColor(new java.awt.Color(10 * i, 80, 200 - 5 * i));
                    g.fillRect(0, 0, 160, 120);
                    g.dispose();
                    Frame f = conv.convert(img);
                    rec.record(f);
                }
            }
        }
        Path report = dir.resolve("report");
        HostileInputTest.Run r = HostileInputTest.sim("run", "--headless", "--camera", "file:" + clip, "--seconds", "2",
                "--set", "sim.hostStats=false", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Running 2 s on laptop (camera clip.mp4").contains("Summary (finished)")
                .contains("\nBehaviour\n");
        String json = Files.readString(report.resolve("summary.json"));
        assertThat(json).contains("\"end\": \"finished\"").contains("\"ticks\": 20,").contains("\"timePerBehaviour\"")
                .contains("\"V1-L\": {").doesNotContain("distanceM");
        try (var s = Files.list(report)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("summary.json", "surprise.png", "prediction.png");
        }
    }
}
