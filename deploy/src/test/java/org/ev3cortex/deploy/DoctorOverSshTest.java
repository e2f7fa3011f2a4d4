package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy doctor} through the CLI against a real SSH server (embedded MINA SSHD, the real
 * /bin/sh) and a fake brick: an ev3dev sysfs layout and a /dev with a webcam node under the
 * brick's home. Figures are compared with this machine's own /proc and {@code id}.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DoctorOverSshTest {
    @TempDir
    static Path shared;
    static EmbeddedBrick brick;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        brick = new EmbeddedBrick(shared);
    }

    @AfterAll
    static void stopServer() throws IOException {
        brick.close();
    }

    /** ev3dev's layout: devices matched by their address file, never by N. */
    static Path fakeBrick(Path root, String... devices) throws IOException {
        Path sys = root.resolve("sys/class");
        Files.createDirectories(sys.resolve("tacho-motor"));
        Files.createDirectories(sys.resolve("lego-sensor"));
        int n = 0;
        for (String d : devices) {
            String[] p = d.split("@");
            boolean motor = p[1].startsWith("out");
            Path dev = Files.createDirectories(sys.resolve(motor ? "tacho-motor/motor" + n : "lego-sensor/sensor" + n));
            n++;
            Files.writeString(dev.resolve("address"), "ev3-ports:" + p[1] + "\n");
            Files.writeString(dev.resolve("driver_name"), p[0] + "\n");
            Files.writeString(dev.resolve(motor ? "command" : "mode"), "");
        }
        Path devDir = Files.createDirectories(root.resolve("dev"));
        Files.writeString(devDir.resolve("video0"), "");
        return root;
    }

    private Path props(Path fake, String java) throws IOException {
        Target t = brick.target(dir.resolve("known_hosts"), brick.home.resolve("ev3cortex").toString());
        String text = "host=127.0.0.1\nport=" + t.port + "\nuser=" + t.user + "\nidentityFile=" + t.identityFile
                + "\nknownHostsFile=" + t.knownHostsFile + "\nremoteDir=" + t.remoteDir + "\njava=" + (java == null ? t.java : java) + "\n";
        return Files.writeString(dir.resolve("deploy.properties"), text);
    }

    private int doctor(Path props, Path fake, List<String> lines) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int code = DeployMain.run(out, out, "doctor", "-P", props.toString(),
                "--sysfs-root", fake.resolve("sys/class").toString(), "--dev-root", fake.resolve("dev").toString());
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        for (String l : text.split("\n")) lines.add(l);
        return code;
    }

    static String line(List<String> lines, String what) {
        for (String l : lines) {
            if (l.matches("^(ok|warn|FAIL) +" + Pattern.quote(what) + ": .*")) return l;
        }
        throw new AssertionError("no '" + what + "' line in:\n" + String.join("\n", lines));
    }

    static long meminfoKib(String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (l.startsWith(field + ":")) return Long.parseLong(l.replaceAll("\\D+", ""));
        }
        throw new AssertionError(field);
    }

    @Test
    void aReadyBrickGetsEveryCheckWithTheRightFigures() throws Exception {
        Path fake = fakeBrick(dir.resolve("brick"), "lego-ev3-l-motor@outB", "lego-ev3-l-motor@outC", "lego-ev3-touch@in1",
                "lego-ev3-us@in4");
        List<String> lines = new ArrayList<>();
        int code = doctor(props(fake, null), fake, lines);

        assertThat(line(lines, "java")).startsWith("ok").contains("version \"" + System.getProperty("java.version") + "\"");
        // Same machine: MemTotal is the test's own /proc/meminfo figure.
        Matcher mem = Pattern.compile("(\\d+) MiB available of (\\d+) MiB").matcher(line(lines, "memory"));
        assertThat(mem.find()).isTrue();
        assertThat(Long.parseLong(mem.group(2))).isEqualTo(meminfoKib("MemTotal") / 1024);
        Matcher disk = Pattern.compile("(\\d+) MiB free on (\\S+)").matcher(line(lines, "disk"));
        assertThat(disk.find()).isTrue();
        long freeMib = Files.getFileStore(dir).getUsableSpace() >> 20;
        assertThat(Long.parseLong(disk.group(1))).isCloseTo(freeMib, org.assertj.core.data.Offset.offset(Math.max(64L, freeMib / 20)));
        assertThat(line(lines, "camera")).isEqualTo("ok    camera: " + fake.resolve("dev/video0"));
        assertThat(line(lines, "motors")).isEqualTo("ok    motors: outB=lego-ev3-l-motor, outC=lego-ev3-l-motor");
        assertThat(line(lines, "sensors")).isEqualTo("ok    sensors: in1=lego-ev3-touch, in4=lego-ev3-us");
        String id = new String(new ProcessBuilder("id", "-Gn").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(line(lines, "groups")).contains(System.getProperty("user.name") + " in " + id);
        Matcher clock = Pattern.compile("ok +clock: ([+-]\\d+) s from this computer").matcher(line(lines, "clock"));
        assertThat(clock.find()).isTrue();
        assertThat(Math.abs(Long.parseLong(clock.group(1)))).isLessThanOrEqualTo(2);
        line(lines, "microphone"); // arecord may or may not exist here: either verdict is a line
        assertThat(lines).noneMatch(l -> l.startsWith("FAIL"));
        assertThat(code).isZero();
    }

    @Test
    void missingJavaFailsWithWhatToDo() throws Exception {
        Path fake = fakeBrick(dir.resolve("brick"), "lego-ev3-l-motor@outB", "lego-ev3-l-motor@outC", "lego-ev3-touch@in1");
        List<String> lines = new ArrayList<>();
        int code = doctor(props(fake, "/opt/no-such-jdk/bin/java"), fake, lines);
        assertThat(code).isEqualTo(DeployMain.EXIT_FAILED);
        assertThat(line(lines, "java")).startsWith("FAIL").contains("/opt/no-such-jdk/bin/java -version' did not run")
                .contains("install the EV3 build of OpenJDK 11").contains("java=/path/to/bin/java in deploy.properties");
        // The microphone may warn here (no arecord), so only the failure count is fixed.
        assertThat(lines.get(lines.size() - 1)).startsWith("1 failure, ").endsWith(": fix the FAIL lines before deploying");
        // The other checks still ran.
        assertThat(line(lines, "motors")).startsWith("ok");
    }

    @Test
    void aZeroVmAMissingPortAndNoCameraAreWarnings() throws Exception {
        Path fake = fakeBrick(dir.resolve("brick"), "lego-ev3-l-motor@outB", "lego-ev3-touch@in1");
        Files.delete(fake.resolve("dev/video0"));
        // What Debian's armel OpenJDK 17 says (FACTS.md), from a stand-in script.
        Path zero = dir.resolve("zero-java");
        Files.writeString(zero, "#!/bin/sh\ncat >&2 <<'EOF'\nopenjdk version \"17.0.16\" 2025-07-15\n"
                + "OpenJDK Runtime Environment (build 17.0.16+8-Debian-1deb12u1)\n"
                + "OpenJDK Zero VM (build 17.0.16+8-Debian-1deb12u1, interpreted mode)\nEOF\n");
        Files.setPosixFilePermissions(zero, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> lines = new ArrayList<>();
        int code = doctor(props(fake, zero.toString()), fake, lines);
        assertThat(line(lines, "java")).startsWith("warn").contains("openjdk version \"17.0.16\"")
                .contains("OpenJDK Zero VM").contains("an interpreter with no JIT");
        assertThat(line(lines, "motors")).startsWith("warn").contains("outB=lego-ev3-l-motor; nothing on outC")
                .contains("body.motorPorts");
        assertThat(line(lines, "camera")).startsWith("warn").contains("ev3.camera.enabled=false");
        assertThat(code).isZero();
    }

    @Test
    void noEv3devSysfsFails() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("laptop"));
        Files.createDirectories(fake.resolve("dev"));
        List<String> lines = new ArrayList<>();
        int code = doctor(props(fake, null), fake, lines);
        assertThat(line(lines, "motors")).startsWith("FAIL").contains("not an ev3dev brick");
        assertThat(code).isEqualTo(DeployMain.EXIT_FAILED);
    }
}
