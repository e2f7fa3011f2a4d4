package org.ev3cortex.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.SingularOps_FDRM;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F32;
import org.junit.jupiter.api.Test;

/**
 * The folded autoencoder learns a low-rank input's principal subspace: its rows become an
 * orthonormal basis of the subspace EJML's SVD finds in the same data, and the tied decoder
 * reconstructs new samples.
 */
class FoldedAutoencoderTest {
    private static final int N = 40;
    private static final int RANK = 4;
    private static final double[] SCALES = {2.0, 1.6, 1.2, 0.8};

    /** A random orthonormal n×rank basis (Gram-Schmidt of Gaussian columns). */
    private static double[][] basis(Random r) {
        double[][] u = new double[RANK][N];
        for (int c = 0; c < RANK; c++) {
            for (int i = 0; i < N; i++) u[c][i] = r.nextGaussian();
            for (int p = 0; p < c; p++) {
                double d = 0;
                for (int i = 0; i < N; i++) d += u[c][i] * u[p][i];
                for (int i = 0; i < N; i++) u[c][i] -= d * u[p][i];
            }
            double norm = 0;
            for (int i = 0; i < N; i++) norm += u[c][i] * u[c][i];
            for (int i = 0; i < N; i++) u[c][i] /= Math.sqrt(norm);
        }
        return u;
    }

    private static void sample(double[][] u, Random r, float[] out) {
        java.util.Arrays.fill(out, 0f);
        for (int c = 0; c < RANK; c++) {
            double g = SCALES[c] * r.nextGaussian();
            for (int i = 0; i < N; i++) out[i] += (float) (g * u[c][i]);
        }
    }

    @Test
    void learnsAnOrthonormalBasisOfThePrincipalSubspace() {
        Random r = new Random(3);
        double[][] u = basis(r);
        FoldedAutoencoder ae = new FoldedAutoencoder(N, RANK, 11);
        // A fixed rate leaves the rows jittering by about sqrt(rate); anneal it as one would in use.
        for (int t = 0; t < 70_000; t++) {
            sample(u, r, ae.input());
            ae.step(t < 30_000 ? 0.005f : t < 50_000 ? 5e-4f : 5e-5f);
        }

        // Independent reference: the top right-singular vectors of a fresh data matrix.
        int rows = 2000;
        FMatrixRMaj data = new FMatrixRMaj(rows, N);
        float[] s = new float[N];
        for (int k = 0; k < rows; k++) {
            sample(u, r, s);
            System.arraycopy(s, 0, data.data, k * N, N);
        }
        SingularValueDecomposition_F32<FMatrixRMaj> svd = DecompositionFactory_FDRM.svd(rows, N, false, true, true);
        assertThat(svd.decompose(data)).isTrue();
        FMatrixRMaj vt = svd.getV(null, true);
        FMatrixRMaj sv = svd.getW(null);
        SingularOps_FDRM.descendingOrder(null, false, sv, vt, true);
        FMatrixRMaj top = CommonOps_FDRM.extract(vt, 0, RANK, 0, N);

        FMatrixRMaj w = ae.weights();
        FMatrixRMaj gram = new FMatrixRMaj(RANK, RANK);
        CommonOps_FDRM.multTransB(w, w, gram);
        for (int i = 0; i < RANK; i++) {
            for (int j = 0; j < RANK; j++) {
                assertThat((double) gram.get(i, j)).as("W Wᵀ[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0,
                        org.assertj.core.api.Assertions.within(0.02));
            }
        }
        FMatrixRMaj projW = new FMatrixRMaj(N, N);
        FMatrixRMaj projSvd = new FMatrixRMaj(N, N);
        CommonOps_FDRM.multTransA(w, w, projW);
        CommonOps_FDRM.multTransA(top, top, projSvd);
        CommonOps_FDRM.subtractEquals(projW, projSvd);
        assertThat((double) CommonOps_FDRM.elementMaxAbs(projW)).isLessThan(0.02);
        assertThat((double) org.ejml.dense.row.NormOps_FDRM.normF(projW)).isLessThan(0.05);

        // Sanger orders the rows: the first is the leading singular vector (up to sign).
        double dot = 0;
        for (int i = 0; i < N; i++) dot += w.get(0, i) * top.get(0, i);
        assertThat(Math.abs(dot)).isGreaterThan(0.99);

        double err = 0;
        double energy = 0;
        for (int k = 0; k < 500; k++) {
            sample(u, r, ae.input());
            float[] in = ae.input().clone();
            ae.step(0f);
            for (int i = 0; i < N; i++) {
                double d = in[i] - ae.output()[i];
                err += d * d;
                energy += in[i] * in[i];
            }
        }
        assertThat(err / energy).as("relative reconstruction error").isLessThan(1e-3);
    }
}
