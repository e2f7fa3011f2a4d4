package org.ev3cortex.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.SourceState;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.config.Config;
import org.ev3cortex.insula.Insula;
import org.ev3cortex.s1.S1;
import org.ev3cortex.v1.V1;
import org.ev3cortex.a1.A1;
import org.ev3cortex.seam.TickData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four sensory pathways as the agent runs them: shapes, outputs, percepts, no allocation. */
class PathwaysTest {

    /** V1, A1, S1 and the Insula, configured with the defaults, in tick order. */
    static List<Stage> pathways() {
        Config c = AgentSchema.defaults();
        List<Stage> stages = List.of(new V1(), new A1(), new S1(), new Insula());
        for (Stage st : stages) st.configure(c);
        return stages;
    }


    /** A default-config snapshot (160x120 YUYV, 512 stereo frames, 2 motors, 1 touch) with content. */
    static Snapshot snapshot(Random rnd) {
        Snapshot s = new Snapshot(PixelFormat.YUYV.frameBytes(160, 120), 512 * 2, 2, 1);
        rnd.nextBytes(s.frame);
        for (int i = 0; i < s.audio.length; i++) s.audio[i] = (short) rnd.nextInt(65536);
        s.frameReading.sequence = 1;
        s.frameReading.state = SourceState.RUNNING;
        s.audioReading.sequence = 1;
        s.audioReading.state = SourceState.RUNNING;
        return s;
    }

    @Test
    void theDefaultConfigBuildsFourStagesWithTheirDocumentedSizes() {
        List<Stage> t = pathways();
        assertThat(t).extracting(Stage::name).containsExactly("v1", "a1", "s1", "insula");
        Snapshot s = snapshot(new Random(1));
        TickData td = new TickData(s, new MotorCommands(2));
        for (Stage st : t) st.update(td);
        V1 v1 = (V1) t.get(0);
        A1 a1 = (A1) t.get(1);
        assertThat(v1.left()).hasSize(16 * 16);
        assertThat(v1.right()).hasSize(16 * 16);
        assertThat(v1.outputs()).allSatisfy(p -> assertThat(p.output()).hasSize(p.width() * p.height()));
        assertThat(a1.left()).hasSize(16);
        assertThat(((S1) t.get(2)).area()).hasSize(2 * S1.PER_MOTOR + 1);
        assertThat(((Insula) t.get(3)).area()).hasSize(Insula.SIZE);
        for (float v : v1.left()) assertThat(v).isBetween(-1f, 1f);
        for (float v : a1.left()) assertThat(v).isBetween(0f, 1f);
        // The declared shapes are what the pathways fill, for the same config.
        Config c = AgentSchema.defaults();
        int[] v1Shape = AgentSchema.PATHWAY_SHAPES.of(org.ev3cortex.seam.Region.V1_L, c);
        assertThat(v1.outputs().get(0).width()).isEqualTo(v1Shape[0]);
        assertThat(v1.outputs().get(0).height()).isEqualTo(v1Shape[1]);
        assertThat(a1.outputs().get(1).width()).isEqualTo(AgentSchema.PATHWAY_SHAPES.of(org.ev3cortex.seam.Region.A1_R, c)[0]);
    }

    @Test
    void v1AndA1PublishTheHemifieldLumaAndTheSoundLevelPerEar() {
        List<Stage> t = pathways();
        Snapshot s = snapshot(new Random(4));
        java.util.Arrays.fill(s.frame, (byte) 128);
        // Luma bytes at even offsets: the left half at 200, the right half at 40.
        for (int y = 0; y < 120; y++) for (int x = 0; x < 160; x++) s.frame[2 * (y * 160 + x)] = (byte) (x < 80 ? 200 : 40);
        // Left ear a constant 16384 (RMS 0.5 of full scale), right ear silent.
        for (int i = 0; i < 512; i++) {
            s.audio[2 * i] = 16384;
            s.audio[2 * i + 1] = 0;
        }
        TickData td = new TickData(s, new MotorCommands(2));
        for (Stage st : t) st.update(td);
        float[] luma = ((V1) t.get(0)).luma();
        assertThat(td.percepts().lumaLeft()).isCloseTo(luma[0], within(1e-6));
        assertThat(td.percepts().lumaRight()).isCloseTo(luma[159], within(1e-6));
        assertThat(td.percepts().lumaLeft()).isGreaterThan(td.percepts().lumaRight());
        assertThat(td.percepts().soundLeft()).isCloseTo(0.5, within(1e-12));
        assertThat(td.percepts().soundRight()).isZero();
    }

    @Test
    void v1AsAStageAndAsAKernelGiveTheSameAreasAndTheLeftFieldGoesRight() {
        V1 stage = V1.fromConfig(AgentSchema.defaults());
        Snapshot s = snapshot(new Random(2));
        java.util.Arrays.fill(s.frame, (byte) 128);
        // A bright square in the left half of the frame (x 20..40, luma bytes at even offsets).
        for (int y = 50; y < 70; y++) for (int x = 20; x < 40; x++) s.frame[2 * (y * 160 + x)] = (byte) 250;
        stage.update(new TickData(s, new MotorCommands(2)));
        float[] l = new float[stage.areaSize()];
        float[] r = new float[stage.areaSize()];
        V1.fromConfig(AgentSchema.defaults()).process(s.frame, l, r);
        assertThat(stage.left()).containsExactly(l);
        assertThat(stage.right()).containsExactly(r);
        assertThat(energy(r)).as("right hemisphere sees the left field").isGreaterThan(1e-3);
        assertThat(energy(l)).as("left hemisphere sees only flat grey (energy %s)", energy(l)).isLessThan(1e-8);
    }

    private static double energy(float[] a) {
        double e = 0;
        for (float v : a) e += v * v;
        return e;
    }

    @Test
    void s1NormalisesMotorsTouchAndTheEfferenceCopy() throws Exception {
        S1 s1 = S1.fromConfig(AgentSchema.defaults());
        MotorState st = new MotorState(2);
        st.positionCounts[0] = 360 + 90;
        st.positionCounts[1] = -90;
        st.speedCountsPerSec[0] = 525;
        st.speedCountsPerSec[1] = -2000;
        st.flags[1] = MotorState.STALLED | MotorState.RUNNING;
        MotorCommands cmd = new MotorCommands(2); // nothing issued yet: commanded 0
        float[] v = new float[s1.size()];
        s1.process(st, new boolean[] {true}, cmd, v);
        assertThat(v[S1.POSITION]).isCloseTo(-0.5f, within(1e-6f));          // 90 of 360 counts
        assertThat(v[S1.PER_MOTOR + S1.POSITION]).isCloseTo(0.5f, within(1e-6f)); // -90 == 270
        assertThat(v[S1.SPEED]).isCloseTo(0.5f, within(1e-6f));
        assertThat(v[S1.PER_MOTOR + S1.SPEED]).isEqualTo(-1f);                  // clamped
        assertThat(v[S1.MISMATCH]).isCloseTo(0.25f, within(1e-6f));
        assertThat(v[S1.STALLED]).isZero();
        assertThat(v[S1.PER_MOTOR + S1.STALLED]).isEqualTo(1f);
        assertThat(v[S1.PER_MOTOR + S1.OVERLOADED]).isZero();
        assertThat(v[2 * S1.PER_MOTOR]).isEqualTo(1f);
    }

    @Test
    void insulaMapsTheBodyStateToTheDocumentedUnitRanges() {
        Insula ins = Insula.fromConfig(AgentSchema.defaults());
        double[] stats = new double[SystemStats.SIZE];
        stats[SystemStats.CPU_LOAD] = 0.25;
        stats[SystemStats.MEMORY_USED_BYTES] = 16e6;
        stats[SystemStats.MEMORY_TOTAL_BYTES] = 64e6;
        stats[SystemStats.TEMPERATURE_C] = Double.NaN;
        stats[SystemStats.PROCESS_COUNT] = 50;
        float[] v = new float[Insula.SIZE];
        ins.process(7.25, -1.5, stats, v);
        assertThat(v[Insula.BATTERY]).isCloseTo(0.5f, within(1e-6f));  // (7.25-5.5)/(9-5.5)
        assertThat(v[Insula.CURRENT]).isCloseTo(0.5f, within(1e-6f));
        assertThat(v[Insula.CPU]).isCloseTo(0.25f, within(1e-6f));
        assertThat(v[Insula.MEMORY]).isCloseTo(0.25f, within(1e-6f));
        assertThat(v[Insula.TEMPERATURE]).isZero();                     // unknown
        assertThat(v[Insula.PROCESSES]).isCloseTo(0.25f, within(1e-6f));
        ins.process(12, 0, stats, v);
        assertThat(v[Insula.BATTERY]).isEqualTo(1f);
    }

    @Test
    void aWholePathwayPassAllocatesNothingInSteadyState() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Stage[] stages = pathways().toArray(new Stage[0]); // as the loop holds them
        Snapshot s = snapshot(new Random(3));
        TickData td = new TickData(s, new MotorCommands(2));
        long tid = Thread.currentThread().getId();
        long[] at = new long[3001];
        for (int i = 0; i <= 3000; i++) {
            s.frameReading.sequence++;
            s.audioReading.sequence++;
            for (int j = 0; j < stages.length; j++) stages[j].update(td);
            at[i] = mx.getThreadAllocatedBytes(tid);
        }
        int allocating = 0;
        for (int i = 2001; i <= 3000; i++) if (at[i] != at[i - 1]) allocating++;
        System.out.printf("pathway allocation: %d B over 1000 passes in %d pass(es)%n", at[3000] - at[2000], allocating);
        assertThat(allocating).isLessThanOrEqualTo(1); // see LoopReloadAndAllocationTest for the one stray event
    }
}
