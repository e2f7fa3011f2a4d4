package org.ev3cortex.status;

import org.ev3cortex.seam.LoopState;
import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real agent over a loopback body on the wall clock, publishing its status file. */
class StatusFileTest {
    @TempDir
    Path dir;

    private static Properties read(Path p) throws IOException {
        Properties props = new Properties();
        if (!Files.exists(p)) return props;
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.ISO_8859_1)) {
            props.load(r);
        }
        return props;
    }

    private static Properties await(Path p, Predicate<Properties> until) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Properties props = read(p);
            if (until.test(props)) return props;
            Thread.sleep(20);
        }
        throw new AssertionError("status file never matched; last content: " + read(p));
    }

    /**
     * Replaces the file whole, as an editor saving it does: a write in place could be seen half
     * done by the reloader (empty, then full), which is two verdicts instead of one.
     */
    private static void replace(Path file, String text) throws java.io.IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void theAgentPublishesItsStateVerdictsWithSequenceNumbersAndItsStop() throws Exception {
        Path cfg = dir.resolve("robot.properties");
        Files.writeString(cfg, "agent.periodMs=20\nconfig.reloadPollMs=100\n");
        Path status = dir.resolve("run/status.properties");
        ConfigLoader loader = AgentSchema.loader();
        List<ConfigOverride> overrides = List.of(
                new ConfigOverride(StatusKeys.FILE.name(), status.toString(), "--set"),
                new ConfigOverride(StatusKeys.INTERVAL_MS.name(), "100", "--set"));
        Config config = loader.load(List.of(cfg), overrides);
        LoopbackBody body = new LoopbackBody(SystemClock.INSTANCE, new String[] {"outB", "outC"}, new String[0]);
        Agent agent = new Agent(body, config, overrides);
        LoopState[] end = new LoopState[1];
        Thread t = new Thread(() -> end[0] = agent.run(Long.MAX_VALUE));
        t.start();
        try {
            Properties p = await(status, s -> "running".equals(s.getProperty("state"))
                    && Long.parseLong(s.getProperty("ticks", "0")) >= 10);
            assertThat(p.getProperty("pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(p.getProperty("motors")).isEqualTo("running");
            assertThat(p.getProperty("verdict.seq")).isEqualTo("0");
            assertThat(Long.parseLong(p.getProperty("startupMs"))).isPositive();
            // 20 ms period: about 50 Hz (loose, the machine is shared; timing proper is JMH's job).
            Properties later = await(status, s -> Double.parseDouble(s.getProperty("tickRateHz", "0")) > 0);
            assertThat(Double.parseDouble(later.getProperty("tickRateHz"))).isBetween(5.0, 60.0);

            replace(cfg, "agent.periodMs=25\nconfig.reloadPollMs=100\n");
            p = await(status, s -> "APPLIED".equals(s.getProperty("verdict.status")));
            assertThat(Long.parseLong(p.getProperty("verdict.seq"))).isGreaterThanOrEqualTo(1);
            assertThat(p.getProperty("verdict.line.0")).isEqualTo(cfg + ":1: agent.periodMs: 20 -> 25");
            long seqApplied = Long.parseLong(p.getProperty("verdict.seq"));

            replace(cfg, "agent.periodMs=25\nconfig.reloadPollMs=100\nsafety.watchdogMs=soon\n");
            p = await(status, s -> "REJECTED".equals(s.getProperty("verdict.status")));
            assertThat(Long.parseLong(p.getProperty("verdict.seq"))).isEqualTo(seqApplied + 1);
            assertThat(p.getProperty("verdict.line.0")).startsWith(cfg + ":3: safety.watchdogMs:");
            assertThat(agent.loop().config().get(org.ev3cortex.seam.LoopKeys.PERIOD_MS)).isEqualTo(25);
        } finally {
            agent.loop().requestStop();
            t.join(5_000);
        }
        Properties p = read(status);
        assertThat(p.getProperty("state")).isEqualTo("stopped");
        assertThat(p.getProperty("motors")).isEqualTo("stopped");
        // Independent check: the loopback motors really are at rest.
        for (int m = 0; m < 2; m++) {
            assertThat(body.motors().speed(m)).isZero();
            assertThat(body.motors().stopCount(m)).isPositive();
        }
        agent.close();
        assertThat(Files.list(status.getParent())).extracting(x -> x.getFileName().toString())
                .containsExactly("status.properties");
    }
}
