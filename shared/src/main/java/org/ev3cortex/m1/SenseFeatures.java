package org.ev3cortex.m1;

import org.ev3cortex.agent.AgentKeys;
import org.ev3cortex.agent.MotorCommands;
import org.ev3cortex.agent.Stage;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;

/**
 * The few numbers the behaviours steer by: sound level per ear and brightness per visual
 * hemifield. Sound level is held with a 1 s decay so that a rhythmic source keeps steering the
 * robot through its silent gaps, as a cricket keeps its heading between chirps.
 */
public final class SenseFeatures implements Stage {
    private final MotorContext ctx;
    private int width;
    private int height;
    private PixelFormat format;
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
     * V1-L the right. The surprise read is last tick's, since the motor side runs after the sheet
     * within a tick only when the sheet stage comes first (it does in {@code Agent}).
     */
    public void readNoveltyFrom(org.ev3cortex.cortex.CortexStage cortex) {
        this.cortex = cortex;
    }

    @Override
    public String name() {
        return "m1-senses";
    }

    @Override
    public void configure(Config c) {
        width = c.get(BodyKeys.CAMERA_WIDTH);
        height = c.get(BodyKeys.CAMERA_HEIGHT);
        format = PixelFormat.valueOf(c.get(BodyKeys.CAMERA_FORMAT));
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
        light(in.frame);
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

    private void light(byte[] frame) {
        if (frame.length == 0 || frame.length != format.frameBytes(width, height)) return;
        long left = 0;
        long right = 0;
        int half = width / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = luma(frame, y * width + x);
                if (x < half) left += v; else right += v;
            }
        }
        double n = (double) half * height * 255;
        ctx.lightLeft = left / n;
        ctx.lightRight = right / (n * (width - half) / half);
        ctx.lightMean = (ctx.lightLeft + ctx.lightRight) / 2;
    }

    private int luma(byte[] f, int pixel) {
        switch (format) {
            case YUYV: return f[2 * pixel] & 0xFF;
            case GRAY8: return f[pixel] & 0xFF;
            default: {
                int i = 3 * pixel;
                return (299 * (f[i] & 0xFF) + 587 * (f[i + 1] & 0xFF) + 114 * (f[i + 2] & 0xFF)) / 1000;
            }
        }
    }
}
