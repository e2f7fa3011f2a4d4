package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deploy CLI's answers to a user's mistakes and to a brick in trouble, against the embedded
 * SSH server: help everywhere, local files checked before connecting, a full disk, a failed
 * install step, a password typed on the command line, and an agent that died during start-up.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeployHardeningTest {
    @TempDir static Path shared;
    static EmbeddedBrick brick;
    static Path jarV1;
    static Path jarV2;
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void startServer() throws Exception {
        brick = new EmbeddedBrick(shared);
        jarV1 = StandInJar.build(shared.resolve("v1.jar"), 0, 1);
        jarV2 = StandInJar.build(shared.resolve("v2.jar"), 3 << 20, 2);
    }

    @AfterAll
    static void stopServer() throws IOException {
        DeployOverSshTest.killAgentsUnder(brick.home);
        brick.close();
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeployMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Options that reach nothing: a connection attempt would fail with "cannot connect". */
    List<String> nowhere(String... more) throws IOException {
        List<String> a = new ArrayList<>(List.of(more));
        a.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(closedPort()),
                "--known-hosts", dir.resolve("kh").toString()));
        return a;
    }

    static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy", "start", "stop", "restart", "status", "logs", "tune", "rollback", "info", "cds"})
    void helpWorksOnEverySubcommand(String sub) {
        Run r = run(sub, "--help");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Usage: ev3cortex-deploy " + sub).contains("--help");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMissingPropertiesFileNamedWithDashPIsAnError() throws IOException {
        Path missing = dir.resolve("missing.properties");
        List<String> a = nowhere("status");
        a.addAll(List.of("-P", missing.toString()));
        Run r = run(a.toArray(new String[0]));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + missing + ": file not found (-P; absolute path: " + missing + ")\n");
    }

    @Test
    void aMissingLocalJarIsReportedBeforeConnecting() throws IOException {
        Path jar = dir.resolve("nojar.jar");
        List<String> a = nowhere("deploy", "--jar", jar.toString());
        Run r = run(a.toArray(new String[0]));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + jar + ": file not found (--jar").doesNotContain("connect");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPasswordGivenOnTheCommandLineIsNeverEchoed() throws IOException {
        for (String[] args : List.of(new String[] {"status", "--password", "hunter2-secret"},
                new String[] {"status", "--password=hunter2-secret"})) {
            Run r = run(args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("hunter2").contains("--password takes no value");
            assertThat(r.out()).doesNotContain("hunter2");
        }
    }

    @Test
    void connectionFailuresShowNoExceptionClassNames() throws IOException {
        List<String> a = nowhere("status");
        a.addAll(List.of("-P", dir.resolve("none").toString()));
        Files.writeString(dir.resolve("none"), "");
        Run r = run(a.toArray(new String[0]));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: cannot connect to 127.0.0.1:").doesNotContain("Exception")
                .doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[A-Z]");
    }

    @Test
    void userMessagesLoseClassNamesButKeepTheirText() {
        assertThat(UserMessages.clean("cannot connect to h:22: java.net.ConnectException: Connection refused"))
                .isEqualTo("cannot connect to h:22: Connection refused");
        assertThat(UserMessages.clean(new IllegalStateException())).isEqualTo("unexpected failure (illegal state)");
    }

    @Test
    void aFullRemoteDiskIsReportedWithNeededAndFreeAndNothingIsReplaced() throws Exception {
        Target t = brick.target(dir.resolve("known_hosts"), brick.home.resolve("full").toString());
        Path remote = Path.of(t.remoteDir);
        try (Brick b = Brick.connect(t, false, false)) {
            new Deployer(b, System.out).deploy(jarV1, List.of());
        }
        byte[] before = Files.readAllBytes(remote.resolve("agent.jar"));
        // A df that reports 1 MiB free, as on a nearly full brick.
        Path bin = Files.createDirectories(dir.resolve("fakebin"));
        Files.writeString(bin.resolve("df"), "#!/bin/sh\necho 'Filesystem 1024-blocks Used Available Capacity Mounted on'\n"
                + "echo '/dev/mmcblk0p2 3000000 2998976 1024 100% /'\n");
        bin.resolve("df").toFile().setExecutable(true);
        brick.shellPrefix = "PATH=" + bin + ":$PATH; export PATH\n";
        try (Brick b = Brick.connect(t, false, false)) {
            assertThatThrownBy(() -> new Deployer(b, System.out).deploy(jarV2, List.of()))
                    .hasMessageContaining("the brick's disk is full")
                    // Only the jar differs: it is all that must fit.
                    .hasMessageContaining("needs " + Progress.human(Files.size(jarV2)) + " in " + remote)
                    .hasMessageContaining("only 1.00 MiB is free")
                    .hasMessageContaining("Nothing on the brick was replaced");
        } finally {
            brick.shellPrefix = "";
        }
        assertThat(Files.readAllBytes(remote.resolve("agent.jar"))).isEqualTo(before);
        assertThat(Files.exists(remote.resolve("agent.jar.prev"))).isFalse();
        try (var s = Files.list(remote.resolve(".incoming"))) {
            assertThat(s).as("nothing was uploaded").isEmpty();
        }
    }

    @Test
    void aFailedInstallStepSaysWhatWasAndWasNotReplaced() throws Exception {
        Target t = brick.target(dir.resolve("known_hosts"), brick.home.resolve("half").toString());
        Path remote = Path.of(t.remoteDir);
        Path robot = Files.writeString(dir.resolve("robot.properties"), "agent.periodMs=50\n");
        try (Brick b = Brick.connect(t, false, false)) {
            new Deployer(b, System.out).deploy(jarV1, List.of());
        }
        // The brick's config/robot.properties is a directory holding a directory where the
        // install's "mv -f .incoming/1 config/robot.properties" lands: mv cannot overwrite it.
        Files.createDirectories(remote.resolve("config/robot.properties/1/x"));
        try (Brick b = Brick.connect(t, false, false)) {
            assertThatThrownBy(() -> new Deployer(b, System.out).deploy(jarV2, List.of(robot)))
                    .hasMessageContaining("installing the files failed on the brick")
                    .hasMessageContaining("Already replaced: agent.jar; not replaced: config/robot.properties, config/order,"
                            + " bin/launch.sh")
                    .hasMessageContaining("rollback");
        }
        assertThat(DeployOverSshTest.sha(remote.resolve("agent.jar"))).isEqualTo(DeployOverSshTest.sha(jarV2));
        assertThat(DeployOverSshTest.sha(remote.resolve("agent.jar.prev"))).isEqualTo(DeployOverSshTest.sha(jarV1));

        // A checksum that cannot match fails before any rename: nothing replaced.
        Files.delete(remote.resolve("config/robot.properties/1/x"));
        Files.delete(remote.resolve("config/robot.properties/1"));
        Files.delete(remote.resolve("config/robot.properties"));
        brick.shellPrefix = "sha256sum() { echo 0000000000000000000000000000000000000000000000000000000000000000; }\n";
        try (Brick b = Brick.connect(t, false, false)) {
            Files.writeString(robot, "agent.periodMs=60\n");
            assertThatThrownBy(() -> new Deployer(b, System.out).deploy(jarV1, List.of(robot)))
                    .hasMessageContaining("Nothing on the brick was replaced");
        } finally {
            brick.shellPrefix = "";
        }
        assertThat(DeployOverSshTest.sha(remote.resolve("agent.jar"))).isEqualTo(DeployOverSshTest.sha(jarV2));
    }

    @Test
    void statusShowsTheStartUpErrorOfAnAgentThatDiedStarting() throws Exception {
        Target t = brick.target(dir.resolve("known_hosts"), brick.home.resolve("dies").toString());
        Path bad = Files.writeString(dir.resolve("robot.properties"), "agent.periodMs=fast\n");
        try (Brick b = Brick.connect(t, false, false)) {
            new Deployer(b, System.out).deploy(jarV1, List.of(bad));
            AgentControl c = new AgentControl(b, System.out);
            assertThatThrownBy(() -> c.start(Map.of(), 60)).hasMessageContaining("exited during start-up");
            String status = c.status().describe();
            assertThat(status).startsWith("agent: stopped (exited during start-up)")
                    .contains("last error: the agent exited during start-up; log/agent.log says:")
                    .contains("robot.properties:1: agent.periodMs: 'fast'")
                    .doesNotContain("last error: none");
        }
    }
}
