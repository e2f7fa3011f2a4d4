package org.ev3cortex.sim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.Recording;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.config.Key;
import org.ev3cortex.status.StatusKeys;
import org.ev3cortex.record.Recorder;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.body.SimBody;

/**
 * What recording costs, measured in the loop itself (a JMH harness around {@code runTicks(1)}
 * measures the harness): 10 simulated minutes of the default agent, with the brick's default rates
 * and with every stream on every tick. Prints the bytes per minute of ticks, the recorder's time on
 * the tick thread (an observer on each side of it), the writer thread's CPU per tick and the
 * drops. Run: {@code java -cp sim/target/ev3cortex-sim.jar org.ev3cortex.sim.bench.RecordCost}.
 */
public final class RecordCost {
    private RecordCost() {}

    public static void main(String[] args) throws Exception {
        int n = 6_000;
        for (String mode : new String[] {"brick defaults", "every tick", "brick defaults", "every tick"}) {
            boolean brick = mode.startsWith("brick");
            List<ConfigOverride> o = new ArrayList<>();
            o.add(new ConfigOverride(SimKeys.HOST_STATS.name(), "false", "bench"));
            o.add(new ConfigOverride(StatusKeys.RECORD_WHEN_BEHIND.name(), brick ? "drop" : "wait", "bench"));
            if (!brick) for (Key<Integer> k : StatusKeys.RECORD_RATES) o.add(new ConfigOverride(k.name(), "1", "bench"));
            Config c = new ConfigLoader(SimKeys.schema()).load(List.of(), o);
            long[] before = new long[n];
            long[] after = new long[n];
            try (Agent agent = new Agent(new SimBody(c), c, List.of())) {
                agent.loop().addObserver(new TickObserver() {
                    @Override public void afterTick(long t, Snapshot s, MotorCommands m) { before[(int) t] = System.nanoTime(); }
                });
                Path f = Files.createTempFile("record-cost", ".mcap");
                Recorder r = Recording.start(agent, f);
                agent.loop().addObserver(new TickObserver() {
                    @Override public void afterTick(long t, Snapshot s, MotorCommands m) { after[(int) t] = System.nanoTime(); }
                });
                Thread writer = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("recorder")).findFirst().orElseThrow();
                com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long cpu0 = mx.getThreadCpuTime(writer.getId());
                agent.loop().runTicks(n);
                long cpu1 = mx.getThreadCpuTime(writer.getId());
                r.close();
                long[] d = new long[n - 1_000]; // the first 1000 ticks warm up
                for (int i = 1_000; i < n; i++) d[i - 1_000] = after[i] - before[i];
                Arrays.sort(d);
                System.out.printf("%s: %.0f kB per minute of ticks; on the tick thread median %.1f us, p99 %.1f us;"
                        + " writer thread %.1f us CPU per tick; %d tick(s) dropped%n", mode, r.bytes() / (n / 600.0) / 1e3,
                        d[d.length / 2] / 1e3, d[d.length * 99 / 100] / 1e3, (cpu1 - cpu0) / 1e3 / n, r.dropped());
                for (Path p : r.files()) Files.deleteIfExists(p);
            }
        }
    }
}
