package org.ev3cortex.cortex;

import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The association layer: a folded (tied-weight) linear autoencoder. It encodes an error vector
 * {@code e} into a latent {@code z = W e} and decodes {@code ê = Wᵀ z} with the same weights.
 * Sanger's generalised Hebbian rule, {@code ΔW = η (z eᵀ − LT[z zᵀ] W)}, drives the rows of
 * {@code W} to the leading principal directions of {@code e}, orthonormal, so the decoder stays
 * the encoder's inverse on the subspace it has learned.
 *
 * <p>All matrices are allocated once; {@link #step} allocates nothing.
 */
public final class FoldedAutoencoder {
    private final int inputs;
    private final int latent;
    private final FMatrixRMaj w;
    private final FMatrixRMaj in;
    private final FMatrixRMaj z;
    private final FMatrixRMaj out;
    private final float[] residual;

    /** Rows start random, small and roughly orthogonal; {@code seed} makes runs repeatable. */
    public FoldedAutoencoder(int inputs, int latent, long seed) {
        if (latent < 1 || inputs < latent) {
            throw new IllegalArgumentException("need 1 <= latent (" + latent + ") <= inputs (" + inputs + ")");
        }
        this.inputs = inputs;
        this.latent = latent;
        this.w = new FMatrixRMaj(latent, inputs);
        this.in = new FMatrixRMaj(inputs, 1);
        this.z = new FMatrixRMaj(latent, 1);
        this.out = new FMatrixRMaj(inputs, 1);
        this.residual = new float[inputs];
        Random r = new Random(seed);
        float scale = (float) (0.1 / Math.sqrt(inputs));
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = (float) r.nextGaussian() * scale;
        }
    }

    public int inputs() { return inputs; }
    public int latent() { return latent; }

    /** The encoder input; write {@code e} here before {@link #step}. Length {@link #inputs()}. */
    public float[] input() { return in.data; }
    /** The latent {@code z} of the last step. */
    public float[] latentValues() { return z.data; }
    /** The reconstruction {@code ê = Wᵀ z} of the last step. */
    public float[] output() { return out.data; }
    /** The weights, row-major {@code latent × inputs}; row i is latent unit i's basis vector. */
    public FMatrixRMaj weights() { return w; }

    /** Encodes the input, learns with step {@code rate} (0 to freeze), and decodes with the learned weights. */
    public void step(float rate) {
        CommonOps_FDRM.mult(w, in, z);
        if (rate > 0) learn(rate);
        CommonOps_FDRM.multTransA(w, z, out);
    }

    /**
     * Sanger's rule in O(latent · inputs) rather than forming LT[z zᵀ] W: row i learns from what
     * rows 0..i leave unexplained, r_i = e − Σ_{j≤i} z_j w_j. Hand-written because EJML has no
     * fused form of this triangular update, and the dense form costs latent times more.
     */
    private void learn(float rate) {
        float[] wd = w.data;
        float[] r = residual;
        System.arraycopy(in.data, 0, r, 0, inputs);
        for (int i = 0; i < latent; i++) {
            float zi = z.data[i];
            int row = i * inputs;
            for (int j = 0; j < inputs; j++) {
                r[j] -= zi * wd[row + j];
            }
            float g = rate * zi;
            for (int j = 0; j < inputs; j++) {
                // Weights of inputs that stay silent decay geometrically: stop them short of
                // subnormal floats, which are ~100x slower on x86.
                float v = wd[row + j] + g * r[j];
                wd[row + j] = v < 1e-20f && v > -1e-20f ? 0f : v;
            }
        }
    }
}
