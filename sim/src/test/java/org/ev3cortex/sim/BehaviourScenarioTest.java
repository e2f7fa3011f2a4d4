package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.ganglia.Behaviour;
import org.ev3cortex.seam.Percepts;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.World;
import org.junit.jupiter.api.Test;

/** Fixed-seed runs of the whole agent (the real stage list) in the simulator. */
class BehaviourScenarioTest {

    static Config config(String... kv) throws Exception {
        return ScenarioTest.config(kv);
    }

    /** Records, per tick, whether the world was blocked when the tick read its senses. */
    static final class Contact implements TickObserver {
        final World w;
        final List<Boolean> blocked = new ArrayList<>();

        Contact(World w) {
            this.w = w;
        }

        @Override public void afterTick(long tick, Snapshot s, MotorCommands c) {
            blocked.add(w.blocked());
        }
    }

    @Test
    void aStallIsDetectedWithinThreeTicksWithoutTheStalledFlagIn20Of20Seeds() throws Exception {
        List<String> report = new ArrayList<>();
        int ok = 0;
        for (int seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            // Start 0.4-1.4 m from the right wall, heading into it within ±25°; no bumper, no flag.
            double x = 4.0 - 0.4 - r.nextDouble();
            double y = 0.6 + 1.8 * r.nextDouble();
            double heading = -25 + 50 * r.nextDouble();
            Config c = config("sim.seed=" + seed, "sim.world.obstacles=", "sim.world.sounds=", "body.touchPorts=",
                    "sim.motor.reportStall=false", "m1.stall.useFlag=false", "m1.phonotaxis.enabled=false",
                    "m1.explore.turnCountsPerSec=0",
                    "sim.robot.x=" + x, "sim.robot.y=" + y, "sim.robot.headingDeg=" + heading);
            SimBody body = new SimBody(c);
            try (Agent agent = new Agent(body, c, List.of())) {
                Percepts ctx = agent.percepts();
                long[] firstContact = {-1};
                long[] detected = {-1};
                agent.loop().addObserver((tick, s, cmd) -> {
                    // The world only moves while the loop sleeps, so "blocked" here is what this
                    // tick's read saw: the first such tick is the first one after the contact.
                    if (firstContact[0] < 0 && body.world().blocked()) firstContact[0] = tick;
                    if (detected[0] < 0 && ctx.stallDetections() > 0) detected[0] = ctx.lastStallDetectionTick();
                });
                agent.loop().runTicks(120);
                World w = body.world();
                long delay = detected[0] - firstContact[0];
                boolean backedOff = agent.selection().switches().describe().stream().anyMatch(l -> l.contains("-> BACK_OFF (stall"));
                boolean turned = agent.selection().switches().describe().stream().anyMatch(l -> l.contains("-> TURN_AWAY"));
                boolean free = !w.blocked();
                report.add("seed " + seed + ": contact tick " + firstContact[0] + ", detected " + detected[0]
                        + " (+" + delay + "), backed off " + backedOff + ", turned " + turned + ", free at end " + free);
                if (firstContact[0] >= 0 && detected[0] >= firstContact[0] && delay <= 3 && backedOff && turned) ok++;
            }
        }
        report.forEach(System.out::println);
        System.out.println("stall detection within 3 ticks: " + ok + "/20");
        assertThat(ok).as(String.join("\n", report)).isEqualTo(20);
    }

    @Test
    void tenMinutesOfFreeExplorationGiveNoFalseStall() throws Exception {
        Config c = config("sim.seed=3", "sim.world.widthM=40", "sim.world.heightM=40", "sim.world.obstacles=",
                "sim.world.sounds=", "sim.robot.x=20", "sim.robot.y=20", "sim.motor.reportStall=false",
                "m1.stall.useFlag=false", "sim.battery.capacityMah=100000");
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            Percepts ctx = agent.percepts();
            int[] falseAlarms = {0};
            int[] recentContact = {1_000};
            long[] last = {0};
            agent.loop().addObserver((tick, s, cmd) -> {
                recentContact[0] = body.world().blocked() ? 0 : recentContact[0] + 1;
                if (ctx.stallDetections() > last[0]) {
                    last[0] = ctx.stallDetections();
                    if (recentContact[0] > 5) falseAlarms[0]++;
                }
            });
            agent.loop().runTicks(6_000); // 10 simulated minutes at 10 Hz
            System.out.printf("10 min exploring: %.1f m travelled, %d collisions, %d stall detections, %d false%n",
                    body.world().distanceM(), body.world().collisions(), ctx.stallDetections(), falseAlarms[0]);
            assertThat(body.world().distanceM()).isGreaterThan(100);
            assertThat(falseAlarms[0]).isZero();
        }
    }

    @Test
    void phonotaxisReachesTheRhythmicSourceFromRandomStarts() throws Exception {
        Config base = config();
        double sx = 3.6;
        double sy = 1.5;
        List<String> report = new ArrayList<>();
        int reached = 0;
        SplittableRandom r = new SplittableRandom(42);
        World probe = new SimBody(base).world();
        for (int run = 0; run < 20; run++) {
            double x;
            double y;
            do {
                x = 0.2 + 3.6 * r.nextDouble();
                y = 0.2 + 2.6 * r.nextDouble();
            } while (Approach.blocked(probe, x, y) || Math.hypot(x - sx, y - sy) < 1.0);
            double heading = -180 + 360 * r.nextDouble();
            Config c = config("sim.seed=" + (run + 1), "sim.robot.x=" + x, "sim.robot.y=" + y,
                    "sim.robot.headingDeg=" + heading);
            Approach one = Approach.run(c, sx, sy, 600);
            if (one.reached()) reached++;
            report.add(String.format(java.util.Locale.ROOT, "start %.2f,%.2f heading %.0f: %s (closest %.2f m)",
                    x, y, heading, one.reached() ? "reached at " + one.reachedTick / 10.0 + " s" : "not reached", one.closestM));
        }
        report.forEach(System.out::println);
        System.out.println("phonotaxis: " + reached + "/20 within 0.3 m in 60 s");
        assertThat(reached).as(String.join("\n", report)).isGreaterThanOrEqualTo(18);
    }


    @Test
    void lowBatteryStopsTheMotorsWithinOneTickAndHoldsThemUntilItRecovers() throws Exception {
        // A tiny battery that empties in well under a minute of driving.
        Config c = config("sim.world.obstacles=", "sim.world.sounds=", "sim.battery.fullV=7.0",
                "sim.battery.emptyV=6.0", "sim.battery.capacityMah=5", "sim.battery.internalOhm=0.3",
                "sim.world.widthM=30", "sim.world.heightM=30", "sim.robot.x=15", "sim.robot.y=15");
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            List<double[]> log = new ArrayList<>();
            agent.loop().addObserver((tick, s, cmd) -> log.add(new double[] {
                s.batteryV, cmd.issuedMode(0), cmd.issuedMode(1), s.motors.speedCountsPerSec[0], agent.loop().batteryLow() ? 1 : 0}));
            agent.loop().runTicks(1_200);
            int firstLow = -1;
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i)[0] < 6.5) {
                    firstLow = i;
                    break;
                }
            }
            assertThat(firstLow).as("the battery ran low").isPositive();
            // The tick that read the low voltage issued the stop itself.
            assertThat(log.get(firstLow)[1]).isEqualTo(MotorCommands.STOP);
            assertThat(log.get(firstLow)[2]).isEqualTo(MotorCommands.STOP);
            // Once stopped, the load sag vanishes and the voltage rises a little, but stays under the
            // 6.9 V recover level, so the motors never start again.
            double maxAfter = 0;
            for (int i = firstLow + 1; i < log.size(); i++) {
                maxAfter = Math.max(maxAfter, log.get(i)[0]);
                assertThat(log.get(i)[1]).as("tick %d", i).isEqualTo(MotorCommands.STOP);
                assertThat(log.get(i)[4]).isEqualTo(1);
            }
            assertThat(maxAfter).isGreaterThan(log.get(firstLow)[0]).isLessThan(6.9);
            assertThat(log.get(log.size() - 1)[3]).isZero();
            System.out.printf("battery guard: low at tick %d (%.3f V), max %.3f V afterwards, motors stopped%n",
                    firstLow, log.get(firstLow)[0], maxAfter);
            assertThat(agent.selection().active()).isNotEqualTo(Behaviour.IDLE);
        }
    }
}
