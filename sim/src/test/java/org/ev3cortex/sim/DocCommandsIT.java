package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command block of README.md and docs/*.md that a user can run without a brick, a network,
 * a webcam or a microphone is run as written, in a temporary folder that holds the repository's
 * jars and docs and the example inputs the commands name (photo.png, sound.wav, my.properties,
 * brick.properties, clip.npy), and must exit 0. Runs after {@code package}: the commands use
 * the packaged jars. The blocks that need a brick or a network (deploy, serve-ev3, a sysfs tree,
 * a webcam) and the Maven commands (CI runs those) are listed as skipped, with the reason.
 */
class DocCommandsIT {
    /** A block is left out when it contains one of these, for the reason given. */
    private static final String[][] NEEDS = {
        {"]...", "nothing: it is a synopsis, with placeholders"},
        {"--telemetry", "a WebSocket client (it serves until stopped)"},
        {"mvn ", "a Maven build (the Quick start's own commands; CI runs them)"},
        {"deploy/target", "a brick over SSH"},
        {"serve-ev3", "a background simulated brick"},
        {"ev3.sysfs.root", "a sysfs tree"},
        {"-jar ev3cortex-robot.jar", "the brick (a jar in the brick's folder)"},
        {"webcam:", "a webcam"},
        {"--mic default", "a microphone"},
        {"file:clip.mp4", "a video file of the user's"},
        {"-cp ", "a benchmark or test class path"},
        {"apt-get", "the brick's package manager"},
        {"ssh ", "a brick over SSH"},
        {"scp ", "a brick over SSH"},
        {"arecord", "a microphone"},
        {"ffmpeg", "a webcam"},
    };

    @TempDir Path dir;

    @Test
    void everyRunnableCommandInTheDocsExitsZero() throws Exception {
        Path root = Paths.get(System.getProperty("ev3cortex.repoRoot", "..")).toAbsolutePath().normalize();
        assumeTrue(Files.exists(root.resolve("sim/target/ev3cortex-sim.jar")), "sim jar not built");
        assumeTrue(Files.exists(root.resolve("robot/target/ev3cortex-robot.jar")), "robot jar not built");

        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path doc : docs) {
            // Each document in a folder of its own: its blocks run in order, as a reader would.
            Path work = Files.createDirectory(dir.resolve(doc.getFileName().toString().replace(".md", "")));
            prepare(root, work);
            StringBuilder assignments = new StringBuilder(); // S="java -jar ..." lines, kept for the doc's later blocks
            for (String[] fenced : blocks(Files.readAllLines(doc, StandardCharsets.UTF_8))) {
                String lang = fenced[0];
                String block = fenced[1];
                if (!(lang.isEmpty() || lang.equals("sh") || lang.equals("bash"))) continue;
                for (String line : block.split("\n")) {
                    if (line.matches("[A-Z]+=\"java [^\"]*\"\\s*(#.*)?")) assignments.append(line).append('\n');
                }
                if (!block.contains("java ") && !block.contains("$S ")) continue; // not a command block
                String where = root.relativize(doc) + ": " + firstLine(block);
                String why = needs(block);
                if (why != null) {
                    skipped.add(where + "  (needs " + why + ")");
                    continue;
                }
                String script = runnable(assignments + block);
                int[] code = {0};
                String out = run(script, work, code);
                ran.add(where);
                if (code[0] != 0) failures.add(where + "\n  exit " + code[0] + "\n" + indent(out));
            }
        }
        System.out.println("doc commands run (" + ran.size() + "):\n  " + String.join("\n  ", ran));
        System.out.println("doc commands skipped (" + skipped.size() + "):\n  " + String.join("\n  ", skipped));
        assertThat(ran).as("command blocks found (each may hold several commands)").hasSizeGreaterThanOrEqualTo(8);
        assertThat(failures).as("doc commands that failed").isEmpty();
    }

    /** The fenced blocks of a Markdown file, line by line: {language, text}. */
    static List<String[]> blocks(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        String lang = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (lang == null) {
                    lang = line.substring(3).trim();
                    text.setLength(0);
                } else {
                    out.add(new String[] {lang, text.toString()});
                    lang = null;
                }
            } else if (lang != null) {
                text.append(line).append('\n');
            }
        }
        return out;
    }

    private static String needs(String block) {
        for (String[] n : NEEDS) if (block.contains(n[0])) return n[1];
        return null;
    }

    private static String firstLine(String block) {
        for (String l : block.split("\n")) if (!l.isBlank()) return l.trim().length() > 100 ? l.trim().substring(0, 100) : l.trim();
        return "";
    }

    /**
     * The block as a bash script: optional arguments written as {@code [--x y]} left out, the JVM
     * kept headless (no viewer window blocks the run), every command's failure fatal.
     */
    private static String runnable(String block) {
        String s = block.replaceAll("\\s\\[[^\\]\\n]*\\]", "");
        s = s.replaceAll("(?m)^(\\s*)java ", "$1java -Djava.awt.headless=true ");
        s = s.replace("S=\"java ", "S=\"java -Djava.awt.headless=true ");
        return "set -e\n" + s;
    }

    private static String run(String script, Path work, int[] code) throws IOException, InterruptedException {
        Path log = work.resolve("last.log");
        Process p = new ProcessBuilder("bash", "-c", script).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            code[0] = -1;
        } else {
            code[0] = p.exitValue();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        return out.length() > 3000 ? "..." + out.substring(out.length() - 3000) : out;
    }

    private static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }

    /** The repository's jars and docs, and the example inputs the commands name. */
    private static void prepare(Path root, Path dir) throws Exception {
        for (String d : new String[] {"sim", "robot", "docs"}) Files.createSymbolicLink(dir.resolve(d), root.resolve(d));
        Path picture = root.resolve("docs/images/v1-input.png");
        Files.copy(picture, dir.resolve("photo.png"));
        Files.copy(picture, dir.resolve("scene.png"));
        wav(dir.resolve("sound.wav"));
        wav(dir.resolve("tone.wav"));
        Files.writeString(dir.resolve("my.properties"), "# the reader's own settings\nagent.periodMs = 100\n");
        Files.copy(root.resolve("docs/examples/brick.properties"), dir.resolve("brick.properties"));
        Files.copy(root.resolve("docs/examples/brick.properties"), dir.resolve("robot.properties"));
        // A short clip of 16x16 frames drifting, as tools predict --stream npy reads them.
        int frames = 40;
        float[] clip = new float[frames * 16 * 16];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < 256; i++) clip[t * 256 + i] = (float) (0.5 + 0.4 * Math.sin(0.4 * (i % 16) + 0.3 * t));
        }
        org.ev3cortex.sim.tools.Npy.write(dir.resolve("clip.npy"), clip, frames, 16, 16);
    }

    /** Two seconds of a 1 kHz tone, 16 kHz mono 16-bit. */
    private static void wav(Path file) throws IOException {
        int rate = 16_000;
        byte[] pcm = new byte[2 * 2 * rate];
        for (int i = 0; i < pcm.length / 2; i++) {
            short v = (short) Math.round(8000 * Math.sin(2 * Math.PI * 1000 * i / rate));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(pcm), format, pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
