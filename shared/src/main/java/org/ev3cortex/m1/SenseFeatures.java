package org.ev3cortex.m1;

import org.ev3cortex.agent.AgentKeys;
import org.ev3cortex.agent.MotorCommands;
import org.ev3cortex.agent.Stage;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;

/**
 * The few numbers the behaviours steer by: sound level per ear and brightness per visual
 * hemifield. Sound level is held with a 1 s decay so that a rhythmic source keeps steering the
 * robot through its silent gaps, as a cricket keeps its heading between chirps.
 */
public final class SenseFeatures implements Stage {
    private final MotorContext ctx;
    private org.ev3cortex.v1.V1 v1;
    private boolean hasFrame;
    private double hold;
    private int windowFrames;
    private org.ev3cortex.cortex.CortexStage cortex;
    private float[] areaSurprise;
    private int leftFieldArea = -1;
    private int rightFieldArea = -1;

    public SenseFeatures(MotorContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Novelty per visual hemifield from the sheet's surprise: V1-R holds the left visual field,
     * V1-L the right. {@code Agent} runs the sheet before the motor side, so this is the surprise
     * of the current tick.
     */
    public void readNoveltyFrom(org.ev3cortex.cortex.CortexStage cortex) {
        this.cortex = cortex;
    }

    /** Brightness per hemifield comes from V1's luma plane (V1 runs earlier in the tick). */
    public void readLightFrom(org.ev3cortex.v1.V1 v1) {
        this.v1 = v1;
    }

    @Override
    public String name() {
        return "m1-senses";
    }

    @Override
    public void configure(Config c) {
        hold = Math.exp(-c.get(AgentKeys.PERIOD_MS) / 1000.0);
        windowFrames = c.get(BodyKeys.MIC_WINDOW_FRAMES);
        if (cortex != null) {
            org.ev3cortex.cortex.Sheet sheet = cortex.sheet();
            areaSurprise = sheet.areaSurprise();
            leftFieldArea = sheet.area(org.ev3cortex.cortex.Area.V1_R).index();
            rightFieldArea = sheet.area(org.ev3cortex.cortex.Area.V1_L).index();
        }
    }

    @Override
    public void update(Snapshot in, MotorCommands out) {
        sound(in.audio);
        hasFrame = in.frame.length > 0 && in.frameReading.sequence > 0;
        light();
        if (areaSurprise != null) {
            ctx.noveltyLeft = areaSurprise[leftFieldArea];
            ctx.noveltyRight = areaSurprise[rightFieldArea];
        }
    }

    private void sound(short[] audio) {
        if (audio.length == 0) return;
        // The snapshot holds the newest body.mic.windowFrames frames: 1 or 2 samples each.
        int ch = audio.length >= 2 * windowFrames ? 2 : 1;
        int frames = audio.length / ch;
        double l = 0;
        double r = 0;
        for (int i = 0; i < frames; i++) {
            double a = audio[i * ch];
            double b = audio[i * ch + ch - 1];
            l += a * a;
            r += b * b;
        }
        l = Math.sqrt(l / frames) / 32768.0;
        r = Math.sqrt(r / frames) / 32768.0;
        ctx.soundLeft = Math.max(l, ctx.soundLeft * hold);
        ctx.soundRight = Math.max(r, ctx.soundRight * hold);
    }

    /**
     * Mean brightness of each half of the frame, from the luma plane V1 has already computed this
     * tick (0..1): the left half is the left visual field.
     */
    private void light() {
        if (v1 == null || !hasFrame) return;
        float[] luma = v1.luma();
        int w = v1.settings().width;
        int h = v1.settings().height;
        int half = w / 2;
        double left = 0;
        double right = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < half; x++) left += luma[row + x];
            for (int x = half; x < w; x++) right += luma[row + x];
        }
        ctx.lightLeft = left / ((double) half * h);
        ctx.lightRight = right / ((double) (w - half) * h);
        ctx.lightMean = (ctx.lightLeft + ctx.lightRight) / 2;
    }
}
