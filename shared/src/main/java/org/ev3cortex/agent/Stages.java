package org.ev3cortex.agent;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.a1.A1;
import org.ev3cortex.cortex.CortexStage;
import org.ev3cortex.ganglia.ActionSelection;
import org.ev3cortex.insula.Insula;
import org.ev3cortex.m1.MotorCortex;
import org.ev3cortex.s1.EfferenceMonitor;
import org.ev3cortex.s1.S1;
import org.ev3cortex.seam.Pathway;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.v1.V1;

/**
 * The agent's stages, wired: the one place their order is written and the pathways are
 * registered with the cortex. Unconfigured; the loop (or the brick budget) configures them.
 *
 * <pre>
 * v1, a1, s1, insula (pathways: their areas, and percepts) -> cortex (feeds the areas, steps the
 * sheet, surprise per area) -> s1-efference (forward model: stall, bumper) -> basal-ganglia
 * (percepts -> intent) -> m1 (intent -> commands)
 * </pre>
 */
public final class Stages {
    public final V1 v1 = new V1();
    public final A1 a1 = new A1();
    public final S1 s1 = new S1();
    public final Insula insula = new Insula();
    public final CortexStage cortex;
    public final EfferenceMonitor efference = new EfferenceMonitor();
    public final ActionSelection selection = new ActionSelection();
    public final MotorCortex m1;

    /** @param maxSpeedCountsPerSec the slowest drive motor's max_speed: M1's population range */
    public Stages(int maxSpeedCountsPerSec) {
        List<Pathway> areas = new ArrayList<>(v1.outputs());
        areas.addAll(a1.outputs());
        areas.add(s1.output());
        areas.add(insula.output());
        // M1's last tick's population is the M1 area's input; the sheet's pooled context of the
        // senses goes back to M1's premotor read-out through a pathway the two share, so neither
        // package sees the other.
        PathwayOutput m1Context = new PathwayOutput(org.ev3cortex.seam.Region.M1);
        m1 = new MotorCortex(maxSpeedCountsPerSec, m1Context);
        areas.add(m1);
        cortex = new CortexStage(areas, m1, v1.corollaries(), maxSpeedCountsPerSec, m1Context);
    }

    /** In tick order. */
    public List<Stage> inOrder() {
        return List.of(v1, a1, s1, insula, cortex, efference, selection, m1);
    }
}
