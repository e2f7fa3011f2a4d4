package org.ev3cortex.cortex;

import java.util.List;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.Pathway;
import org.ev3cortex.seam.Percepts;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;

/**
 * The sheet as a tick-loop stage: it feeds every registered {@link Pathway}'s output into that
 * pathway's area, gives S1's units the efference pathway (M1's population of the last tick),
 * V1's units V1's corollary discharge, and A1's units the wheel speeds last issued (the tick's
 * {@link org.ev3cortex.seam.Efference}, motors 0 and 1 the left and right wheels), steps the
 * sheet once, and publishes the surprise of each area in the tick's {@link Percepts}.
 *
 * <p>The pathways are read-only views handed over by the composition root; which stage fills
 * them, and that it runs earlier in the tick, is the root's business.
 */
public final class CortexStage implements Stage {
    private final Pathway[] inputs;
    private final Pathway efference;
    private final Pathway[] corollaries;
    private final float invMaxSpeed;
    private Area[] inputAreas;
    private Area[] corollaryAreas;
    // The sheet's pooled context of the senses, for M1's premotor read-out: see
    // org.ev3cortex.m1.MotorCortex and m1.cortex.weight.
    private final org.ev3cortex.seam.PathwayOutput m1Context;
    private Area[] predicting;
    private Region[] predictingRegions;
    private Sheet sheet;

    /**
     * @param inputs    the pathways whose outputs feed their areas each tick
     * @param efference the pathway S1's efference slot reads (M1), or null
     */
    public CortexStage(List<Pathway> inputs, Pathway efference) {
        this(inputs, efference, List.of(), 0, new org.ev3cortex.seam.PathwayOutput(Region.M1));
    }

    /**
     * @param corollaries  V1's corollary discharge, one pathway per V1 area (empty: none)
     * @param maxSpeedCountsPerSec the wheels' top speed, which scales A1's self-motion features
     *                     to about -1..1 (0: no self-motion features)
     * @param m1Context   where each tick writes the sheet's pooled context (see {@link #m1Context()})
     */
    public CortexStage(List<Pathway> inputs, Pathway efference, List<Pathway> corollaries, int maxSpeedCountsPerSec,
                       org.ev3cortex.seam.PathwayOutput m1Context) {
        this.m1Context = m1Context;
        this.inputs = inputs.toArray(new Pathway[0]);
        this.efference = efference;
        this.corollaries = corollaries.toArray(new Pathway[0]);
        this.invMaxSpeed = maxSpeedCountsPerSec > 0 ? 1f / maxSpeedCountsPerSec : 0f;
    }

    @Override
    public String name() {
        return "cortex";
    }

    /**
     * The sheet's pooled context of the senses this tick ({@code Sheet.context()}), one value per
     * pool of the input areas: what M1's premotor read-out learns from.
     */
    public Pathway m1Context() {
        return m1Context;
    }

    /** The sheet; built by the first {@link #configure}. */
    public Sheet sheet() {
        if (sheet == null) throw new IllegalStateException("the cortex stage is not configured yet");
        return sheet;
    }

    /**
     * Builds the sheet on the first call; later calls retune it. A change to a restart-only key
     * (its size, the layout) never reaches here: the loop refuses such a config.
     */
    @Override
    public void configure(Config config) {
        if (sheet == null) {
            sheet = new Sheet(config);
        } else {
            sheet.configure(config);
        }
        inputAreas = new Area[inputs.length];
        for (int i = 0; i < inputs.length; i++) inputAreas[i] = sheet.area(inputs[i].region().label());
        m1Context.reshape(sheet.context().length, 1);
        corollaryAreas = new Area[corollaries.length];
        for (int i = 0; i < corollaries.length; i++) corollaryAreas[i] = sheet.area(corollaries[i].region().label());
        List<Area> areas = sheet.areas();
        int n = 0;
        for (Area a : areas) if (a.predicting()) n++;
        predicting = new Area[n];
        predictingRegions = new Region[n];
        n = 0;
        for (Area a : areas) {
            if (!a.predicting()) continue;
            predicting[n] = a;
            predictingRegions[n++] = Region.ofLabel(a.name());
        }
    }

    /** Feeding the areas (resampled where a pathway is smaller than its area), then the sheet. */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        for (int i = 0; i < inputs.length; i++) {
            Area a = inputAreas[i];
            Resample.countOps(inputs[i].width(), inputs[i].height(), a.width(), a.height(), c);
        }
        for (int i = 0; i < corollaries.length; i++) {
            Area a = corollaryAreas[i];
            Resample.countOps(corollaries[i].width(), corollaries[i].height(), a.width(), a.height(), c);
        }
        c.iop += 8;
        c.fconv += 4;
        c.fmul += 2;
        c.fadd += 2;
        if (efference != null) {
            Area s1 = sheet.area(Region.S1.label());
            Resample.countOps(efference.width(), efference.height(), s1.width(), s1.height(), c);
        }
        sheet.countOps(c);
        c.bytes += 8L * predicting.length;
    }

    @Override
    public void update(TickData t) {
        for (int i = 0; i < inputs.length; i++) {
            Pathway p = inputs[i];
            sheet.input(inputAreas[i], p.output(), p.width(), p.height());
        }
        if (efference != null) sheet.efference(efference.output(), efference.width(), efference.height());
        for (int i = 0; i < corollaries.length; i++) {
            Pathway p = corollaries[i];
            sheet.corollary(corollaryAreas[i], p.output(), p.width(), p.height());
        }
        org.ev3cortex.seam.Efference issued = t.efference();
        if (issued != null && issued.count() >= 2) {
            int left = issued.issuedSpeed(0);
            int right = issued.issuedSpeed(1);
            sheet.selfMotion(0.5f * (left + right) * invMaxSpeed, 0.5f * (right - left) * invMaxSpeed);
        }
        sheet.step(t.learn());
        System.arraycopy(sheet.context(), 0, m1Context.output(), 0, m1Context.output().length);
        float[] surprise = sheet.areaSurprise();
        Percepts percepts = t.percepts();
        for (int i = 0; i < predicting.length; i++) {
            percepts.surprise(predictingRegions[i], surprise[predicting[i].index()]);
        }
    }
}
