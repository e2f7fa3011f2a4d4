package org.ev3cortex.v1;

import org.ev3cortex.seam.Efference;

/**
 * V1's corollary discharge: what the robot's own turning is about to do to the image.
 *
 * <p>Before a saccade, neurons in primate visual and parietal cortex already respond to what
 * will land in their receptive fields (predictive remapping; Duhamel, Colby and Goldberg 1992),
 * driven by a copy of the motor command. Here the command is the wheels': turning the robot by
 * an angle moves the whole image sideways by about the same number of pixels in every row, and
 * by one tick it can move it by a third of the frame, far beyond the reach of any local feature.
 * So each tick, from the efference copy of the wheel speeds last issued, this predicts the shift
 * of the next frame and gives every V1 cell its response to the current frame moved by that
 * shift ({@link ReceptiveFields#applyShifted}); the sheet's V1 units take that as one more
 * learned feature.
 *
 * <p>The gain (pixels of shift per count/s of turning command) depends on the wheels, the track,
 * the lens and the motors' lag, none of which the agent is told. It is learned, as the
 * cerebellum calibrates a corollary discharge: each tick V1 measures the shift that actually
 * happened, by matching the column sums of the luma of this frame against the last one (integer
 * sums of absolute differences over a window of candidate shifts), and fits the gain by a running
 * least-squares regression of that shift on the turning command that was used to predict it.
 * Until it has seen a turn the gain is 0, and the moved response is the current one.
 *
 * <p>Written by hand: the image shift search and the running fit are a few integer and float
 * loops over one row of column sums; no library has them as the brick can afford them.
 */
final class Corollary {
    /** Turning commands below this (counts/s) teach the gain nothing: the shift is lost in the match's noise. */
    static final int MIN_TURN = 20;

    private final int width;
    private final int height;
    private final int maxShift;
    private final float rate;
    private int[] columns;
    private int[] lastColumns;
    private boolean haveLast;
    private float sxy;
    private float sxx;
    private float gain;
    private int turnUsed;    // the turning command the last prediction used
    private int shift;       // the shift predicted for the next frame
    private int observed;    // the shift measured between the last two frames
    private long observations;
    private boolean learned = true; // whether the last update taught the gain (for its count; true before any)

    Corollary(int width, int height, int maxShift, double rate) {
        this.width = width;
        this.height = height;
        this.maxShift = Math.min(maxShift, width / 2);
        this.rate = (float) rate;
        columns = new int[width];
        lastColumns = new int[width];
    }

    /** The turning command, counts/s, from the efference copy: half the right wheel's minus the left's (motors 0 and 1). */
    static int turn(Efference efference) {
        if (efference == null || efference.count() < 2) return 0;
        return (efference.issuedSpeed(1) - efference.issuedSpeed(0)) / 2;
    }

    /**
     * Column sums of a {@code width x height} luma plane read {@code stride} bytes apart, into
     * {@code out}: an int add per pixel. V1 makes them once per frame for its hemifields' light
     * and hands them to {@link #columns}.
     */
    static void columnSums(byte[] luma, int stride, int width, int height, int[] out) {
        java.util.Arrays.fill(out, 0, width, 0);
        for (int y = 0; y < height; y++) {
            int i = y * width * stride;
            for (int x = 0; x < width; x++, i += stride) out[x] += luma[i] & 0xff;
        }
    }

    /** What {@link #columnSums} performs on a {@code width x height} plane. */
    static void countColumnSums(int width, int height, org.ev3cortex.seam.OpCount c) {
        long pixels = (long) width * height;
        c.iop += 4 * pixels + 2L * width;
        c.bytes += pixels + 8L * width;
    }

    /** This frame's column sums ({@link #columnSums}), before {@link #update}. */
    void columns(int[] sums) {
        System.arraycopy(sums, 0, columns, 0, width);
    }

    /**
     * After the new frame's column sums: measures the shift since the last frame, updates the
     * gain, and predicts the next shift from {@code turnNow}. Returns that shift.
     */
    int update(int turnNow) {
        learned = false;
        if (haveLast) {
            observed = bestShift(columns, lastColumns);
            if (Math.abs(turnUsed) >= MIN_TURN && Math.abs(observed) < maxShift) {
                float t = turnUsed;
                sxy += rate * (t * observed - sxy);
                sxx += rate * (t * t - sxx);
                gain = sxy / sxx;
                observations++;
                learned = true;
            }
        }
        int[] swap = lastColumns;
        lastColumns = columns;
        columns = swap;
        haveLast = true;
        turnUsed = turnNow;
        float s = gain * turnNow;
        shift = s > maxShift ? maxShift : s < -maxShift ? -maxShift : Math.round(s);
        return shift;
    }

    /**
     * The shift s in [-maxShift, maxShift] for which {@code now[x]} best matches {@code before[x + s]}
     * (smallest mean absolute difference over the columns both have); the smaller shift wins
     * ties. Coarse to fine: every fourth shift, then the two halfway either side of the best,
     * then the two beside that, since column sums over a whole frame's height change smoothly
     * from one column to the next.
     */
    int bestShift(int[] now, int[] before) {
        int best = 0;
        bestSad = -1; // none yet
        bestCount = 1;
        for (int k = 0; k <= maxShift; k += COARSE) { // 0, 4, -4, 8, -8, ...
            best = better(now, before, k, best);
            if (k > 0) best = better(now, before, -k, best);
        }
        for (int step = COARSE / 2; step >= 1; step /= 2) {
            int centre = best;
            if (centre + step <= maxShift) best = better(now, before, centre + step, best);
            if (centre - step >= -maxShift) best = better(now, before, centre - step, best);
        }
        return best;
    }

    /** The coarse search's step, px: a power of two. */
    private static final int COARSE = 4;

    private long bestSad;
    private long bestCount;

    /** Shift s if its mean absolute difference beats the best so far (strictly), else {@code best}. */
    private int better(int[] now, int[] before, int s, int best) {
        int from = Math.max(0, -s);
        int to = Math.min(width, width - s);
        long sad = 0;
        for (int x = from; x < to; x++) {
            int d = now[x] - before[x + s];
            sad += d < 0 ? -d : d;
        }
        long count = to - from;
        if (bestSad < 0 || sad * bestCount < bestSad * count || (sad * bestCount == bestSad * count && Math.abs(s) < Math.abs(best))) {
            bestSad = sad;
            bestCount = count;
            return s;
        }
        return best;
    }

    /** What one tick performs: the column sums' copy, the search, the fit. */
    void countOps(org.ev3cortex.seam.OpCount c) {
        c.iop += 2L * width; // the column sums' copy
        c.bytes += 8L * width;
        long coarse = maxShift / COARSE;
        long candidates = 2 * coarse + 1 + 4;                               // every fourth shift, then 2 + 2
        long pairs = candidates * width - 2L * COARSE * coarse * (coarse + 1) / 2 - 4L * maxShift / 2; // columns overlapping
        c.iop += 6 * pairs + 12 * candidates;
        c.bytes += 8 * pairs;
        c.fmul += 1; // the predicted shift
        c.fconv += 2;
        c.fcmp += 2;
        if (learned) { // the running fit, on a tick that turned (the count of the last tick; before any, one that did)
            c.fmul += 5;
            c.fadd += 4;
            c.fdiv += 1;
            c.fconv += 2;
        }
    }

    /** The learned gain: pixels of image shift per count/s of turning command. */
    float gain() { return gain; }
    /** The shift predicted for the next frame, px. */
    int shift() { return shift; }
    /** The shift measured between the last two frames, px. */
    int observed() { return observed; }
    /** Ticks whose measured shift has taught the gain. */
    long observations() { return observations; }
}
