package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged sim jar, alone on its class path (no test-scope OpenCV or OpenBLAS): it carries
 * no natives it never loads, and laptop mode still reads a real video and a real WAV through
 * FFmpeg. Runs after {@code package} (integration-test phase).
 */
class SimJarIT {
    static final long LIMIT_BYTES = 45L << 20;

    @TempDir Path dir;

    static Path jar() {
        Path jar = Paths.get(System.getProperty("ev3cortex.simJar", "target/ev3cortex-sim.jar"));
        assumeTrue(Files.exists(jar), "sim jar not built: " + jar);
        return jar;
    }

    @Test
    void theJarCarriesFfmpegButNoOpenCvOpenBlasOrJavaFx() throws Exception {
        Path jar = jar();
        List<String> unwanted = new ArrayList<>();
        int ffmpegLibs = 0;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                String n = e.getName();
                if (n.startsWith("org/bytedeco/opencv/") || n.startsWith("org/bytedeco/openblas/")
                        || n.startsWith("javafx/") || n.startsWith("com/sun/javafx/") || n.startsWith("com/sun/prism/")
                        || n.startsWith("org/openjdk/jmh/") || n.contains("libglass")) {
                    unwanted.add(n);
                }
                if (n.startsWith("org/bytedeco/ffmpeg/") && n.contains("/libavcodec")) ffmpegLibs++;
            }
        }
        assertThat(unwanted).as("test-only or unused libraries in the sim jar").isEmpty();
        assertThat(ffmpegLibs).as("FFmpeg's natives for this platform").isPositive();
        System.out.println("sim jar " + Files.size(jar) + " bytes");
        assertThat(Files.size(jar)).isLessThanOrEqualTo(LIMIT_BYTES);
    }

    @Test
    void laptopModeReadsAVideoAndAWavThroughTheJarAlone() throws Exception {
        Path jar = jar();
        Path clip = dir.resolve("clip.mp4");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(clip.toFile(), 320, 240)) {
            r.setFormat("mp4");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setFrameRate(25);
            r.start();
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 240,
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 160, 240);
            g.dispose();
            try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
                Frame f = conv.convert(img);
                for (int i = 0; i < 100; i++) r.record(f);
            }
        }
        Path wav = dir.resolve("tone.wav");
        int rate = 16_000;
        short[] samples = new short[2 * 4 * rate];
        for (int i = 0; i < samples.length / 2; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            samples[2 * i] = s;
            samples[2 * i + 1] = s;
        }
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(wav.toFile(), 2)) {
            r.setFormat("wav");
            r.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            r.setSampleRate(rate);
            r.start();
            r.recordSamples(rate, 2, ShortBuffer.wrap(samples));
        }
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", jar.toAbsolutePath().toString(), "run", "--headless",
                "--camera", "file:" + clip, "--mic", "file:" + wav, "--seconds", "2");
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(done).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("UnsatisfiedLinkError").doesNotContain("NoClassDefFoundError")
                .doesNotContain("ClassNotFoundException").doesNotContainIgnoringCase("fail")
                .doesNotContain("could not be found");
    }

    @Test
    void versionComesFromTheJarsMavenMetadata() throws Exception {
        String version = System.getProperty("ev3cortex.version");
        assumeTrue(version != null, "run by the integration-test phase");
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toAbsolutePath().toString(), "tools", "v1", "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("ev3cortex-sim " + version + " on Java ");
    }
}
