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
 *   <li>cycles: its own input one period P ago and P + 1 ticks ago, minus {@code m}, with the
 *       unit's own period P estimated from its running autocorrelation (see
 *       {@link #estimatePeriods}). A lag of one period rather than an
 *       oscillator bank: it predicts a periodic signal of any waveform exactly and needs no tuned
 *       frequencies, and A1 is already frequency-coded, so what is left to predict per unit is a
 *       rhythm of onsets, not a waveform. One estimated period per unit rather than a learned
 *       weight per tick of lag: two features per unit reach any period up to
 *       {@code cortex.cycles.maxPeriod} (2 s), where a bank of lags would need twenty, and each
 *       unit has its own (two wheels turning at different speeds, two instruments in two bands);
 *       a third, the long lag beyond it, catches a period that is not a whole number of ticks at
 *       a multiple that is;</li>
 *   <li>space: its four neighbours' {@code x − m} in the same area (0 beyond the area's edge);</li>
 *   <li>top-down: the association layer's reconstruction of its error, in its own units;</li>
 *   <li>efference: for S1 the efference copy written by {@link #efference}; for A1 the issued
 *       wheel speeds, forward and turning, and their change ({@link #selfMotion}); for V1 the
 *       corollary discharge, V1's own prediction of its next input from self-motion
 *       ({@link #corollary}).</li>
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
    private final int maxPeriod;
    private final int depth;

    // Feature rows in f and w: f[k * n + i].
    private static final int F_LEVEL = 0;
    private static final int F_D1 = 1;
    private static final int F_D2 = 2;
    private static final int F_CYCLE = 3;  // one period ago, and F_CYCLE + 1: a tick before that
    private static final int F_CYCLE2 = 5; // two periods ago
    private static final int F_SPACE = 6;  // four neighbours
    private static final int F_TOP = 10;
    private static final int F_EFF = 11;   // S1: M1's efference copy
    private static final int F_COR = 12;   // V1: the corollary discharge
    private static final int F_MOVE = 13;  // A1: forward, turn, and their changes (4 rows)
    private static final int F_CONTEXT = 17; // M1: the pooled input areas, one row per pool
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
    private final float[] cor;
    // M1's context: per pool of the input areas (the association layer's pools), the mean of its
    // units' x - m, and the running variance that scales it to about unit size.
    private final float[] context;
    private final float[] contextVar;
    private final float[] contextScale;
    private final int m1Start;
    private final int m1End;
    private boolean corollaryFed;
    private final int v1Start;
    private final int v1End;
    private final int a1Start;
    private final int a1End;
    private float forward;
    private float turn;
    private float lastForward;
    private float lastTurn;

    // Per unit: its period, from its running autocorrelation acf[i * depth + lag]
    // around its running mean, refreshed for a rotating eighth of the units per tick. peak is
    // the lag where it peaks; period the lower of the two lags that bracket the true, fractional
    // peak (the cycles feature reads both: P and P + 1).
    private final int[] peak;
    private final int[] period;
    private final float[] acf;
    private int acfCursor;
    // A long lag: a period that is not a whole number of ticks is one, or nearer one, at a
    // multiple: a 1.85 s loop (18.5 ticks) repeats exactly every 37 ticks, a 14.4-tick one is 0.2
    // off at 29. period2 is the lag in maxPeriod + 1 .. 2 maxPeriod + 2 where the same running
    // autocorrelation peaks; the feature reads it as a third lag.
    private final int[] period2;

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
    private boolean useContext;
    private float lmsRate;
    private float lmsEpsilon;
    private float meanRate;
    private float varRate;
    private float varFloor;
    private float assocRate;
    private boolean fallback;
    private float fallbackRate;
    private float fallbackKeep;
    private float cyclesRate;

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
        maxPeriod = config.get(CortexKeys.CYCLES_MAX_PERIOD);
        features = F_CONTEXT + pools(layout, config.get(CortexKeys.ASSOC_POOL));
        depth = 2 * maxPeriod + 3; // x[t - 2P - 2] for P up to maxPeriod: the lags of two periods

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
        cor = new float[n];
        context = new float[features - F_CONTEXT];
        contextVar = new float[features - F_CONTEXT];
        contextScale = new float[features - F_CONTEXT];
        unitCell = new int[n];
        poolOf = new int[n];
        areaSurprise = new float[areas.size()];
        Arrays.fill(w, F_LEVEL * n, (F_LEVEL + 1) * n, 1f);

        int pool = config.get(CortexKeys.ASSOC_POOL);
        int pools = 0;
        s1Start = s1.start();
        s1End = s1.start() + s1.size();
        int[] v1 = span(layout.area(Area.V1_L), layout.area(Area.V1_R));
        v1Start = v1[0];
        v1End = v1[1];
        int[] a1 = span(layout.area(Area.A1_L), layout.area(Area.A1_R));
        a1Start = a1[0];
        a1End = a1[1];
        Area m1 = layout.area(Area.M1);
        m1Start = m1.start();
        m1End = m1.start() + m1.size();
        peak = new int[n];
        Arrays.fill(peak, 2);
        period = new int[n];
        Arrays.fill(period, 2);
        acf = new float[n * depth];
        period2 = new int[n];
        Arrays.fill(period2, maxPeriod + 1);
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
        useContext = c.get(CortexKeys.PREDICT_CONTEXT);
        lmsRate = c.get(CortexKeys.LMS_RATE).floatValue();
        lmsEpsilon = c.get(CortexKeys.LMS_EPSILON).floatValue();
        meanRate = c.get(CortexKeys.MEAN_RATE).floatValue();
        varRate = c.get(CortexKeys.VAR_RATE).floatValue();
        varFloor = c.get(CortexKeys.VAR_FLOOR).floatValue();
        assocRate = c.get(CortexKeys.ASSOC_RATE).floatValue();
        fallback = c.get(CortexKeys.PREDICT_FALLBACK);
        fallbackRate = c.get(CortexKeys.FALLBACK_RATE).floatValue();
        fallbackKeep = 1f - c.get(CortexKeys.FALLBACK_MARGIN).floatValue();
        cyclesRate = c.get(CortexKeys.CYCLES_RATE).floatValue();
        for (int k = 0; k < features; k++) {
            boolean on;
            if (k < F_CYCLE) on = rates;
            else if (k < F_SPACE) on = cycles;
            else if (k < F_TOP) on = space;
            else if (k == F_TOP) on = useTopDown;
            else if (k >= F_CONTEXT) on = useContext;
            else on = useEfference;
            featureOn[k] = on;
            featureLo[k] = k == F_EFF ? s1Start : k == F_COR ? v1Start : k >= F_CONTEXT ? m1Start : k >= F_MOVE ? a1Start : 0;
            featureHi[k] = k == F_EFF ? s1End : k == F_COR ? v1End : k >= F_CONTEXT ? m1End : k >= F_MOVE ? a1End : n;
            if (!on) Arrays.fill(f, k * n, (k + 1) * n, 0f);
        }
    }

    /** The association layer's inputs: pool x pool blocks of every predicting area but M1. */
    private static int pools(Layout layout, int pool) {
        int pools = 0;
        for (Area a : layout.areas()) {
            if (!a.predicting() || a.name().equals(Area.M1)) continue;
            pools += ((a.width() + pool - 1) / pool) * ((a.height() + pool - 1) / pool);
        }
        return pools;
    }

    /** The compact range {@code [start, end)} two adjacent areas cover together. */
    private static int[] span(Area a, Area b) {
        int start = Math.min(a.start(), b.start());
        int end = Math.max(a.start() + a.size(), b.start() + b.size());
        if (end - start != a.size() + b.size()) {
            throw new IllegalStateException(a.name() + " and " + b.name() + " are not adjacent in the compact order");
        }
        return new int[] {start, end};
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

    /**
     * V1's corollary discharge for one of its areas: its own prediction of the area's next input
     * from self-motion (see {@code org.ev3cortex.v1.Corollary}), resampled to the area; a feature
     * of the area's units from the next prediction on. Other areas refuse it. A tick without it
     * uses V1's input as it is (no self-motion).
     */
    public void corollary(Area area, float[] values, int w, int h) {
        if (area.start() < v1Start || area.start() + area.size() > v1End) {
            throw new IllegalArgumentException(area.name() + " takes no corollary discharge; V1's areas do");
        }
        Resample.into(values, w, h, cor, area.start(), area.width(), area.height());
        corollaryFed = true;
    }

    /**
     * The issued wheel speeds as A1's self-motion features: {@code forward} and {@code turn},
     * each about -1..1 (of the motors' top speed); used from the next prediction on, with their
     * change since the last call.
     */
    public void selfMotion(float forward, float turn) {
        this.forward = forward;
        this.turn = turn;
    }

    /** The period, in ticks, unit {@code i}'s cycles feature uses now (compact order). */
    public int period(int i) {
        return period[i];
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
        if (cycles) estimatePeriods();
        // Without a corollary discharge this tick, V1 expects no self-motion: its input as it is.
        if (!corollaryFed) System.arraycopy(x, v1Start, cor, v1Start, v1End - v1Start);
        corollaryFed = false;
        features();
        lastForward = forward;
        lastTurn = turn;
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

    // A period must beat the current one by this much of the normalised autocorrelation to
    // replace it, so noise does not make the lag features flicker between neighbours.
    private static final float PERIOD_HYSTERESIS = 0.05f;

    // A unit refreshes its autocorrelation every this many ticks (at this times the rate).
    private static final int ACF_STRIDE = 8;

    /**
     * Each unit's period, for a rotating eighth of the units per tick: its running
     * autocorrelation around its mean at lags 0..2 maxPeriod + 2 (from the history the sheet keeps
     * anyway), the lag 2..maxPeriod where it peaks, the long lag beyond maxPeriod where it peaks, and of that lag's two neighbours the one
     * with the higher autocorrelation, so that the two lags the feature reads bracket a period
     * that is not a whole number of ticks (a 1.44 s rhythm is 14.4 ticks). A new peak must beat
     * the current one by {@link #PERIOD_HYSTERESIS} of the unit's variance. Multiply-adds only.
     */
    private void estimatePeriods() {
        int lags = depth;
        float r = Math.min(1f, cyclesRate * ACF_STRIDE);
        int count = n / ACF_STRIDE + 1;
        for (int j = 0; j < count; j++) {
            int i = acfCursor;
            acfCursor = i + 1 == n ? 0 : i + 1;
            float mi = mu[i];
            float now = x[i] - mi;
            int base = i * lags;
            int row = head;
            for (int lag = 0; lag < lags; lag++) {
                float then = hist[row * n + i] - mi;
                float v = acf[base + lag] + r * (now * then - acf[base + lag]);
                acf[base + lag] = Math.abs(v) < TINY ? 0f : v; // one compare, whatever the sign
                row = row == 0 ? depth - 1 : row - 1;
            }
            int best = peak[i];
            float bar = acf[base + best] + PERIOD_HYSTERESIS * acf[base];
            for (int lag = 2; lag <= maxPeriod; lag++) {
                if (acf[base + lag] > bar) {
                    bar = acf[base + lag];
                    best = lag;
                }
            }
            peak[i] = best;
            period[i] = best > 2 && acf[base + best - 1] > acf[base + best + 1] ? best - 1 : best;
            int longest = period2[i];
            bar = acf[base + longest] + PERIOD_HYSTERESIS * acf[base];
            for (int lag = maxPeriod + 1; lag < lags; lag++) {
                if (acf[base + lag] > bar) {
                    bar = acf[base + lag];
                    longest = lag;
                }
            }
            period2[i] = longest;
        }
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
            // x[t+1] is predicted from x[t+1-P] and x[t-P] (lags P-1 and P from this tick's row).
            // The even period of the two goes in one row and the odd in the other, so when the
            // bracket moves by one tick the period both brackets share keeps its row and weight.
            int b0 = F_CYCLE * n;
            int b1 = (F_CYCLE + 1) * n;
            int b2 = F_CYCLE2 * n;
            for (int i = 0; i < n; i++) {
                int p = period[i];
                int onePeriod = head - p + 1;
                if (onePeriod < 0) onePeriod += depth;
                int before = onePeriod == 0 ? depth - 1 : onePeriod - 1;
                float a = hist[onePeriod * n + i] - m[i];
                float b = hist[before * n + i] - m[i];
                boolean even = (p & 1) == 0;
                f[b0 + i] = even ? a : b;
                f[b1 + i] = even ? b : a;
                int twoPeriods = head - period2[i] + 1;
                if (twoPeriods < 0) twoPeriods += depth;
                f[b2 + i] = hist[twoPeriods * n + i] - m[i];
            }
        }
        if (space) {
            for (int i = 0; i < n; i++) centred[i] = x[i] - m[i];
            for (int d = 0; d < NEIGHBOURS; d++) {
                int base = (F_SPACE + d) * n;
                int nbase = d * n;
                for (int i = 0; i < n; i++) f[base + i] = centred[nb[nbase + i]];
            }
        }
        if (useTopDown) System.arraycopy(topDown, 0, f, F_TOP * n, n);
        contextFeatures(m);
        if (useEfference) {
            System.arraycopy(eff, s1Start, f, F_EFF * n + s1Start, s1End - s1Start);
            int base = F_COR * n;
            for (int i = v1Start; i < v1End; i++) f[base + i] = cor[i] - m[i];
            float dForward = forward - lastForward;
            float dTurn = turn - lastTurn;
            for (int i = a1Start; i < a1End; i++) {
                f[F_MOVE * n + i] = forward;
                f[(F_MOVE + 1) * n + i] = turn;
                f[(F_MOVE + 2) * n + i] = dForward;
                f[(F_MOVE + 3) * n + i] = dTurn;
            }
        }
    }

    // Rate of the context's running variance; its scale is refreshed every tick (a square root
    // and a divide per pool, 46 by default).
    private static final float CONTEXT_VAR_RATE = 0.01f;

    /**
     * M1's context: each pool of the input areas (their activity around the prior, pooled as the
     * association layer pools their errors), scaled to about unit size by its running standard
     * deviation, is a feature of every M1 unit. With it M1 can learn what the behaviours will
     * do from what the senses show now (see m1.cortex.weight).
     */
    private void contextFeatures(float[] m) {
        int pools = context.length;
        Arrays.fill(context, 0f);
        for (int i = 0; i < n; i++) {
            int k = poolOf[i];
            if (k >= 0) context[k] += x[i] - m[i];
        }
        for (int k = 0; k < pools; k++) {
            float v = context[k] * poolInvCount[k];
            float cv = contextVar[k] + CONTEXT_VAR_RATE * (v * v - contextVar[k]);
            contextVar[k] = cv < TINY ? TINY : cv;
            contextScale[k] = Recip.of((float) Math.sqrt(contextVar[k] + varFloor));
            float z = v * contextScale[k];
            context[k] = z > Z_CLIP ? Z_CLIP : z < -Z_CLIP ? -Z_CLIP : z;
        }
        if (!useContext) return;
        for (int k = 0; k < pools; k++) {
            int base = (F_CONTEXT + k) * n;
            float z = context[k];
            for (int i = m1Start; i < m1End; i++) f[base + i] = z;
        }
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
     * has had the smallest recent squared error (the sheet only after 1/{@code cortex.fallback.rate}
     * ticks, and only when it is {@code cortex.fallback.margin} better than both): a unit never does worse than the better baseline
     * for long, and a signal the sheet cannot learn (steps, a flat line) costs nothing.
     */
    private void choose() {
        // Until the running errors have seen their time constant, every unit copies its last
        // input (keep 0 fails both tests below): neither the sheet nor the mean has a record yet.
        float keep = ticks * fallbackRate < 1f ? 0f : fallbackKeep;
        for (int i = 0; i < n; i++) {
            float a = errSheet[i];
            float b = errLast[i];
            float c = errMean[i];
            // Each must be strictly better, by the margin, than the simpler ones it replaces.
            p[i] = a < keep * b && a < keep * c ? pSheet[i] : c < keep * b ? mu[i] : x[i];
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
            c.fcmp += 2 * units; c.fmul += 2 * units; c.iop += 2 * units; c.bytes += 24 * units;      // choose
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
        // features: rates (level, d1, d2), cycles (two lags, the periods), space (centred values).
        if (rates) { c.fadd += 4 * units; c.fmul += units; c.bytes += 28 * units; c.iop += 10 * units; }
        if (cycles) {
            c.fadd += 2 * units; c.bytes += 24 * units; c.iop += 12 * units;                    // two lags per unit
            long refreshedUnits = n / ACF_STRIDE + 1;                                          // the periods
            long terms = refreshedUnits * depth;
            long searched = refreshedUnits * (depth - 2);                                      // both peaks
            c.fadd += 2 * refreshedUnits + 3 * terms; c.fmul += 2 * terms + 2 * refreshedUnits;
            c.fcmp += terms + searched;
            c.iop += 12 * refreshedUnits + 8 * terms + 3 * searched;
            c.bytes += 16 * refreshedUnits + 12 * terms + 4 * searched;
            c.fadd += units; c.iop += 6 * units; c.bytes += 16 * units;                          // the third lag
        }
        if (space) { c.fadd += units; c.bytes += 12 * units + 12L * NEIGHBOURS * units; c.iop += 4L * NEIGHBOURS * units; }
        c.bytes += 8 * units * 2; // history row, top-down and efference copies
        { // M1's context: the pools' means and scales, every tick; copied to every M1 unit as features with cortex.predict.context
            long pools = context.length;
            c.fadd += pooled + 3 * pools; c.fmul += 4 * pools; c.fcmp += 3 * pools; c.fmath += pools; // 1/sd by Recip: ints
            c.fconv += 2 * pools; c.iop += 3 * units; c.bytes += 12 * units;
            if (useContext) { c.iop += 4 * pools * (m1End - m1Start); c.bytes += 4 * pools * (m1End - m1Start); }
        }
        if (useEfference) { // V1's corollary discharge, A1's four self-motion rows
            long v1 = v1End - v1Start;
            long a1 = a1End - a1Start;
            c.fadd += v1 + 2; c.bytes += 12 * v1 + 16 * a1; c.iop += 3 * v1 + 5 * a1;
        }
        // predict: p += w·f and |f|² per pair.
        c.fadd += 2 * pairs; c.fmul += 2 * pairs; c.iop += 3 * pairs; c.bytes += 24 * pairs;
    }

    /**
     * M1's context this tick: per pool of the input areas (the association layer's pools), its
     * activity around the prior in running standard deviations, clipped. Computed every tick;
     * a feature of the M1 units only with {@code cortex.predict.context}. M1's premotor read-out
     * learns from it when the contact reflex is about to fire.
     */
    public float[] context() { return context; }

    /** This tick's input per unit (compact order). */
    public float[] activity() { return x; }
    /** The prediction each unit made for the next tick. */
    public float[] prediction() { return p; }
    /**
     * The sheet's own prediction for the next tick, before the fallback picks between it,
     * copy-last and the mean for each unit (the same as {@link #prediction()} without the fallback).
     */
    public float[] ownPrediction() { return fallback ? pSheet : p; }
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
