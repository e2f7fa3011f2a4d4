package org.ev3cortex.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.testing.opcount.CountingLoader;
import org.junit.jupiter.api.Test;

/**
 * Each stage's reported operation counts against an instrumented run of the same tick: the
 * kernels' bytecode rewritten to count every float operation, conversion, compare, math call,
 * int operation and array byte it executes.
 */
class OpCountTest {
    static final String[] KINDS = {"fadd", "fmul", "fdiv", "fmath", "fconv", "fcmp", "dop", "iop", "bytes"};

    static long[][][] probe(List<String> names, String... settings) throws Exception {
        ClassLoader loader = new CountingLoader(OpCountTest.class.getClassLoader());
        Class<?> probe = loader.loadClass("org.ev3cortex.agent.OpCountProbe");
        Method run = probe.getMethod("run", String[].class, int.class, List.class);
        return (long[][][]) run.invoke(null, settings, 30, names); // 30: past the song detector's 2.4 s ring
    }

    static String table(List<String> names, long[][][] r) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < names.size(); s++) {
            b.append(String.format("%-14s", names.get(s)));
            for (int k = 0; k < KINDS.length; k++) {
                b.append(String.format(" %s %d/%d", KINDS[k], r[s][1][k], r[s][0][k]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * The float kinds within 10 % (or 8 operations, for the small stages: data-dependent
     * short-circuits), ints and bytes within 35 %: those follow the JIT's index arithmetic less
     * closely, and the model only needs them roughly.
     */
    static void assertClose(List<String> names, long[][][] r) {
        String table = table(names, r);
        for (int s = 0; s < names.size(); s++) {
            for (int k = 0; k < KINDS.length; k++) {
                long reported = r[s][1][k];
                long executed = r[s][0][k];
                double tol = k < 7 ? Math.max(8, 0.10 * executed) : Math.max(40, 0.35 * executed);
                assertThat((double) Math.abs(reported - executed))
                        .as("%s %s: reported %d, executed %d%n%s", names.get(s), KINDS[k], reported, executed, table)
                        .isLessThanOrEqualTo(tol);
            }
        }
    }

    @Test
    void theDefaultConfigsCountsMatchAnInstrumentedTick() throws Exception {
        List<String> names = new ArrayList<>();
        long[][][] r = probe(names);
        System.out.println(table(names, r));
        assertClose(names, r);
    }

    @Test
    void aSmallColourMonoConfigsCountsMatchToo() throws Exception {
        List<String> names = new ArrayList<>();
        long[][][] r = probe(names, "body.camera.width=64", "body.camera.height=48", "body.camera.format=RGB24",
                "v1.rings=8", "v1.sectors=4", "v1.opponent=true", "v1.dog.radiusPx=3",
                "body.mic.channels=1", "body.mic.windowFrames=256", "a1.bands=8",
                "cortex.cycles.maxPeriod=6", "cortex.predict.space=false");
        System.out.println(table(names, r));
        assertClose(names, r);
    }

    @Test
    void v1sFixedReceptiveFieldsCountsMatchToo() throws Exception {
        List<String> names = new ArrayList<>();
        long[][][] r = probe(names, "v1.receptiveField=fixed");
        System.out.println(table(names, r));
        assertClose(names, r);
        names.clear();
        r = probe(names, "body.camera.width=64", "body.camera.height=48", "v1.rings=8", "v1.sectors=4",
                "v1.opponent=true", "v1.receptiveField=fixed"); // YUYV's opponent channels
        System.out.println(table(names, r));
        assertClose(names, r);
    }

    @Test
    void theFftFitHoldsFrom64To4096() throws Exception {
        ClassLoader loader = new CountingLoader(OpCountTest.class.getClassLoader());
        Class<?> probe = loader.loadClass("org.ev3cortex.agent.FftProbe");
        int[] sizes = {64, 128, 256, 512, 1024, 2048, 4096};
        long[][] r = (long[][]) probe.getMethod("run", int[].class).invoke(null, (Object) sizes);
        for (int i = 0; i < sizes.length; i++) {
            org.ev3cortex.seam.OpCount c = new org.ev3cortex.seam.OpCount();
            FftCount.of(sizes[i], c);
            assertThat((double) c.fadd).as("fadd, n = %d", sizes[i]).isCloseTo(r[i][0], org.assertj.core.data.Percentage.withPercentage(2));
            assertThat((double) c.fmul).as("fmul, n = %d", sizes[i]).isCloseTo(r[i][1], org.assertj.core.data.Percentage.withPercentage(2.5));
        }
    }
}
