package org.ev3cortex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy cds} end to end: a training run of the real agent with -XX:DumpLoadedClassList,
 * -Xshare:dump into an archive, and the launcher picking it up. Start-up to first tick with and
 * without the archive is printed (figures, not assertions: timing belongs to benchmarks).
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CdsOverSshTest {
    @TempDir
    Path dir;

    @Test
    void refusesARemoteDirWithASpace() throws Exception {
        try (EmbeddedBrick brick = new EmbeddedBrick(dir)) {
            Target t = brick.target(dir.resolve("known_hosts"), brick.home.resolve("ev3cortex").toString());
            try (Brick b = Brick.connect(t, false, false)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AgentControl(b, System.out).cds(5, false, 10))
                        .hasMessageContaining("space");
            }
        }
    }

    @Test
    void buildsAnArchiveTheLauncherUsesAndTimesStartUp() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        try (EmbeddedBrick brick = new EmbeddedBrick(dir)) {
            Path jar = StandInJar.build(dir.resolve("agent.jar"), 0, 1);
            Path robot = Files.writeString(dir.resolve("robot.properties"), "agent.periodMs=20\n");
            // Not under "brick home": the JVM takes no application class from an archive on a path with a space.
            Target t = brick.target(dir.resolve("known_hosts"), dir.resolve("cdshome/ev3cortex").toString());
            Path remote = Path.of(t.remoteDir);
            try (Brick b = Brick.connect(t, false, false)) {
                new Deployer(b, out).deploy(jar, List.of(robot));
                AgentControl c = new AgentControl(b, out);
                c.pollMs = 50;
                AgentControl.CdsReport r = c.cds(20, true, 60);
                assertThat(remote.resolve(Layout.CDS_ARCHIVE)).exists();
                assertThat(Files.size(remote.resolve(Layout.CDS_ARCHIVE))).isEqualTo(r.archiveBytes);
                List<String> classes = Files.readAllLines(remote.resolve(Layout.CDS_LIST));
                assertThat(classes).anyMatch(l -> l.startsWith("org/ev3cortex/agent/TickLoop"))
                        .anyMatch(l -> l.startsWith("org/ev3cortex/status/StatusFile"));
                assertThat(r.withoutMs).isPositive();
                assertThat(r.withMs).isPositive();
                assertThat(r.appClassesShared).isTrue();

                // More runs of each, alternating, for a steadier figure on a shared machine.
                List<Long> without = new ArrayList<>(List.of(r.withoutMs));
                List<Long> with = new ArrayList<>(List.of(r.withMs));
                List<Long> noShare = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    without.add(c.timedRun(Map.of("EV3CORTEX_CDS", "off"), 1, 60));
                    with.add(c.timedRun(Map.of(), 1, 60));
                    // No CDS at all, not even the JDK's default archive (a brick JDK may ship none).
                    noShare.add(c.timedRun(Map.of("EV3CORTEX_CDS", "off", "EV3CORTEX_JVM_EXTRA", "-Xshare:off"), 1, 60));
                }
                Collections.sort(without);
                Collections.sort(with);
                Collections.sort(noShare);
                System.out.printf("AppCDS (JDK %d, %d classes, %d KiB archive): start-up to first tick, median:"
                                + " -Xshare:off %d ms %s; JDK default archive only %d ms %s; with the app archive %d ms %s%n",
                        Runtime.version().feature(), r.classes, r.archiveBytes / 1024,
                        noShare.get(noShare.size() / 2), noShare, without.get(without.size() / 2), without,
                        with.get(with.size() / 2), with);

                // The launcher really maps the agent's classes from the archive.
                c.timedRun(Map.of("EV3CORTEX_JVM_EXTRA", "-Xlog:class+load=info:file=cds/load.log"), 1, 60);
                String loads = Files.readString(remote.resolve("cds/load.log"));
                String ours = String.join("\n", loads.lines().filter(l -> l.contains("ev3cortex")).toList());
                assertThat(ours).as(Files.readString(remote.resolve("cds/dump.log"))).containsPattern("org\\.ev3cortex\\.agent\\.TickLoop source: shared objects file");
            }
        }
    }
}
