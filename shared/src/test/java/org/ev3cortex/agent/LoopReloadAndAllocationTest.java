package org.ev3cortex.agent;

import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.VirtualClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ReloadVerdict;
import org.junit.jupiter.api.Test;

class LoopReloadAndAllocationTest {

    private final VirtualClock clock = new VirtualClock();
    private final LoopbackBody body = new LoopbackBody(clock, new String[] {"outB", "outC"}, new String[] {"in1"});

    /** Records the period it was configured with, and checks it never changes inside a tick. */
    static final class PeriodProbe implements Stage {
        final String name;
        int configuredPeriod;
        final List<String> log;

        PeriodProbe(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override public String name() { return name; }

        @Override public void configure(Config c) {
            configuredPeriod = c.get(LoopKeys.PERIOD_MS);
            log.add("configure " + name + " " + configuredPeriod);
        }

        @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
            log.add("tick " + in.tick + " " + name + " " + configuredPeriod);
        }
    }

    @Test
    void aConfigSubmittedMidTickIsAppliedBeforeTheNextTickAndNeverDuringOne() throws Exception {
        List<String> log = new ArrayList<>();
        PeriodProbe first = new PeriodProbe("first", log);
        PeriodProbe last = new PeriodProbe("last", log);
        Config next = AgentSchema.defaults().with(LoopKeys.PERIOD_MS, 50);
        TickLoop[] loopRef = new TickLoop[1];
        Stage submitter = new Stage() {
            @Override public String name() { return "submitter"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                if (in.tick == 2) loopRef[0].submitConfig(next); // arrives in the middle of tick 2
            }
        };
        List<ReloadVerdict> verdicts = new ArrayList<>();
        TickLoop loop = new TickLoop(body, List.of(first, submitter, last), AgentSchema.defaults());
        loopRef[0] = loop;
        loop.onVerdict(verdicts::add);
        loop.runTicks(4);

        assertThat(log).containsExactly(
                "configure first 100", "configure last 100",
                "tick 0 first 100", "tick 0 last 100",
                "tick 1 first 100", "tick 1 last 100",
                "tick 2 first 100", "tick 2 last 100", // the rest of tick 2 still runs on the old config
                "configure first 50", "configure last 50",
                "tick 3 first 50", "tick 3 last 50");
        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(ReloadVerdict.Status.APPLIED);
            assertThat(v.tick()).isEqualTo(3);
        });
        assertThat(loop.config().get(LoopKeys.PERIOD_MS)).isEqualTo(50);
        // Ticks 0-2 at 100 ms, then the 50 ms period: tick 3 starts at 300 ms, the loop sleeps to 350.
        assertThat(clock.nanoTime()).isEqualTo(350_000_000L);
    }

    @Test
    void theLoopRefusesARestartOnlyChangeEvenIfHandedOne() throws Exception {
        List<ReloadVerdict> verdicts = new ArrayList<>();
        TickLoop loop = new TickLoop(body, List.of(), AgentSchema.defaults());
        loop.onVerdict(verdicts::add);
        loop.submitConfig(AgentSchema.defaults().with(org.ev3cortex.body.BodyKeys.MOTOR_PORTS, "outA,outD")
                .with(LoopKeys.PERIOD_MS, 20));
        loop.runTicks(1);
        assertThat(verdicts).extracting(ReloadVerdict::status).containsExactly(ReloadVerdict.Status.RESTART_REQUIRED);
        assertThat(loop.config().get(LoopKeys.PERIOD_MS)).isEqualTo(100);
    }

    @Test
    void theLoopItselfAllocatesNothingPerTick() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocatedAt = new long[60_001];
        Stage driver = new Stage() {
            @Override public String name() { return "driver"; }
            @Override public void update(TickData td) {
                Snapshot in = td.in();
                MotorCommands out = td.commands();
                int s = (int) (in.tick % 200) - 100;
                out.runForever(0, s);
                if (in.tick % 5 == 0) out.runTimed(1, 250, -s); // motor 1 lapses into motor safety at times
                // Sampled inside the loop thread every tick, so the run's fixed set-up is not counted
                // and the sampling branch is as hot as the rest (no deoptimisation at the end mark).
                allocatedAt[(int) in.tick] = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
        };
        body.setTouch(0, true);
        TickLoop loop = new TickLoop(body, List.of(driver), AgentSchema.defaults());
        loop.runTicks(60_001); // ticks 0-49999 warm up (JIT tiers settle, class loading, lazy init)

        long bytes = allocatedAt[60_000] - allocatedAt[50_000];
        int ticksThatAllocated = 0;
        for (int i = 50_001; i <= 60_000; i++) {
            if (allocatedAt[i] != allocatedAt[i - 1]) ticksThatAllocated++;
        }
        System.out.printf("tick loop allocation: %d B over 10000 ticks = %.4f B/tick, in %d tick(s);"
                + " motor-safety stops %d%n", bytes, bytes / 10_000.0, ticksThatAllocated, loop.stats().motorSafetyStops());
        assertThat(loop.stats().motorSafetyStops()).as("the write path with safety stops was exercised").isPositive();
        // A per-tick allocation would show in every tick. Under surefire the JVM occasionally
        // charges an isolated ~1 KB event to the thread (never seen in a plain JVM over 250,000
        // ticks, nor in JFR allocation samples of the loop): allow a few such events, not a pattern.
        assertThat(ticksThatAllocated).isLessThanOrEqualTo(3);
        assertThat(bytes).isLessThan(4_096);
    }
}
