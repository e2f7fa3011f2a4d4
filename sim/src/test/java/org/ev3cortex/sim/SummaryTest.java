package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless summary ends with what the robot did, and summary.json agrees with itself. */
class SummaryTest {
    @TempDir Path dir;

    @Test
    void summaryEndsWithTheBehaviourFiguresAndTheSwitchesAreObjects() throws Exception {
        HostileInputTest.Run r = HostileInputTest.sim("run", "--headless", "--seconds", "130", "--seed", "7",
                "--set", "sim.hostStats=false", "--report", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(dir.resolve("summary.json"));
        assertThat(text(json, "end")).isEqualTo("finished");
        assertThat(text(json, "loopState")).isEqualTo("STOPPED");
        assertThat(r.out()).contains("Summary (finished)").doesNotContain("STOPPED");

        // Time per behaviour, rebuilt independently from the switches (all kept in 1,300 ticks):
        // switch k makes 'to' active from its tick until the next switch.
        long ticks = (long) number(json, "ticks");
        Matcher m = Pattern.compile("\\{\"tick\": (\\d+), \"from\": \"(\\w+)\", \"to\": \"(\\w+)\", "
                + "\"reason\": \"(\\w+)\", \"detail\": \"([^\"]+)\"\\}").matcher(json);
        List<String[]> sw = new ArrayList<>();
        while (m.find()) sw.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
        assertThat(sw).hasSize((int) number(json, "behaviourSwitchCount")).hasSizeGreaterThan(3);
        assertThat(sw.get(0)[0]).isEqualTo("0");
        Map<String, Long> expected = new HashMap<>();
        for (int k = 0; k < sw.size(); k++) {
            if (k > 0) assertThat(sw.get(k)[1]).isEqualTo(sw.get(k - 1)[2]);
            long end = k + 1 < sw.size() ? Long.parseLong(sw.get(k + 1)[0]) : ticks;
            expected.merge(sw.get(k)[2], end - Long.parseLong(sw.get(k)[0]), Long::sum);
        }
        String time = json.substring(json.indexOf("\"timePerBehaviour\": {"));
        time = time.substring(0, time.indexOf('}'));
        assertThat(time.split(",")).hasSize((int) expected.values().stream().filter(v -> v > 0).count());
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            if (e.getValue() > 0) {
                assertThat(number(time, e.getKey())).as(e.getKey()).isCloseTo(e.getValue() / (double) ticks, within(1e-12));
            }
        }

        // Each area's flag is the comparison of its two errors (by more than the margin), and the
        // flagged ones are named last.
        String areas = json.substring(json.indexOf("\"areas\": {"));
        Matcher a = Pattern.compile("\"([\\w-]+)\": \\{\\s*\"meanSurprise\": [^,]+,\\s*\"sheetMse\": ([^,]+),"
                + "\\s*\"copyLastMse\": ([^,]+),\\s*\"sheetOverCopyLast\": [^,]+,\\s*\"worseThanCopyLast\": (\\w+)").matcher(areas);
        int n = 0;
        int flagged = 0;
        while (a.find()) {
            n++;
            String area = a.group(1);
            boolean worse = Double.parseDouble(a.group(2))
                    > Double.parseDouble(a.group(3)) * (1 + org.ev3cortex.sim.report.PredictionScore.WORSE_MARGIN);
            assertThat(Boolean.parseBoolean(a.group(4))).as(area).isEqualTo(worse);
            String line = r.out().lines().filter(l -> l.startsWith("  " + area + " ")).findFirst().orElseThrow();
            assertThat(line.endsWith("WORSE than copy-last")).as(line).isEqualTo(worse);
            if (worse) flagged++;
        }
        assertThat(n).isEqualTo(7);
        String[] lines = r.out().strip().split("\n");
        int behaviour = java.util.Arrays.asList(lines).indexOf("Behaviour");
        assertThat(behaviour).as("the behaviour block comes last").isGreaterThan(0);
        assertThat(lines[behaviour + 1]).isEqualTo(String.format(java.util.Locale.ROOT,
                "  travelled %.2f m, %d collision(s), %d stall event(s) (%d detected by S1), %d behaviour switch(es)",
                number(json, "distanceM"), (long) number(json, "collisions"), (long) number(json, "stallEvents"),
                (long) number(json, "stallDetections"), (long) number(json, "behaviourSwitchCount")));
        assertThat(lines[behaviour + 2]).startsWith("  time per behaviour: ");

        // Collisions per minute: three minutes (the last partial) that add up to the run's collisions.
        Matcher pm = Pattern.compile("\"collisionsPerMinute\": \\[([0-9, ]*)\\]").matcher(json);
        assertThat(pm.find()).isTrue();
        long[] perMinute = java.util.Arrays.stream(pm.group(1).split(", ")).mapToLong(Long::parseLong).toArray();
        assertThat(perMinute).hasSize(3);
        assertThat(java.util.Arrays.stream(perMinute).sum()).isEqualTo((long) number(json, "collisions"));
        assertThat(lines[behaviour + 3]).isEqualTo("  collisions per minute: " + pm.group(1).replace(",", ""));
        // One entry per sound source and lamp of the default world: the closest is no farther than
        // the end, and "first within 0.3 m" is there exactly when the closest is within 0.3 m.
        Matcher t = Pattern.compile("\\{\"target\": \"([^\"]+)\", \"x\": [^,]+, \"y\": [^,]+, \"endM\": ([^,]+), "
                + "\"closestM\": ([^,]+), \"closestAtS\": ([^,]+), \"firstWithin0_3mS\": ([^}]+)\\}").matcher(json);
        List<String> targets = new ArrayList<>();
        while (t.find()) {
            targets.add(t.group(1));
            double end = Double.parseDouble(t.group(2));
            double closest = Double.parseDouble(t.group(3));
            assertThat(closest).isLessThanOrEqualTo(end);
            assertThat(Double.parseDouble(t.group(4))).isBetween(0.0, 130.0);
            assertThat(t.group(5).equals("null")).as(t.group(1)).isEqualTo(closest > 0.3);
            assertThat(r.out()).contains("  " + t.group(1) + ": closest ");
        }
        assertThat(targets).containsExactly("sound tone 3.6,1.5", "light 0.4,2.6");
        assertThat(lines.length - behaviour).isEqualTo(5 + targets.size() + n + (flagged > 0 ? 1 : 0));
    }

    private static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)").matcher(json);
        assertThat(m.find()).as(key).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
