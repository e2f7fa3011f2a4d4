package org.ev3cortex.testing.opcount;

/**
 * The counters the instrumented bytecode increments, in {@link org.ev3cortex.seam.OpCount}'s
 * order: fadd fmul fdiv fmath fconv fcmp dop iop bytes. Loaded by the test's own class loader, so
 * the instrumented copies of the kernels and the test share it.
 */
public final class Executed {
    public static final int FADD = 0, FMUL = 1, FDIV = 2, FMATH = 3, FCONV = 4, FCMP = 5, DOP = 6, IOP = 7, BYTES = 8;
    public static final long[] COUNTS = new long[9];

    private Executed() {}

    public static void reset() {
        java.util.Arrays.fill(COUNTS, 0);
    }

    public static long[] snapshot() {
        return COUNTS.clone();
    }

    public static void add(int kind, int n) {
        COUNTS[kind] += n;
    }

    /** Stands in for {@link System#arraycopy} in instrumented code: counts the bytes read and written. */
    public static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length) {
        Class<?> t = src.getClass().getComponentType();
        int size = t == byte.class || t == boolean.class ? 1 : t == short.class || t == char.class ? 2
                : t == long.class || t == double.class ? 8 : 4;
        COUNTS[BYTES] += 2L * length * size;
        System.arraycopy(src, srcPos, dst, dstPos, length);
    }
}
