package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --print-budget}: a line per stage, the total last, for any config; no device opened. */
class PrintBudgetTest {

    private static List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BrickMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void printsEveryStageAndTheTotalLast() {
        List<String> lines = run("--print-budget", "--set", "agent.periodMs=50");
        for (String stage : List.of("v1", "a1", "s1", "insula", "cortex", "s1-efference", "basal-ganglia", "m1")) {
            assertThat(lines).anyMatch(l -> l.startsWith(stage + " "));
        }
        assertThat(lines.get(lines.size() - 1)).matches("total: \\d+ ms of the 50 ms period \\(\\d+%\\)");
    }

    @Test
    void moreLagFeaturesCostMore() {
        String base = run("--print-budget").stream().reduce((a, b) -> b).orElseThrow();
        String more = run("--print-budget", "--set", "cortex.cycles.maxPeriod=40").stream().reduce((a, b) -> b).orElseThrow();
        assertThat(ms(more)).isGreaterThan(ms(base));
    }

    @Test
    void recordingAddsTheRecordersLineAndTheBrickDefaultsStayWithinFiftyMs() {
        List<String> plain = run("--print-budget");
        assertThat(plain).noneMatch(l -> l.startsWith("recorder"));
        List<String> rec = run("--print-budget", "--record", "/tmp/never-written.mcap");
        assertThat(rec).anyMatch(l -> l.startsWith("recorder "));
        assertThat(run("--print-budget", "--set", "telemetry.port=8765")).anyMatch(l -> l.startsWith("recorder+telemetry "));
        String total = rec.get(rec.size() - 1);
        assertThat(ms(total)).isLessThanOrEqualTo(50).isGreaterThanOrEqualTo(ms(plain.get(plain.size() - 1)));
        // Every frame recorded costs more than one in a hundred.
        List<String> frames = run("--print-budget", "--record", "/tmp/never-written.mcap", "--set", "record.camera.everyTicks=1");
        assertThat(recorderMs(frames)).isGreaterThan(recorderMs(rec));
    }

    private static double recorderMs(List<String> lines) {
        String l = lines.stream().filter(x -> x.startsWith("recorder")).findFirst().orElseThrow();
        String[] f = l.trim().split("\\s+");
        return Double.parseDouble(f[f.length - 2]);
    }

    private static int ms(String totalLine) {
        return Integer.parseInt(totalLine.replaceAll("total: (\\d+) ms.*", "$1"));
    }
}
