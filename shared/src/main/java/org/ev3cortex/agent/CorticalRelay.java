package org.ev3cortex.agent;

import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.CortexStage;
import org.ev3cortex.cortex.Layout;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.m1.MotorCortex;
import org.ev3cortex.thalamus.Thalamus;

/**
 * The thalamic relay: copies this tick's pathway outputs into the sheet's input areas, M1's
 * population into the M1 area, and M1's activity into S1's efference slot. The shapes are the
 * ones {@link Layout.Input} validates against, so a config that passes the schema always fits.
 */
final class CorticalRelay implements Stage {
    private final Thalamus thalamus;
    private final CortexStage cortex;
    private final MotorCortex m1;
    private Sheet sheet;
    private int[] v1;
    private int[] a1;
    private int[] s1;
    private int[] insula;
    private int[] m1Size;

    CorticalRelay(Thalamus thalamus, CortexStage cortex, MotorCortex m1) {
        this.thalamus = thalamus;
        this.cortex = cortex;
        this.m1 = m1;
    }

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public void configure(Config c) {
        sheet = cortex.sheet();
        v1 = Layout.Input.V1.size(c);
        a1 = Layout.Input.A1.size(c);
        s1 = Layout.Input.S1.size(c);
        insula = Layout.Input.INSULA.size(c);
        m1Size = Layout.Input.M1.size(c);
    }

    @Override
    public void update(Snapshot in, MotorCommands out) {
        sheet.input(Area.V1_L, thalamus.v1().left(), v1[0], v1[1]);
        sheet.input(Area.V1_R, thalamus.v1().right(), v1[0], v1[1]);
        sheet.input(Area.A1_L, thalamus.a1().left(), a1[0], a1[1]);
        sheet.input(Area.A1_R, thalamus.a1().right(), a1[0], a1[1]);
        sheet.input(Area.S1, thalamus.s1().area(), s1[0], s1[1]);
        sheet.input(Area.INSULA, thalamus.insula().area(), insula[0], insula[1]);
        // M1 activity from the last tick: the sheet predicts it, and S1 gets it as efference copy.
        sheet.input(Area.M1, m1.activity(), m1Size[0], m1Size[1]);
        sheet.efference(m1.activity(), m1Size[0], m1Size[1]);
    }
}
