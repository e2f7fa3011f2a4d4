package org.ev3cortex.sim.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.ev3cortex.sim.SimMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ToolsTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = SimMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A 16-bit PCM WAV written by Java Sound's own encoder. */
    static Path wav(Path file, int fs, int channels, short[] interleaved) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(2 * interleaved.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : interleaved) b.putShort(s);
        AudioFormat f = new AudioFormat(fs, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, interleaved.length / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    static short[] tone(int frames, int channels, double hz, int fs) {
        short[] s = new short[frames * channels];
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < channels; c++) s[i * channels + c] = (short) Math.round(16000 * Math.sin(2 * Math.PI * hz * i / fs));
        return s;
    }

    @Test
    void v1WritesEveryStageAsNpyAndPng() throws Exception {
        Path png = dir.resolve("scene.png");
        TestImages.writePng(png, TestImages.scene(160, 120, 9), 160, 120);
        Path out = dir.resolve("v1");
        Run r = run("tools", "v1", "--in", png.toString(), "--out", out.toString(), "--set", "v1.rings=12");
        assertThat(r.code()).as(r.err()).isZero();
        for (String name : new String[] {"luma", "dog", "hemifield_left", "hemifield_right", "polar_left", "polar_right",
                "logpolar_left", "logpolar_right", "overlay"}) {
            assertThat(out.resolve(name + ".npy")).exists();
            assertThat(out.resolve(name + ".png")).exists();
        }
        assertThat(NpyReader.read(out.resolve("luma.npy")).shape).containsExactly(120, 160);
        assertThat(NpyReader.read(out.resolve("hemifield_left.npy")).shape).containsExactly(120, 80);
        assertThat(NpyReader.read(out.resolve("logpolar_left.npy")).shape).containsExactly(16, 12);
        assertThat(NpyReader.read(out.resolve("area_right.npy")).shape).containsExactly(1, 16, 12);
        // The hemifield files are the halves of the DoG plane.
        float[] dog = NpyReader.read(out.resolve("dog.npy")).data;
        float[] right = NpyReader.read(out.resolve("hemifield_right.npy")).data;
        assertThat(Arrays.copyOfRange(right, 0, 80)).containsExactly(Arrays.copyOfRange(dog, 80, 160));
    }

    @Test
    void a1FindsAToneInItsBinAndRecordsMonoDuplication() throws Exception {
        int fs = 16_000;
        Path w = wav(dir.resolve("tone.wav"), fs, 1, tone(fs / 2, 1, 1500, fs));
        Path out = dir.resolve("a1");
        Run r = run("tools", "a1", "--in", w.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        NpyReader spec = NpyReader.read(out.resolve("spectrum_left.npy"));
        int bins = 257;
        assertThat(spec.shape).containsExactly(1 + (fs / 2 - 512) / 256, bins);
        int mid = spec.shape[0] / 2;
        int peak = 0;
        for (int k = 0; k < bins; k++) if (spec.data[mid * bins + k] > spec.data[mid * bins + peak]) peak = k;
        assertThat(peak).isEqualTo((int) Math.round(1500 * 512.0 / fs));
        assertThat(NpyReader.read(out.resolve("bands_right.npy")).data).containsExactly(NpyReader.read(out.resolve("bands_left.npy")).data);
        assertThat(Files.readString(out.resolve("meta.json"))).contains("\"monoDuplicated\": true");
        assertThat(out.resolve("spectrogram_left.png")).exists();
    }

    @Test
    void histPlotsImagesAndWavs() throws Exception {
        Path png = dir.resolve("scene.png");
        TestImages.writePng(png, TestImages.scene(64, 48, 2), 64, 48);
        Run r = run("tools", "hist", "--in", png.toString(), "--bits", "4", "--out", dir.resolve("h.png").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3072 values in 16 bins");
        assertThat(dir.resolve("h.png")).exists();
        Path w = wav(dir.resolve("t.wav"), 8000, 2, tone(800, 2, 440, 8000));
        r = run("tools", "hist", "--in", w.toString(), "--bits", "8", "--out", dir.resolve("w.png").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1600 values in 256 bins");
    }

    @Test
    void badInputGetsAClearMessageAndExitCode2() throws Exception {
        Path missing = dir.resolve("nope.png");
        Path text = Files.writeString(dir.resolve("notes.png"), "this is not an image\n");
        Path png = dir.resolve("ok.png");
        TestImages.writePng(png, TestImages.scene(64, 48, 3), 64, 48);
        byte[] full = Files.readAllBytes(png);
        Path truncated = Files.write(dir.resolve("cut.png"), Arrays.copyOf(full, full.length / 2));
        Path tiny = dir.resolve("tiny.png");
        TestImages.writePng(tiny, new byte[9], 3, 3);
        Path riffJunk = Files.write(dir.resolve("junk.wav"), "RIFF\u0010\0\0\0WAVEjunkjunkjunk".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path empty = wav(dir.resolve("empty.wav"), 16_000, 1, new short[0]);
        String out = dir.resolve("o").toString();

        expectBad(run("tools", "v1", "--in", missing.toString(), "--out", out), "no such file");
        expectBad(run("tools", "v1", "--in", text.toString(), "--out", out), "unsupported image format");
        expectBad(run("tools", "v1", "--in", truncated.toString(), "--out", out), "corrupt");
        expectBad(run("tools", "v1", "--in", tiny.toString(), "--out", out), "smaller than the DoG kernel");
        expectBad(run("tools", "a1", "--in", riffJunk.toString(), "--out", out), "WAV");
        expectBad(run("tools", "a1", "--in", text.toString(), "--out", out), "WAV");
        expectBad(run("tools", "a1", "--in", empty.toString(), "--out", out), "zero-length WAV");
        expectBad(run("tools", "hist", "--in", png.toString(), "--bits", "9", "--out", out + ".png"), "--bits must be in 1..8");
        expectBad(run("tools", "hist", "--in", missing.toString(), "--bits", "4", "--out", out + ".png"), "no such file");
        expectBad(run("tools", "v1", "--in", png.toString(), "--out", out, "--log"), "need --opencv-compatible");
        expectBad(run("tools", "v1", "--in", png.toString(), "--out", out, "--set", "v1.rings=zero"), "v1.rings");
        Run noArgs = run("tools", "v1");
        assertThat(noArgs.code()).isEqualTo(2);
        assertThat(noArgs.err()).contains("Missing required options");
    }

    private static void expectBad(Run r, String message) {
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
    }
}
