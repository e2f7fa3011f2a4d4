package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same deploy, against Debian's OpenSSH sshd on 127.0.0.1:2222 as started by
 * {@code deploy/ci/start-openssh.sh} (temp host and user keys). Skipped when that server is not up.
 */
@Tag("openssh")
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenSshTest {
    static final Path SSHD = Path.of(System.getenv().getOrDefault("EV3CORTEX_SSHD_DIR", "/tmp/ev3cortex-sshd"));

    @TempDir
    Path dir;
    Path remoteDir;
    final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @BeforeEach
    void requireServer() throws IOException {
        assumeTrue(Files.isReadable(SSHD.resolve("user_ed25519")) && Files.isReadable(SSHD.resolve("known_hosts")),
                "no OpenSSH test server keys in " + SSHD + " (run deploy/ci/start-openssh.sh)");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 2222), 1_000);
        } catch (IOException e) {
            assumeTrue(false, "no sshd on 127.0.0.1:2222 (run deploy/ci/start-openssh.sh)");
        }
        remoteDir = Files.createTempDirectory("ev3cortex-openssh-");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (remoteDir != null) DeployOverSshTest.killAgentsUnder(remoteDir);
    }

    private Target target(Path knownHosts) {
        Target t = new Target();
        t.host = "127.0.0.1";
        t.port = 2222;
        t.user = System.getProperty("user.name");
        t.identityFile = SSHD.resolve("user_ed25519");
        t.knownHostsFile = knownHosts;
        t.remoteDir = remoteDir.resolve("ev3cortex").toString();
        t.java = ProcessHandle.current().info().command().orElse("java");
        t.jvmFlags = "-Xmx64m -XX:+UseSerialGC";
        return t;
    }

    @Test
    void deployRedeployStartTuneStopOverOpenSsh() throws Exception {
        Target t = target(SSHD.resolve("known_hosts"));
        Path jar = StandInJar.build(dir.resolve("agent.jar"), 0, 1);
        Path robot = Files.writeString(dir.resolve("my robot.properties"), "agent.periodMs=50\nconfig.reloadPollMs=200\n");
        Path remote = Path.of(t.remoteDir);
        try (Brick b = Brick.connect(t, false, false)) {
            Deployer.Report r = new Deployer(b, out).deploy(jar, List.of(robot));
            assertThat(r.uploaded).hasSize(5);
            assertThat(DeployOverSshTest.sha(remote.resolve("agent.jar"))).isEqualTo(DeployOverSshTest.sha(jar));
            System.out.printf("OpenSSH: upload %d bytes in %.3f s = %.1f MiB/s%n", r.bytes, r.uploadSeconds,
                    r.bytesPerSecond() / (1 << 20));
            Deployer.Report again = new Deployer(b, out).deploy(jar, List.of(robot));
            assertThat(again.uploaded).isEmpty();
            assertThat(again.roundTrips).isEqualTo(1);

            AgentControl c = new AgentControl(b, out);
            AgentControl.Started s = c.start(Map.of(), 60);
            assertThat(s.status.ticks()).isPositive();
            Files.writeString(robot, "agent.periodMs=40\nconfig.reloadPollMs=200\n");
            assertThat(c.tune(robot, 30).status).isEqualTo("APPLIED");
            Files.writeString(robot, "agent.periodMs=fast\nconfig.reloadPollMs=200\n");
            AgentControl.TuneResult rejected = c.tune(robot, 30);
            assertThat(rejected.status).isEqualTo("REJECTED");
            assertThat(rejected.lines).singleElement().asString().startsWith(robot + ":1: agent.periodMs:");
            AgentControl.Stopped stopped = c.stop(20);
            assertThat(stopped.escalated).isFalse();
            assertThat(stopped.motors).isEqualTo("stopped");
            assertThat(DeployOverSshTest.exited(s.status.pid)).isTrue();
        }
    }

    @Test
    void unknownAndChangedHostKeysAreRefusedByTheRealServer() throws Exception {
        Path empty = Files.writeString(dir.resolve("known_hosts"), "");
        assertThatThrownBy(() -> Brick.connect(target(empty), false, false))
                .isInstanceOf(Brick.RefusedException.class).hasMessageContaining("SHA256:");
        // A different ed25519 key recorded for the server.
        Path other = dir.resolve("other");
        com.jcraft.jsch.KeyPair kp = com.jcraft.jsch.KeyPair.genKeyPair(new com.jcraft.jsch.JSch(), com.jcraft.jsch.KeyPair.ED25519);
        Files.writeString(dir.resolve("known_hosts2"), "[127.0.0.1]:2222 ssh-ed25519 "
                + java.util.Base64.getEncoder().encodeToString(kp.getPublicKeyBlob()) + "\n");
        assertThatThrownBy(() -> Brick.connect(target(dir.resolve("known_hosts2")), true, false))
                .isInstanceOf(Brick.RefusedException.class).hasMessageContaining("HOST KEY HAS CHANGED");
        assertThat(other).doesNotExist();
    }
}
