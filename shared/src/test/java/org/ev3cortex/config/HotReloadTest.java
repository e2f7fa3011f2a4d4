package org.ev3cortex.config;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.seam.LoopKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotReloadTest {
    @TempDir
    Path dir;

    private final List<Config> applied = new ArrayList<>();
    private final List<ReloadVerdict> verdicts = new ArrayList<>();

    private Path write(Path p, String text) throws IOException {
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private ConfigReloader reloader(Path p) throws ConfigException {
        ConfigLoader loader = AgentSchema.loader();
        Config start = loader.load(List.of(p));
        return new ConfigReloader(loader, start, List.of(), applied::add, verdicts::add);
    }

    @Test
    void unchangedFilesGiveNoVerdict() throws Exception {
        Path p = write(dir.resolve("a.properties"), "agent.periodMs=50\n");
        assertThat(reloader(p).checkNow()).isNull();
        assertThat(verdicts).isEmpty();
    }

    @Test
    void validChangeIsHandedOverWhole() throws Exception {
        Path p = write(dir.resolve("a.properties"), "agent.periodMs=50\n");
        ConfigReloader r = reloader(p);
        write(p, "agent.periodMs=40\nsafety.watchdogMs=900\n");
        ReloadVerdict v = r.checkNow();
        assertThat(v.status()).isEqualTo(ReloadVerdict.Status.ACCEPTED);
        assertThat(v.lines()).containsExactly(p + ":1: agent.periodMs: 50 -> 40", p + ":2: safety.watchdogMs: 500 -> 900");
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).get(LoopKeys.PERIOD_MS)).isEqualTo(40);
        assertThat(applied.get(0).get(LoopKeys.WATCHDOG_MS)).isEqualTo(900);
    }

    @Test
    void invalidReloadKeepsTheOldConfigAndNamesEveryError() throws Exception {
        Path p = write(dir.resolve("a.properties"), "agent.periodMs=50\n");
        ConfigReloader r = reloader(p);
        // One good change and two bad lines: nothing at all may be applied.
        write(p, "agent.periodMs=40\nsafety.watchdogMs=fast\nagent.periodMz=3\n");
        ReloadVerdict v = r.checkNow();
        assertThat(v.status()).isEqualTo(ReloadVerdict.Status.REJECTED);
        assertThat(v.lines()).containsExactly(
                p + ":2: safety.watchdogMs: 'fast' is not an integer; expected an integer in [10, 60000] ms",
                p + ":3: agent.periodMz: unknown key (did you mean agent.periodMs?)");
        assertThat(applied).isEmpty();

        // Fixing the file later applies it, compared with the config that is really running.
        write(p, "agent.periodMs=40\n");
        assertThat(r.checkNow().status()).isEqualTo(ReloadVerdict.Status.ACCEPTED);
        assertThat(applied).extracting(c -> c.get(LoopKeys.PERIOD_MS)).containsExactly(40);
    }

    @Test
    void restartOnlyKeyIsRefusedAsNeedingARestart() throws Exception {
        Path p = write(dir.resolve("a.properties"), "agent.periodMs=50\nbody.motorPorts=outB,outC\n");
        ConfigReloader r = reloader(p);
        write(p, "agent.periodMs=40\nbody.motorPorts=outA,outD\n");
        ReloadVerdict v = r.checkNow();
        assertThat(v.status()).isEqualTo(ReloadVerdict.Status.RESTART_REQUIRED);
        assertThat(v.lines()).containsExactly(p + ":2: body.motorPorts: outB,outC -> outA,outD"
                + " (restart-only: restart the agent to change it)");
        assertThat(applied).isEmpty();
    }

    @Test
    void deletedFileIsRejectedNotApplied() throws Exception {
        Path p = write(dir.resolve("a.properties"), "agent.periodMs=50\n");
        ConfigReloader r = reloader(p);
        Files.delete(p);
        ReloadVerdict v = r.checkNow();
        assertThat(v.status()).isEqualTo(ReloadVerdict.Status.REJECTED);
        assertThat(v.lines()).singleElement().asString().startsWith(p + ": file not found");
    }

    @Test
    void commentOnlyEditIsUnchanged() throws Exception {
        Path p = write(dir.resolve("a.properties"), "agent.periodMs=50\n");
        ConfigReloader r = reloader(p);
        write(p, "# tuned on Tuesday\nagent.periodMs=50\n");
        assertThat(r.checkNow().status()).isEqualTo(ReloadVerdict.Status.UNCHANGED);
        assertThat(applied).isEmpty();
    }

    @Test
    void pollingThreadPicksUpAChange() throws Exception {
        Path p = write(dir.resolve("a.properties"), "agent.periodMs=50\n");
        try (ConfigReloader r = reloader(p)) {
            r.start(20);
            write(p, "agent.periodMs=30\n");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                synchronized (r) {
                    if (!verdicts.isEmpty()) break;
                }
                Thread.sleep(10);
            }
            synchronized (r) {
                assertThat(verdicts).extracting(ReloadVerdict::status).containsExactly(ReloadVerdict.Status.ACCEPTED);
            }
        }
    }
}
