package org.ev3cortex.seam;

/**
 * What one tick of a kernel performs, by the kinds of operation whose cost differs on the brick
 * (no FPU: every float operation is a library call; see the brick budget). Kernels fill it from
 * their own loop bounds and configuration ({@link Stage#countOps}); the counts are per tick, as
 * the default config runs it (a new frame and a new audio window every tick).
 */
public final class OpCount {
    /** float add, subtract, negate */
    public long fadd;
    /** float multiply */
    public long fmul;
    /** float divide or remainder */
    public long fdiv;
    /** sqrt, exp, log, pow, trigonometry (float or double) */
    public long fmath;
    /** conversions between int, long, float and double */
    public long fconv;
    /** float or double compares */
    public long fcmp;
    /** double add, subtract, multiply, divide */
    public long dop;
    /** int and long arithmetic, shifts and bit operations */
    public long iop;
    /** array bytes read or written */
    public long bytes;

    public OpCount clear() {
        fadd = fmul = fdiv = fmath = fconv = fcmp = dop = iop = bytes = 0;
        return this;
    }

    public OpCount add(OpCount o) {
        fadd += o.fadd;
        fmul += o.fmul;
        fdiv += o.fdiv;
        fmath += o.fmath;
        fconv += o.fconv;
        fcmp += o.fcmp;
        dop += o.dop;
        iop += o.iop;
        bytes += o.bytes;
        return this;
    }

    /** Adds {@code times} copies of {@code o}. */
    public OpCount add(OpCount o, long times) {
        fadd += o.fadd * times;
        fmul += o.fmul * times;
        fdiv += o.fdiv * times;
        fmath += o.fmath * times;
        fconv += o.fconv * times;
        fcmp += o.fcmp * times;
        dop += o.dop * times;
        iop += o.iop * times;
        bytes += o.bytes * times;
        return this;
    }

    /** Every operation that is a soft-float library call on the brick. */
    public long softFloat() {
        return fadd + fmul + fdiv + fmath + fconv + fcmp + dop;
    }

    /** The kinds in a fixed order: fadd fmul fdiv fmath fconv fcmp dop iop bytes. */
    public long[] toArray() {
        return new long[] {fadd, fmul, fdiv, fmath, fconv, fcmp, dop, iop, bytes};
    }

    @Override
    public String toString() {
        return "fadd " + fadd + ", fmul " + fmul + ", fdiv " + fdiv + ", fmath " + fmath + ", fconv " + fconv
                + ", fcmp " + fcmp + ", dop " + dop + ", iop " + iop + ", bytes " + bytes;
    }
}
