package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.World;
import org.junit.jupiter.api.Test;

/**
 * Selective phonotaxis, as a cricket's: from random starts the robot reaches within 0.3 m of the
 * target song within 60 simulated seconds, in the default world, in the walled arena of
 * docs/worlds (a wall between the start region and the song) and in the same arena with a louder
 * distractor of another pitch and rhythm. The starts per world are {@code ev3cortex.starts}
 * (default 30 here; the figures for 100 are in docs/behaviour.md).
 */
class SelectivePhonotaxisTest {
    static final int STARTS = Integer.getInteger("ev3cortex.starts", 30);

    static Path world(String name) {
        Path root = Paths.get(System.getProperty("ev3cortex.repoRoot", "..")).toAbsolutePath().normalize();
        return root.resolve("docs/worlds").resolve(name);
    }

    static Config config(Path world, List<String> kv) throws Exception {
        List<ConfigOverride> o = new ArrayList<>();
        o.add(new ConfigOverride("sim.hostStats", "false", "test"));
        for (String s : kv) o.add(ConfigOverride.parse(s, "test"));
        return new ConfigLoader(SimKeys.schema()).load(world == null ? List.of() : List.of(world), o);
    }

    /** The outcome of a batch of starts: how many reached the target, and one line per start. */
    static final class Batch {
        final int reached;
        final int starts;
        final List<String> lines;

        Batch(int reached, int starts, List<String> lines) {
            this.reached = reached;
            this.starts = starts;
            this.lines = lines;
        }

        int reached() {
            return reached;
        }

        int starts() {
            return starts;
        }

        String text() {
            return String.join("\n", lines) + "\nreached " + reached + "/" + starts;
        }
    }

    /**
     * {@code n} starts drawn from the seed, uniform over {@code [x0, x1] x [y0, y1]} clear of
     * obstacles and at least 1 m from the target, any heading; each runs until the robot is within
     * 0.3 m of the target (its first sound source, else its first lamp) or 60 simulated seconds have passed.
     */
    static Batch starts(Path worldFile, int n, long seed, double x0, double x1, double y0, double y1, String... extra)
            throws Exception {
        List<String> common = new ArrayList<>(List.of(extra));
        // Extra keys for every start, for trying settings by hand: -Dev3cortex.set=key=value,key=value
        String set = System.getProperty("ev3cortex.set", "");
        if (!set.isBlank()) common.addAll(List.of(set.split(",")));
        Config base = config(worldFile, common);
        World probe = new SimBody(base).world();
        // The target: the first sound source, else the first lamp.
        double sx = probe.sounds.isEmpty() ? probe.lights.get(0).x : probe.sounds.get(0).x;
        double sy = probe.sounds.isEmpty() ? probe.lights.get(0).y : probe.sounds.get(0).y;
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        int reached = 0;
        for (int run = 0; run < n; run++) {
            double x;
            double y;
            do {
                x = x0 + (x1 - x0) * r.nextDouble();
                y = y0 + (y1 - y0) * r.nextDouble();
            } while (Approach.blocked(probe, x, y) || Math.hypot(x - sx, y - sy) < 1.0);
            double heading = -180 + 360 * r.nextDouble();
            List<String> kv = new ArrayList<>(common);
            kv.addAll(List.of("sim.seed=" + (run + 1), "sim.robot.x=" + x, "sim.robot.y=" + y, "sim.robot.headingDeg=" + heading));
            Config c = config(worldFile, kv);
            Approach run1 = Approach.run(c, sx, sy, 600);
            if (run1.reached()) reached++;
            lines.add(String.format(java.util.Locale.ROOT, "seed %d start %.2f,%.2f heading %.0f: %s (closest %.2f m, %d collisions)",
                    run + 1, x, y, heading, run1.reached() ? "reached at " + run1.reachedTick / 10.0 + " s" : "not reached (--set sim.robot.x=" + x + " --set sim.robot.y=" + y
                            + " --set sim.robot.headingDeg=" + heading + ")", run1.closestM, run1.collisions));
        }
        return new Batch(reached, n, lines);
    }

    /**
     * The figures by hand, e.g. for 100 starts per world (java -cp with the test classes):
     * {@code SelectivePhonotaxisTest 100 [key=value ...]}.
     */
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String[] extra = java.util.Arrays.copyOfRange(args, 1, args.length);
        Batch d = starts(null, n, 42, 0.2, 3.8, 0.2, 2.8, extra);
        Batch w = starts(world("walled-arena.properties"), n, 43, 0.3, 2.6, 0.3, 4.7, extra);
        Batch x = starts(world("walled-arena-distractor.properties"), n, 44, 0.3, 2.6, 0.3, 4.7, extra);
        Batch l = starts(world("lamp-arena.properties"), n, 46, 0.2, 3.8, 0.2, 2.8, extra);
        for (Batch b : List.of(d, w, x, l)) for (String line : b.lines) if (line.contains("not reached")) System.out.println(line);
        System.out.printf("default world %d/%d, walled arena %d/%d, with distractor %d/%d, lamp arena %d/%d%n", d.reached,
                n, w.reached, n, x.reached, n, l.reached, n);
    }


    private static void check(String what, Batch b) {
        System.out.println(what + ":\n" + b.text());
        // At least 95 % of the starts, as the issue asks of 100 (28 of 30 is 93 %: one more miss is allowed by rounding down).
        assertThat(b.reached()).as(b.text()).isGreaterThanOrEqualTo((int) Math.floor(0.95 * b.starts()));
    }

    @Test
    void theDefaultWorldsSongIsReachedFromRandomStarts() throws Exception {
        check("default world", starts(null, STARTS, 42, 0.2, 3.8, 0.2, 2.8));
    }

    @Test
    void theSongBehindAWallIsReachedByGoingAroundIt() throws Exception {
        check("walled arena", starts(world("walled-arena.properties"), STARTS, 43, 0.3, 2.6, 0.3, 4.7));
    }

    @Test
    void aLouderSongOfAnotherPitchAndRhythmIsIgnored() throws Exception {
        check("walled arena with a distractor",
                starts(world("walled-arena-distractor.properties"), STARTS, 44, 0.3, 2.6, 0.3, 4.7));
    }

    @Test
    void approachLightReachesTheLampAloneFromNinetyPercentOfTwentyStarts() throws Exception {
        Batch b = starts(world("lamp-arena.properties"), 20, 46, 0.2, 3.8, 0.2, 2.8);
        System.out.println("lamp arena:\n" + b.text());
        assertThat(b.reached()).as(b.text()).isGreaterThanOrEqualTo(18);
    }

    @Test
    void withoutItsPitchBandTheSameRobotFollowsTheLouderDistractor() throws Exception {
        // The control: tuned to the distractor's pitch and rhythm instead, the robot goes to the
        // distractor, so the selectivity above is the song filter's doing.
        Batch b = starts(world("walled-arena-distractor.properties"), 10, 45, 0.3, 2.6, 0.3, 4.7,
                "m1.phonotaxis.song.minHz=2300", "m1.phonotaxis.song.maxHz=2500", "m1.phonotaxis.song.periodS=0.25");
        System.out.println("tuned to the distractor:\n" + b.text());
        assertThat(b.reached()).as(b.text()).isLessThanOrEqualTo(1);
    }

    /** The share of 40 s that phonotaxis ran, and the mean rhythm match, for one source at 1.5 m ahead-left. */
    private static double[] listen(String sound) throws Exception {
        Config c = config(null, List.of("sim.seed=5", "sim.world.obstacles=", "sim.world.lights=", "sim.world.sounds=" + sound,
                "sim.robot.x=0.5", "sim.robot.y=0.5", "sim.robot.headingDeg=0"));
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            double[] sums = new double[3];
            agent.loop().addObserver((tick, s, cmd) -> {
                if (tick < 30) return; // the rhythm needs 2.4 s of song
                sums[0] += agent.selection().active() == org.ev3cortex.ganglia.Behaviour.PHONOTAXIS ? 1 : 0;
                sums[1] += agent.selection().rhythmMatch();
                sums[2]++;
            });
            agent.loop().runTicks(400);
            return new double[] {sums[0] / sums[2], sums[1] / sums[2]};
        }
    }

    @Test
    void theSongsPitchAndRhythmTogetherMakeItTheSong() throws Exception {
        double[] song = listen("tone 1.5 1.5 880 0.6 on=0.3 period=0.6");
        double[] steady = listen("tone 1.5 1.5 880 0.6");
        double[] slower = listen("tone 1.5 1.5 880 0.6 on=1.0 period=2.0");
        double[] higher = listen("tone 1.5 1.5 2400 0.9 on=0.3 period=0.6");
        String t = String.format(java.util.Locale.ROOT, "phonotaxis share / mean rhythm match: song %.2f/%.2f, steady %.2f/%.2f,"
                + " slower rhythm %.2f/%.2f, higher pitch %.2f/%.2f", song[0], song[1], steady[0], steady[1], slower[0],
                slower[1], higher[0], higher[1]);
        System.out.println(t);
        assertThat(song[0]).as(t).isGreaterThan(0.8);
        assertThat(steady[0]).as(t).isLessThan(0.05);
        assertThat(slower[0]).as(t).isLessThan(0.05);
        // Alone, a louder tone at another pitch with the song's rhythm is followed a little: its
        // gating clicks reach the song's bands when the robot comes near it (0.18 of the ticks
        // with orienting to the sheet's surprise; 0 before that). With the song present it is
        // ignored (aLouderSongOfAnotherPitch...).
        assertThat(higher[0]).as(t).isLessThan(0.25);
    }
}
