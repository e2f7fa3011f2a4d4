package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.ev3cortex.deploy.DeployMain.Stop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy CLI against a real SSH server (embedded Apache MINA SSHD, real /bin/sh, real SFTP)
 * and a real agent process (the stand-in jar runs the real Agent over a loopback body).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeployOverSshTest {
    @TempDir
    static Path shared;
    static EmbeddedBrick brick;
    static Path jarV1;
    static Path jarV2;

    @TempDir
    Path dir;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void startServer() throws Exception {
        brick = new EmbeddedBrick(shared);
        jarV1 = StandInJar.build(shared.resolve("v1.jar"), 0, 1);
        // v2: the same program plus 3 MiB of incompressible padding, so an upload takes a while.
        jarV2 = StandInJar.build(shared.resolve("v2.jar"), 3 << 20, 2);
    }

    @AfterAll
    static void stopServer() throws IOException {
        killAgentsUnder(brick.home);
        brick.close();
    }

    /** A failed test may leave its agent running: end the ones these tests started (by pidfile). */
    static void killAgentsUnder(Path home) throws IOException {
        try (var s = Files.walk(home)) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.endsWith("run/agent.pid"))::iterator) {
                String pid = Files.readString(p).trim();
                if (pid.isEmpty()) continue;
                ProcessHandle.of(Long.parseLong(pid))
                        .filter(h -> h.info().commandLine().orElse("").contains("agent.jar"))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private Target target(String remoteName) throws IOException {
        return brick.target(dir.resolve("known_hosts"), brick.home.resolve(remoteName).toString());
    }

    private Path props(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Gone, or a zombie (this container's init may not reap the orphaned agent). */
    static boolean exited(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) return true;
        String s = Files.readString(stat);
        return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
    }

    static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void freshDeployThenANoChangeRedeployIsOneRoundTripAndAChangedFileIsAllThatIsSent() throws Exception {
        Target t = target("ev3cortex");
        Path robot = props("robot.properties", "agent.periodMs=50\n");
        Path odd = props("it's my \"robot\" $(touch pwned).properties", "safety.watchdogMs=600\n");
        Path remote = Path.of(t.remoteDir);

        try (Brick b = Brick.connect(t, false, false)) {
            Deployer.Report r = new Deployer(b, out).deploy(jarV2, List.of(robot, odd));
            assertThat(r.uploaded).containsExactlyInAnyOrder("agent.jar", "config/robot.properties",
                    "config/" + odd.getFileName(), "config/order", "bin/launch.sh", "ev3cortex.sh");
            // Independent check: the bytes on the "brick" are the laptop's.
            assertThat(sha(remote.resolve("agent.jar"))).isEqualTo(sha(jarV2));
            assertThat(sha(remote.resolve("config").resolve(odd.getFileName().toString()))).isEqualTo(sha(odd));
            assertThat(Files.isExecutable(remote.resolve("bin/launch.sh"))).isTrue();
            assertThat(Files.isExecutable(remote.resolve("ev3cortex.sh"))).as("brickman's launcher").isTrue();
            assertThat(Files.exists(remote.resolve(".incoming"))).isFalse();
            // No file name was ever run as shell code, locally or remotely.
            try (var s = Files.walk(dir.getRoot().resolve(shared))) {
                assertThat(s.filter(p -> p.getFileName().toString().equals("pwned"))).isEmpty();
            }
            assertThat(Files.exists(remote.resolve("pwned"))).isFalse();
            System.out.printf("upload over loopback: %d bytes in %.3f s = %.1f MiB/s, %d round trips (fresh deploy)%n",
                    r.bytes, r.uploadSeconds, r.bytesPerSecond() / (1 << 20), r.roundTrips);
        }

        int server0 = brick.roundTrips();
        try (Brick b = Brick.connect(t, false, false)) {
            Deployer.Report r = new Deployer(b, out).deploy(jarV2, List.of(robot, odd));
            assertThat(r.uploaded).isEmpty();
            assertThat(r.skipped).hasSize(6);
            assertThat(r.roundTrips).isEqualTo(1);
            assertThat(b.roundTrips()).isEqualTo(1);
        }
        assertThat(brick.roundTrips() - server0).as("round trips the server saw").isEqualTo(1);
        System.out.println("no-change re-deploy: 1 round trip (client and server agree)");

        Files.writeString(robot, "agent.periodMs=40\n");
        try (Brick b = Brick.connect(t, false, false)) {
            Deployer.Report r = new Deployer(b, out).deploy(jarV2, List.of(robot, odd));
            assertThat(r.uploaded).containsExactly("config/robot.properties");
            assertThat(Files.readString(remote.resolve("config/robot.properties"))).isEqualTo("agent.periodMs=40\n");
            assertThat(Files.exists(remote.resolve("agent.jar.prev"))).as("the jar did not change: no .prev").isFalse();
        }
    }

    @Test
    void aConnectionCutMidUploadLeavesTheOldJarIntactAndItStillStarts() throws Exception {
        Target t = target("cut");
        Path robot = props("robot.properties", "agent.periodMs=50\n");
        try (Brick b = Brick.connect(t, false, false)) {
            new Deployer(b, out).deploy(jarV1, List.of(robot));
        }
        brick.cutAfter(256 * 1024);
        try (Brick b = Brick.connect(t, false, false)) {
            assertThatThrownBy(() -> new Deployer(b, out).deploy(jarV2, List.of(robot)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Nothing on the brick was replaced");
        }
        assertThat(brick.written.get()).as("the cut came mid-file").isLessThan(Files.size(jarV2));
        Path remote = Path.of(t.remoteDir);
        assertThat(sha(remote.resolve("agent.jar"))).isEqualTo(sha(jarV1));
        assertThat(Files.exists(remote.resolve("agent.jar.prev"))).isFalse();

        try (Brick b = Brick.connect(t, false, false)) {
            AgentControl c = new AgentControl(b, out);
            AgentControl.Started s = c.start(Map.of(), 60);
            assertThat(s.status.running).isTrue();
            assertThat(s.status.ticks()).isPositive();
            assertThat(c.stop(20).motors).isEqualTo("stopped");
            // The next deploy clears the leftovers and goes through.
            assertThat(new Deployer(b, out).deploy(jarV2, List.of(robot)).uploaded).contains("agent.jar");
            assertThat(sha(remote.resolve("agent.jar"))).isEqualTo(sha(jarV2));
            assertThat(sha(remote.resolve("agent.jar.prev"))).isEqualTo(sha(jarV1));
        }
    }

    @Test
    void aChangedHostKeyIsRefusedLoudlyEvenWithAcceptNew() throws Exception {
        // A different key of the same type recorded for this host:port.
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        byte[] other = EmbeddedBrick.blob(g.generateKeyPair().getPublic());
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "[127.0.0.1]:" + brick.port() + " " + KeyUtils.getKeyType(brick.hostKey) + " "
                + java.util.Base64.getEncoder().encodeToString(other) + "\n");
        Target t = target("mismatch");
        int execs = brick.execs.get();
        for (boolean accept : new boolean[] {false, true}) {
            assertThatThrownBy(() -> Brick.connect(t, accept, false))
                    .isInstanceOf(Brick.RefusedException.class)
                    .hasMessageContaining("HOST KEY HAS CHANGED")
                    .hasMessageContaining(KeyUtils.getFingerPrint(brick.hostKey))
                    .hasMessageContaining("ssh-keygen -R");
        }
        assertThat(brick.execs.get()).as("nothing ran on the brick").isEqualTo(execs);
        assertThat(Files.readAllLines(kh)).hasSize(1);
    }

    @Test
    void anUnknownHostIsRefusedWithItsFingerprintUntilAcceptedThenRecorded() throws Exception {
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "");
        Target t = target("tofu");
        String fp = KeyUtils.getFingerPrint(brick.hostKey); // MINA's own computation, "SHA256:..."
        assertThat(fp).startsWith("SHA256:");
        assertThatThrownBy(() -> Brick.connect(t, false, false))
                .isInstanceOf(Brick.RefusedException.class)
                .hasMessageContaining(fp)
                .hasMessageContaining("--accept-new-host-key");
        assertThat(Files.readString(kh)).isEmpty();

        try (Brick b = Brick.connect(t, true, false)) {
            assertThat(b.exec("echo hi").out).isEqualTo("hi\n");
        }
        assertThat(Files.readString(kh)).isEqualTo(brick.knownHostsLine() + "\n");
        try (Brick b = Brick.connect(t, false, false)) {
            assertThat(b.exec("echo again").out).isEqualTo("again\n");
        }
    }

    @Test
    void theCliReportsAnUnknownHostWithExitCode5() throws Exception {
        Files.writeString(dir.resolve("known_hosts"), "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeployMain.run(out, new PrintStream(err, true, StandardCharsets.UTF_8), "status",
                "--host", "127.0.0.1", "--port", Integer.toString(brick.port()), "-i", brick.userKey.toString(),
                "--known-hosts", dir.resolve("known_hosts").toString(), "--remote-dir", dir.resolve("r").toString(),
                "-P", props("none.properties", "").toString()); // -P FILE must exist
        assertThat(code).isEqualTo(DeployMain.EXIT_REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(KeyUtils.getFingerPrint(brick.hostKey));
    }

    @Test
    void startStatusTuneStopWithTheRealAgent() throws Exception {
        Target t = target("it's a brick dir");
        Path robot = props("robot.properties", "agent.periodMs=50\nconfig.reloadPollMs=200\n");
        Path remote = Path.of(t.remoteDir);
        try (Brick b = Brick.connect(t, false, false)) {
            new Deployer(b, out).deploy(jarV1, List.of(robot));
            AgentControl c = new AgentControl(b, out);
            AgentControl.Started s = c.start(Map.of(), 60);
            assertThat(s.alreadyRunning).isFalse();
            long pid = s.status.pid;
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(Files.readString(remote.resolve("run/agent.pid")).trim()).isEqualTo(Long.toString(pid));
            assertThat(c.start(Map.of(), 5).alreadyRunning).isTrue();

            Thread.sleep(1_500);
            AgentStatus st = c.status();
            assertThat(st.running).isTrue();
            assertThat(st.state()).isEqualTo("running");
            assertThat(st.describe()).contains("agent: running (pid " + pid + ")").contains("motors: running")
                    .contains("last error: none");
            assertThat(Double.parseDouble(st.file.getProperty("tickRateHz"))).isBetween(2.0, 30.0); // 20 Hz nominal

            // A valid change: applied by the running agent, between two ticks.
            Files.writeString(robot, "agent.periodMs=40\nconfig.reloadPollMs=200\n");
            AgentControl.TuneResult applied = c.tune(robot, 30);
            assertThat(applied.status).isEqualTo("APPLIED");
            assertThat(applied.lines).containsExactly(robot + ":1: agent.periodMs: 50 -> 40");

            // An invalid one: rejected with key and file:line; the old config runs on.
            String good = Files.readString(remote.resolve("config/robot.properties"));
            Files.writeString(robot, "agent.periodMs=40\nsafety.watchdogMs=soon\nconfig.reloadPollMs=200\n");
            AgentControl.TuneResult rejected = c.tune(robot, 30);
            assertThat(rejected.status).isEqualTo("REJECTED");
            assertThat(rejected.seq).isGreaterThan(applied.seq);
            assertThat(rejected.lines).singleElement().asString().startsWith(robot + ":2: safety.watchdogMs:");
            assertThat(Files.readString(remote.resolve("config/robot.properties"))).isEqualTo(good);
            assertThat(c.status().running).isTrue();

            // A restart-only key: reported, not applied.
            Files.writeString(robot, "agent.periodMs=40\nconfig.reloadPollMs=200\nbody.motorPorts=outA,outD\n");
            assertThat(c.tune(robot, 30).status).isEqualTo("RESTART_REQUIRED");

            AgentControl.Stopped stopped = c.stop(20);
            assertThat(stopped.wasRunning).isTrue();
            assertThat(stopped.escalated).isFalse();
            assertThat(stopped.motors).isEqualTo("stopped");
            assertThat(exited(pid)).as("the agent process has exited").isTrue();
            String log = Files.readString(remote.resolve("log/agent.log"));
            assertThat(log).contains("config reload rejected").contains("stand-in exiting; motors at rest: true")
                    .containsPattern("stop commands per motor: [1-9]\\d* [1-9]\\d*");
            assertThat(c.stop(5).wasRunning).isFalse();
            assertThat(c.status().describe()).startsWith("agent: stopped (last run: stopped");

            ByteArrayOutputStream logs = new ByteArrayOutputStream();
            c.logs(false, 500, logs);
            assertThat(logs.toString(StandardCharsets.UTF_8)).contains("agent running on loopback body");
        }
    }

    @Test
    void brickmansLauncherStartsTheAgentInTheForegroundAndStopEndsIt() throws Exception {
        Target t = target("brickman");
        try (Brick b = Brick.connect(t, false, false)) {
            new Deployer(b, out).deploy(jarV1, List.of(props("robot.properties", "agent.periodMs=50\n")));
            // As brickman's File Browser runs it: the executable file itself, in the foreground (here
            // in the background of a remote shell, so that the test can watch and stop it).
            b.exec("cd " + Shell.quote(t.remoteDir) + " && nohup ./ev3cortex.sh > brickman.out 2>&1 < /dev/null &")
                    .orThrow("brickman start");
            AgentControl c = new AgentControl(b, out);
            AgentStatus st = null;
            for (int i = 0; i < 200 && (st == null || !(st.running && st.ticks() > 0)); i++) {
                Thread.sleep(50);
                st = c.status();
            }
            assertThat(st.running).as("started by ev3cortex.sh").isTrue();
            assertThat(st.ticks()).isPositive();
            // A second start from brickman while it runs says so and starts nothing.
            String again = b.exec("cd " + Shell.quote(t.remoteDir) + " && ./ev3cortex.sh").orThrow("again").out;
            assertThat(again).isEqualTo("ev3cortex already runs (pid " + st.pid + ")\n");
            AgentControl.Stopped stopped = c.stop(10);
            assertThat(stopped.wasRunning).isTrue();
            assertThat(stopped.escalated).isFalse();
            Path screen = Path.of(t.remoteDir, "brickman.out");
            for (int i = 0; i < 100 && !Files.readString(screen).contains("stopped"); i++) Thread.sleep(50);
            assertThat(Files.readString(screen)).startsWith("ev3cortex: starting").contains("ev3cortex: stopped (exit ");
            assertThat(Files.readString(Path.of(t.remoteDir, "log/agent.log"))).contains("(brickman) ===");
        }
    }

    @Test
    void stopEscalatesToSigkillOnlyAfterTheTimeoutAndSaysTheMotorsAreUnknown() throws Exception {
        // A "java" that ignores SIGTERM and never publishes a status: a hung agent.
        Path hung = Files.writeString(dir.resolve("hung-java"), "#!/bin/sh\ntrap '' TERM\nwhile :; do sleep 0.1; done\n");
        hung.toFile().setExecutable(true);
        Target t = target("hung");
        t.java = hung.toString();
        try (Brick b = Brick.connect(t, false, false)) {
            new Deployer(b, out).deploy(jarV1, List.of(props("robot.properties", "agent.periodMs=50\n")));
            b.exec("cd " + Shell.quote(t.remoteDir) + " && nohup sh bin/launch.sh >> log/agent.log 2>&1 < /dev/null &")
                    .orThrow("launch");
            AgentControl c = new AgentControl(b, out);
            AgentStatus st = null;
            for (int i = 0; i < 100 && (st == null || !st.running); i++) {
                Thread.sleep(50);
                st = c.status();
            }
            assertThat(st.running).isTrue();
            long t0 = System.nanoTime();
            AgentControl.Stopped stopped = c.stop(2);
            double waitedS = (System.nanoTime() - t0) / 1e9;
            assertThat(stopped.escalated).isTrue();
            assertThat(stopped.motors).isEqualTo("unknown");
            assertThat(waitedS).as("it waited the whole timeout before SIGKILL").isGreaterThanOrEqualTo(2.0);
            assertThat(exited(st.pid)).isTrue();
            assertThat(Stop.report(stopped, out)).isEqualTo(DeployMain.EXIT_FAILED);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("CHECK THE ROBOT");
        }
    }

    @Test
    void rollbackRestoresThePreviousJarAndRestarts() throws Exception {
        Target t = target("rollback");
        Path robot = props("robot.properties", "agent.periodMs=50\n");
        Path remote = Path.of(t.remoteDir);
        try (Brick b = Brick.connect(t, false, false)) {
            Deployer d = new Deployer(b, out);
            d.deploy(jarV1, List.of(robot));
            d.deploy(jarV2, List.of(robot));
            assertThat(sha(remote.resolve("agent.jar.prev"))).isEqualTo(sha(jarV1));
        }
        String[] args = {"rollback", "--host", "127.0.0.1", "--port", Integer.toString(brick.port()),
                "-i", brick.userKey.toString(), "--known-hosts", t.knownHostsFile.toString(), "--remote-dir", t.remoteDir,
                "--java", t.java, "-P", props("none.properties", "").toString()}; // -P FILE must exist
        assertThat(DeployMain.run(out, out, args)).as(console.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(sha(remote.resolve("agent.jar"))).isEqualTo(sha(jarV1));
        assertThat(sha(remote.resolve("agent.jar.prev"))).isEqualTo(sha(jarV2));
        try (Brick b = Brick.connect(t, false, false)) {
            AgentControl c = new AgentControl(b, out);
            assertThat(c.status().running).isTrue();
            assertThat(c.stop(20).motors).isEqualTo("stopped");
        }
    }

    @Test
    void infoReportsTheBricksJavaMemoryAndDisk() throws Exception {
        Target t = target("info");
        try (Brick b = Brick.connect(t, false, false)) {
            String info = new AgentControl(b, out).info();
            assertThat(info).contains("battery:").contains("memory:").contains("MiB available")
                    .contains("disk:").contains("java:").contains(Runtime.version().feature() + "");
        }
    }

    @Test
    void passwordsInPropertiesAreRefused() throws Exception {
        Path p = props("deploy.properties", "host=ev3dev\npassword=maker\n");
        assertThatThrownBy(() -> Target.load(p)).hasMessageContaining("passwords are never read from properties")
                .hasMessageNotContaining("maker");
    }

    @Test
    void shellQuotingSurvivesTheRealShell() throws Exception {
        try (Brick b = Brick.connect(target("quote"), false, false)) {
            for (String s : List.of("plain", "it's", "a b", "$(touch pwned)", "`x`", "\"q\"", "back\\slash", "'", "")) {
                assertThat(b.exec("printf %s " + Shell.quote(s)).out).isEqualTo(s);
            }
        }
        assertThatThrownBy(() -> Shell.quote("a\nb")).hasMessageContaining("control character");
    }
}
