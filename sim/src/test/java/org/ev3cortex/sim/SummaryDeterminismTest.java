package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ev3cortex.sim.record.JsonIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs with the same seed and config give the same summary.json, apart from what the host's
 * clock measured (wall time, the real-time factor, the stages' timings) and the brick budget,
 * which counts the recorder when one runs: whether or not the run records every tick to MCAP.
 * With the defaults, so the Insula's statistics are the simulated brick's.
 */
class SummaryDeterminismTest {
    @TempDir Path dir;

    private Map<String, Object> summary(String name, String... extra) throws Exception {
        Path report = dir.resolve(name);
        String[] args = {"run", "--headless", "--seconds", "60", "--seed", "11", "--report", report.toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        HostileInputTest.Run r = HostileInputTest.sim(all);
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> s = JsonIn.object(JsonIn.parse(Files.readString(report.resolve("summary.json"))));
        for (String hostClock : new String[] {"wallSeconds", "realTimeFactor", "stages", "brickBudget"}) {
            assertThat(s).containsKey(hostClock);
            s.remove(hostClock);
        }
        return s;
    }

    @Test
    void recordingEveryTickChangesNothingInTheSummary() throws Exception {
        Map<String, Object> quiet = summary("quiet");
        Map<String, Object> recorded = summary("recorded", "--record", dir.resolve("run.mcap").toString());
        assertThat(Files.size(dir.resolve("run.mcap"))).isGreaterThan(10_000);
        assertThat(recorded).isEqualTo(quiet);
        assertThat(quiet).containsKeys("collisions", "distanceM", "areas", "behaviourSwitches");
    }
}
