package org.ev3cortex.cortex;

import java.util.Arrays;
import java.util.List;
import org.ev3cortex.config.Config;

/**
 * The cortical sheet: a W×H grid of units, each predicting its own next input from what it can
 * see locally and learning from its own error.
 *
 * <p>Storage is structure-of-arrays. The predicting areas' units are packed into compact arrays
 * (area after area, row-major inside an area; see {@link Area#start()}), so every per-feature
 * loop runs over contiguous memory. The association region holds no predicting units: its cells
 * show the folded autoencoder's latent units as tiles.
 *
 * <p>Unit i predicts {@code p = m + Σ_k w_k f_k} around its prior mean {@code m} from features
 * <ul>
 *   <li>rates: {@code x − m}, {@code Δx}, {@code Δ²x};</li>
 *   <li>cycles: its own input 3..maxLag ticks ago, minus {@code m}. Learned lags rather than an
 *       oscillator bank: a lag of one period predicts a periodic signal of any waveform exactly,
 *       needs no tuned frequencies, and A1 is already frequency-coded, so what is left to predict
 *       per unit is a rhythm of onsets, not a waveform;</li>
 *   <li>space: its four neighbours' {@code x − m} in the same area (0 beyond the area's edge);</li>
 *   <li>top-down: the association layer's reconstruction of its error, in its own units;</li>
 *   <li>efference (S1 only): the efference copy written by {@link #efference}.</li>
 * </ul>
 * and learns {@code w += η e f / (ε + |f|²)} (normalised LMS) from {@code e = x − p}. Its
 * surprise is {@code e² / σ²}, with {@code σ²} its running error variance.
 *
 * <p>Per tick: {@link #input} each area that has news, then {@link #step}. Neither allocates.
 * The output arrays are rewritten by {@code step}; read them between steps, on the tick thread
 * or after it.
 */
public final class Sheet {
    /** Per-unit maps a viewer can ask for with {@link #map}. */
    public enum Quantity { ACTIVITY, PREDICTION, ERROR, SURPRISE }

    // Inputs are expected roughly in [0, 1]; the first error variance assumes that scale.
    private static final float VAR_INIT = 0.01f;
    // Errors fed to the autoencoder are z-scores clipped here, so one startling unit cannot throw
    // the Hebbian rule off its stable range.
    private static final float Z_CLIP = 4f;
    private static final int NEIGHBOURS = 4;
    // Geometric decays (a mean, a variance, an error on a constant input) would otherwise sink
    // into subnormal floats, which cost about 100x per operation on x86 and Java cannot flush
    // them to zero: stop at TINY, far below any input's resolution.
    static final float TINY = 1e-20f;

    private final Layout layout;
    private final List<Area> areas;
    // An array, not the list: iterating a List allocates an iterator per loop on C1.
    private final Area[] areaArray;
    private final Area s1;
    private final int gridW;
    private final int gridH;
    private final int n;
    private final int maxLag;
    private final int depth;

    // Feature rows in f and w: f[k * n + i].
    private static final int F_LEVEL = 0;
    private static final int F_D1 = 1;
    private static final int F_D2 = 2;
    private static final int F_LAG0 = 3;
    private final int fSpace;
    private final int fTop;
    private final int fEff;
    private final int features;

    private final float[] x;
    private final float[] p;
    private final float[] e;
    private final float[] surprise;
    private final float[] mu;
    private final float[] zeros;
    private final float[] var;
    private final float[] invSigma;
    private final float[] invVar;
    private final float[] sigma;
    private final float[] pSheet;   // the sheet's own prediction; p is the one the unit uses
    private final float[] eSheet;   // x - pSheet: what the sheet learns from
    private final float[] errSheet; // running squared errors of the three predictors
    private final float[] errLast;
    private final float[] errMean;
    private int refreshCursor;
    private final float[] normSq;
    private final float[] gain;
    private final float[] hist;
    private int head;
    private final float[] f;
    private final float[] w;
    private final float[] centred;
    private final int[] nb;
    private final float[] topDown;
    private final float[] eff;
    private final int s1Start;
    private final int s1End;

    private final int[] poolOf;
    private final float[] poolInvCount;
    private final FoldedAutoencoder ae;

    private final int[] unitCell;
    private final Area assoc;
    private final int[] assocTile;
    private final float[] areaSurprise;

    private final boolean[] featureOn;
    private final int[] featureLo;
    private final int[] featureHi;

    private boolean rates;
    private boolean cycles;
    private boolean stats;
    private boolean space;
    private boolean useTopDown;
    private boolean useEfference;
    private float lmsRate;
    private float lmsEpsilon;
    private float meanRate;
    private float varRate;
    private float varFloor;
    private float assocRate;
    private boolean fallback;
    private float fallbackRate;

    private long ticks;

    public Sheet(Config config) {
        this(config, 1L);
    }

    /** {@code seed} sets the autoencoder's initial weights, so runs are repeatable. */
    public Sheet(Config config, long seed) {
        layout = Layout.from(config);
        areas = layout.areas();
        areaArray = areas.toArray(new Area[0]);
        s1 = layout.area(Area.S1);
        gridW = layout.width();
        gridH = layout.height();
        n = layout.predictingUnits();
        maxLag = config.get(CortexKeys.CYCLES_MAX_LAG);
        depth = maxLag + 1;
        fSpace = F_LAG0 + (maxLag - 2);
        fTop = fSpace + NEIGHBOURS;
        fEff = fTop + 1;
        features = fEff + 1;

        x = new float[n];
        p = new float[n];
        e = new float[n];
        surprise = new float[n];
        mu = new float[n];
        zeros = new float[n];
        var = new float[n];
        invSigma = new float[n];
        invVar = new float[n];
        sigma = new float[n];
        pSheet = new float[n];
        eSheet = new float[n];
        errSheet = new float[n];
        errLast = new float[n];
        errMean = new float[n];
        normSq = new float[n];
        gain = new float[n];
        hist = new float[depth * n];
        f = new float[features * n];
        w = new float[features * n];
        centred = new float[n + 1];
        nb = new int[NEIGHBOURS * n];
        topDown = new float[n];
        eff = new float[n];
        unitCell = new int[n];
        poolOf = new int[n];
        areaSurprise = new float[areas.size()];
        Arrays.fill(w, F_LEVEL * n, (F_LEVEL + 1) * n, 1f);

        int pool = config.get(CortexKeys.ASSOC_POOL);
        int pools = 0;
        s1Start = s1.start();
        s1End = s1.start() + s1.size();
        int[] poolCounts = new int[n];
        for (Area a : areas) {
            if (!a.predicting()) continue;
            boolean feedsAssoc = !a.name().equals(Area.M1);
            int pw = (a.width() + pool - 1) / pool;
            int ph = (a.height() + pool - 1) / pool;
            for (int ay = 0; ay < a.height(); ay++) {
                for (int ax = 0; ax < a.width(); ax++) {
                    int i = a.start() + ay * a.width() + ax;
                    unitCell[i] = (a.y() + ay) * gridW + a.x() + ax;
                    nb[i] = ax > 0 ? i - 1 : n;
                    nb[n + i] = ax < a.width() - 1 ? i + 1 : n;
                    nb[2 * n + i] = ay > 0 ? i - a.width() : n;
                    nb[3 * n + i] = ay < a.height() - 1 ? i + a.width() : n;
                    poolOf[i] = feedsAssoc ? pools + (ay / pool) * pw + ax / pool : -1;
                    if (feedsAssoc) poolCounts[poolOf[i]]++;
                }
            }
            if (feedsAssoc) pools += pw * ph;
        }
        poolInvCount = new float[pools];
        for (int k = 0; k < pools; k++) poolInvCount[k] = 1f / poolCounts[k];
        int latent = config.get(CortexKeys.ASSOC_LATENT);
        if (latent > pools) {
            throw new IllegalArgumentException("cortex.assoc.latent (" + latent + ") exceeds the " + pools
                    + " pooled inputs of the association layer; lower it or cortex.assoc.pool");
        }
        ae = new FoldedAutoencoder(pools, latent, seed);

        assoc = layout.area(Area.ASSOC);
        assocTile = new int[assoc.size()];
        int tilesX = (int) Math.max(1, Math.min(assoc.width(),
                Math.round(Math.sqrt((double) latent * assoc.width() / assoc.height()))));
        int tilesY = (latent + tilesX - 1) / tilesX;
        for (int cy = 0; cy < assoc.height(); cy++) {
            for (int cx = 0; cx < assoc.width(); cx++) {
                int t = (cy * tilesY / assoc.height()) * tilesX + cx * tilesX / assoc.width();
                assocTile[cy * assoc.width() + cx] = t < latent ? t : -1;
            }
        }

        featureOn = new boolean[features];
        featureLo = new int[features];
        featureHi = new int[features];
        configure(config);
    }

    /** Applies the keys a running sheet can take: switches and rates. Call between ticks. */
    public void configure(Config c) {
        rates = c.get(CortexKeys.PREDICT_RATES);
        cycles = c.get(CortexKeys.PREDICT_CYCLES);
        stats = c.get(CortexKeys.PREDICT_STATS);
        space = c.get(CortexKeys.PREDICT_SPACE);
        useTopDown = c.get(CortexKeys.PREDICT_TOP_DOWN);
        useEfference = c.get(CortexKeys.PREDICT_EFFERENCE);
        lmsRate = c.get(CortexKeys.LMS_RATE).floatValue();
        lmsEpsilon = c.get(CortexKeys.LMS_EPSILON).floatValue();
        meanRate = c.get(CortexKeys.MEAN_RATE).floatValue();
        varRate = c.get(CortexKeys.VAR_RATE).floatValue();
        varFloor = c.get(CortexKeys.VAR_FLOOR).floatValue();
        assocRate = c.get(CortexKeys.ASSOC_RATE).floatValue();
        fallback = c.get(CortexKeys.PREDICT_FALLBACK);
        fallbackRate = c.get(CortexKeys.FALLBACK_RATE).floatValue();
        for (int k = 0; k < features; k++) {
            boolean on;
            if (k < F_LAG0) on = rates;
            else if (k < fSpace) on = cycles;
            else if (k < fTop) on = space;
            else if (k == fTop) on = useTopDown;
            else on = useEfference;
            featureOn[k] = on;
            featureLo[k] = k == fEff ? s1Start : 0;
            featureHi[k] = k == fEff ? s1End : n;
            if (!on) Arrays.fill(f, k * n, (k + 1) * n, 0f);
        }
    }

    public Layout layout() { return layout; }
    public List<Area> areas() { return areas; }
    public Area area(String name) { return layout.area(name); }
    public int width() { return gridW; }
    public int height() { return gridH; }
    /** Predicting units (the length of the compact arrays). */
    public int units() { return n; }
    public long ticks() { return ticks; }

    /**
     * Feeds one area for this tick: {@code values} is a row-major {@code w×h} array, resampled
     * to the area's size (bilinear when enlarging, averaged when shrinking). An area not fed
     * keeps its last input.
     */
    public void input(Area area, float[] values, int w, int h) {
        if (!area.predicting()) throw new IllegalArgumentException(area.name() + " takes no input");
        Resample.into(values, w, h, x, area.start(), area.width(), area.height());
    }

    public void input(String area, float[] values, int w, int h) {
        input(layout.area(area), values, w, h);
    }

    /** M1's efference copy for S1, resampled to S1's size; used from the next prediction on. */
    public void efference(float[] values, int w, int h) {
        Resample.into(values, w, h, eff, s1.start(), s1.width(), s1.height());
    }

    /** One tick: compare, learn, encode the errors, predict the next input. Allocates nothing. */
    public void step() {
        step(true);
    }

    /**
     * One tick; with {@code learn} false the weights and the association layer stay as they are
     * (the loop sheds learning when the machine is too slow), the rest is the same.
     */
    public void step(boolean learn) {
        if (ticks == 0) {
            prime();
        } else {
            compareAndLearn(learn);
        }
        associate(learn);
        head = head + 1 == depth ? 0 : head + 1;
        System.arraycopy(x, 0, hist, head * n, n);
        features();
        predict();
        ticks++;
    }

    private void prime() {
        System.arraycopy(x, 0, mu, 0, n);
        Arrays.fill(var, VAR_INIT);
        float v0 = VAR_INIT + varFloor;
        Arrays.fill(invSigma, (float) (1 / Math.sqrt(v0)));
        Arrays.fill(invVar, 1f / v0);
        Arrays.fill(sigma, (float) Math.sqrt(v0));
        for (int r = 0; r < depth; r++) System.arraycopy(x, 0, hist, r * n, n);
    }

    private void compareAndLearn(boolean learn) {
        int last = head * n; // this tick's input is not in the history yet: this row is x[t-1]
        float r = fallbackRate;
        for (int i = 0; i < n; i++) {
            float xi = x[i];
            float ei = xi - p[i];
            if (ei < 1e-12f && ei > -1e-12f) ei = 0f;
            float e2 = ei * ei;
            e[i] = ei;
            // invVar and sigma are refreshed for a rotating eighth of the units per tick (below):
            // a square root and two divides per unit per tick would cost the brick ~4 ms.
            surprise[i] = e2 * invVar[i];
            float vi = var[i] + varRate * (e2 - var[i]);
            var[i] = vi < TINY ? TINY : vi;
            float es = fallback ? xi - pSheet[i] : ei;
            eSheet[i] = es;
            gain[i] = lmsRate * es * Recip.of(lmsEpsilon + normSq[i]);
            if (fallback) {
                float el = xi - hist[last + i];
                float em = xi - mu[i];
                float a = errSheet[i] + r * (es * es - errSheet[i]);
                float b = errLast[i] + r * (el * el - errLast[i]);
                float c = errMean[i] + r * (em * em - errMean[i]);
                errSheet[i] = a < TINY ? TINY : a;
                errLast[i] = b < TINY ? TINY : b;
                errMean[i] = c < TINY ? TINY : c;
            }
            float mi = mu[i] + meanRate * (xi - mu[i]);
            mu[i] = mi < TINY && mi > -TINY ? 0f : mi;
        }
        refreshSigma(n / SIGMA_REFRESH_TICKS + 1);
        for (int k = 0; learn && k < features; k++) {
            if (!featureOn[k]) continue;
            int base = k * n;
            for (int i = featureLo[k], hi = featureHi[k]; i < hi; i++) {
                w[base + i] += gain[i] * f[base + i];
            }
        }
        for (Area a : areaArray) {
            if (!a.predicting()) continue;
            float sum = 0;
            for (int i = a.start(), end = a.start() + a.size(); i < end; i++) sum += surprise[i];
            areaSurprise[a.index()] = sum / a.size();
        }
    }

    // A unit's sigma is at most this many ticks old; the variance moves by varRate a tick.
    private static final int SIGMA_REFRESH_TICKS = 8;

    /** Recomputes 1/sigma, 1/sigma^2 and sigma for the next {@code count} units, round-robin. */
    private void refreshSigma(int count) {
        for (int j = 0; j < count; j++) {
            int i = refreshCursor;
            refreshCursor = i + 1 == n ? 0 : i + 1;
            float v = var[i] + varFloor;
            float s = (float) Math.sqrt(v);
            sigma[i] = s;
            invSigma[i] = 1f / s;
            invVar[i] = 1f / v;
        }
    }

    private void associate(boolean learn) {
        float[] in = ae.input();
        Arrays.fill(in, 0f);
        for (int i = 0; i < n; i++) {
            int k = poolOf[i];
            if (k < 0) continue;
            float z = eSheet[i] * invSigma[i];
            in[k] += z > Z_CLIP ? Z_CLIP : z < -Z_CLIP ? -Z_CLIP : z;
        }
        for (int k = 0; k < in.length; k++) in[k] *= poolInvCount[k];
        ae.step(learn ? assocRate : 0f);
        float[] out = ae.output();
        for (int i = 0; i < n; i++) {
            int k = poolOf[i];
            topDown[i] = k < 0 ? 0f : out[k] * sigma[i];
        }
    }

    private void features() {
        float[] m = stats ? mu : zeros;
        int row1 = ((head - 1 + depth) % depth) * n;
        int row2 = ((head - 2 + depth) % depth) * n;
        if (rates) {
            for (int i = 0; i < n; i++) {
                float xi = x[i];
                float x1 = hist[row1 + i];
                f[F_LEVEL * n + i] = xi - m[i];
                f[F_D1 * n + i] = xi - x1;
                f[F_D2 * n + i] = xi - 2 * x1 + hist[row2 + i];
            }
        }
        if (cycles) {
            for (int lag = 3; lag <= maxLag; lag++) {
                int row = ((head - lag + depth) % depth) * n;
                int base = (F_LAG0 + lag - 3) * n;
                for (int i = 0; i < n; i++) f[base + i] = hist[row + i] - m[i];
            }
        }
        if (space) {
            for (int i = 0; i < n; i++) centred[i] = x[i] - m[i];
            for (int d = 0; d < NEIGHBOURS; d++) {
                int base = (fSpace + d) * n;
                int nbase = d * n;
                for (int i = 0; i < n; i++) f[base + i] = centred[nb[nbase + i]];
            }
        }
        if (useTopDown) System.arraycopy(topDown, 0, f, fTop * n, n);
        if (useEfference) System.arraycopy(eff, s1Start, f, fEff * n + s1Start, s1End - s1Start);
    }

    private void predict() {
        float[] m = stats ? mu : zeros;
        float[] p = fallback ? pSheet : this.p;
        System.arraycopy(m, 0, p, 0, n);
        Arrays.fill(normSq, 0f);
        for (int k = 0; k < features; k++) {
            if (!featureOn[k]) continue;
            int base = k * n;
            for (int i = featureLo[k], hi = featureHi[k]; i < hi; i++) {
                float fk = f[base + i];
                p[i] += w[base + i] * fk;
                normSq[i] += fk * fk;
            }
        }
        if (fallback) choose();
    }

    /**
     * Each unit predicts with whichever of its sheet prediction, copy-last and its running mean
     * has had the smallest recent squared error: a unit never does worse than the better baseline
     * for long, and a signal the sheet cannot learn (steps, a flat line) costs nothing.
     */
    private void choose() {
        for (int i = 0; i < n; i++) {
            float a = errSheet[i];
            float b = errLast[i];
            float c = errMean[i];
            p[i] = a <= b && a <= c ? pSheet[i] : b <= c ? x[i] : mu[i];
        }
    }

    /**
     * What one steady tick of {@link #step} performs with the current switches, from the sheet's
     * own sizes: n units, the feature ranges that are on, the pooled units and the autoencoder.
     */
    public void countOps(org.ev3cortex.seam.OpCount c) {
        long units = n;
        long pairs = 0; // (feature, unit) pairs that learn and predict
        for (int k = 0; k < features; k++) if (featureOn[k]) pairs += featureHi[k] - featureLo[k];
        long pooled = 0;
        for (int i = 0; i < n; i++) if (poolOf[i] >= 0) pooled++;
        int areasPredicting = 0;
        for (Area a : areaArray) if (a.predicting()) areasPredicting++;
        // compareAndLearn: error, surprise, variance, NLMS gain (a reciprocal from a table), mean;
        // with the fallback, the three predictors' running squared errors; sigma for an eighth.
        c.fadd += 5 * units; c.fmul += 5 * units; c.fcmp += 4 * units; c.iop += 12 * units; c.bytes += 52 * units;
        if (fallback) {
            c.fadd += 8 * units; c.fmul += 6 * units; c.fcmp += 3 * units; c.bytes += 36 * units; // errors
            c.fcmp += 2 * units; c.iop += 2 * units; c.bytes += 24 * units;                          // choose
        }
        long refreshed = n / SIGMA_REFRESH_TICKS + 1;
        c.fadd += refreshed; c.fdiv += 2 * refreshed; c.fmath += refreshed; c.fconv += 2 * refreshed;
        c.iop += 4 * refreshed; c.bytes += 20 * refreshed;
        c.fadd += pairs; c.fmul += pairs; c.iop += 3 * pairs; c.bytes += 16 * pairs;          // weights
        c.fadd += units; c.fdiv += areasPredicting; c.fconv += areasPredicting;               // area surprise
        c.iop += 3 * units; c.bytes += 4 * units;
        // associate: clipped z-scores pooled, the autoencoder, the top-down reconstruction.
        int in = ae.inputs();
        int lat = ae.latent();
        long wsize = (long) in * lat;
        c.fmul += pooled + in; c.fadd += pooled; c.fcmp += 2 * pooled; c.bytes += 20 * pooled + 8L * in;
        c.iop += 4 * units;
        c.fmul += 2 * wsize + 2 * wsize + lat; c.fadd += 2 * wsize + 2 * wsize;          // encode, decode, Sanger
        c.fcmp += 2 * wsize; c.iop += 8 * wsize; c.bytes += 36 * wsize;
        c.fmul += pooled; c.bytes += 16 * units;
        // features: rates (level, d1, d2), cycles (lags 3..maxLag), space (centred values).
        if (rates) { c.fadd += 4 * units; c.fmul += units; c.bytes += 28 * units; c.iop += 10 * units; }
        if (cycles) { long lags = Math.max(0, maxLag - 2); c.fadd += lags * units; c.bytes += 12 * lags * units; c.iop += 4 * lags * units; }
        if (space) { c.fadd += units; c.bytes += 12 * units + 12L * NEIGHBOURS * units; c.iop += 4L * NEIGHBOURS * units; }
        c.bytes += 8 * units * 2; // history row, top-down and efference copies
        // predict: p += w·f and |f|² per pair.
        c.fadd += 2 * pairs; c.fmul += 2 * pairs; c.iop += 3 * pairs; c.bytes += 24 * pairs;
    }

    /** This tick's input per unit (compact order). */
    public float[] activity() { return x; }
    /** The prediction each unit made for the next tick. */
    public float[] prediction() { return p; }
    /** This tick's error {@code e = x − p} (p made last tick). */
    public float[] error() { return e; }
    /** This tick's surprise {@code e² / σ²} per unit. */
    public float[] surprise() { return surprise; }
    /** The grid cell ({@code y * width + x}) of predicting unit {@code i}, as {@link #map} places it. */
    public int cell(int unit) { return unitCell[unit]; }
    /** This tick's mean surprise per area, indexed by {@link Area#index()}; 0 for the association region. */
    public float[] areaSurprise() { return areaSurprise; }
    /** The association layer's latent {@code z} this tick. */
    public float[] latent() { return ae.latentValues(); }
    public FoldedAutoencoder autoencoder() { return ae; }

    /**
     * Writes one quantity as a {@code width × height} row-major grid into {@code out}: the
     * predicting areas' units in place, the association region's cells showing their latent
     * unit's {@code z} (activity only), every other cell 0.
     */
    public void map(Quantity q, float[] out) {
        if (out.length < gridW * gridH) {
            throw new IllegalArgumentException("need " + gridW * gridH + " cells, got " + out.length);
        }
        Arrays.fill(out, 0, gridW * gridH, 0f);
        float[] src = q == Quantity.ACTIVITY ? x : q == Quantity.PREDICTION ? p : q == Quantity.ERROR ? e : surprise;
        for (int i = 0; i < n; i++) out[unitCell[i]] = src[i];
        if (q == Quantity.ACTIVITY) {
            float[] z = ae.latentValues();
            for (int cy = 0; cy < assoc.height(); cy++) {
                for (int cx = 0; cx < assoc.width(); cx++) {
                    int t = assocTile[cy * assoc.width() + cx];
                    if (t >= 0) out[(assoc.y() + cy) * gridW + assoc.x() + cx] = z[t];
                }
            }
        }
    }

    /** The learned weight of feature row {@code k} for unit {@code i}; for tests and inspection. */
    float weight(int k, int i) {
        return w[k * n + i];
    }
}
