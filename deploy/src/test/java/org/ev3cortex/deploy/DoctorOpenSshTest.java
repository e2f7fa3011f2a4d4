package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy doctor} against Debian's OpenSSH sshd on 127.0.0.1:2222 (deploy/ci/start-openssh.sh),
 * with the fake brick of {@link DoctorOverSshTest}. Skipped when that server is not up.
 */
@Tag("openssh")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DoctorOpenSshTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireServer() {
        assumeTrue(Files.isReadable(OpenSshTest.SSHD.resolve("user_ed25519"))
                && Files.isReadable(OpenSshTest.SSHD.resolve("known_hosts")),
                "no OpenSSH test server keys in " + OpenSshTest.SSHD + " (run deploy/ci/start-openssh.sh)");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 2222), 1_000);
        } catch (IOException e) {
            assumeTrue(false, "no sshd on 127.0.0.1:2222 (run deploy/ci/start-openssh.sh)");
        }
    }

    private int doctor(Path fake, String java, List<String> lines) throws IOException {
        Path props = Files.writeString(dir.resolve("deploy.properties"), "host=127.0.0.1\nport=2222\nuser="
                + System.getProperty("user.name") + "\nidentityFile=" + OpenSshTest.SSHD.resolve("user_ed25519")
                + "\nknownHostsFile=" + OpenSshTest.SSHD.resolve("known_hosts") + "\nremoteDir=" + dir.resolve("ev3cortex")
                + "\njava=" + java + "\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int code = DeployMain.run(out, out, "doctor", "-P", props.toString(),
                "--sysfs-root", fake.resolve("sys/class").toString(), "--dev-root", fake.resolve("dev").toString());
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        for (String l : text.split("\n")) lines.add(l);
        return code;
    }

    @Test
    void aReadyBrickPassesAndMissingJavaFails() throws Exception {
        Path fake = DoctorOverSshTest.fakeBrick(dir.resolve("brick"), "lego-ev3-l-motor@outB", "lego-ev3-l-motor@outC",
                "lego-ev3-touch@in1");
        List<String> lines = new ArrayList<>();
        int code = doctor(fake, ProcessHandle.current().info().command().orElse("java"), lines);
        assertThat(DoctorOverSshTest.line(lines, "java")).startsWith("ok")
                .contains("version \"" + System.getProperty("java.version") + "\"");
        assertThat(DoctorOverSshTest.line(lines, "motors")).isEqualTo("ok    motors: outB=lego-ev3-l-motor, outC=lego-ev3-l-motor");
        assertThat(DoctorOverSshTest.line(lines, "sensors")).isEqualTo("ok    sensors: in1=lego-ev3-touch");
        assertThat(DoctorOverSshTest.line(lines, "camera")).startsWith("ok");
        assertThat(code).isZero();

        lines.clear();
        code = doctor(fake, "/opt/no-such-jdk/bin/java", lines);
        assertThat(DoctorOverSshTest.line(lines, "java")).startsWith("FAIL").contains("install the EV3 build of OpenJDK 11");
        assertThat(code).isEqualTo(DeployMain.EXIT_FAILED);
    }
}
