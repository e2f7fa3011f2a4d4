package org.ev3cortex.body;

/**
 * A fixed ring of interleaved int16 frames. Not thread-safe by itself: {@link ThreadedMicrophone}
 * guards it with the source's lock.
 */
public final class AudioRing {
    private final short[] data;
    private final int channels;
    private long written; // samples ever written

    public AudioRing(int frames, int channels) {
        this.data = new short[frames * channels];
        this.channels = channels;
    }

    public int capacitySamples() {
        return data.length;
    }

    public long samplesWritten() {
        return written;
    }

    /** Appends {@code len} samples (whole frames); the oldest are overwritten. */
    public void write(short[] src, int off, int len) {
        if (len % channels != 0) throw new IllegalArgumentException("partial frame: " + len + " samples");
        if (len > data.length) {
            off += len - data.length;
            written += len - data.length;
            len = data.length;
        }
        int pos = (int) (written % data.length);
        int first = Math.min(len, data.length - pos);
        System.arraycopy(src, off, data, pos, first);
        System.arraycopy(src, off + first, data, 0, len - first);
        written += len;
    }

    /**
     * Copies the newest {@code dst.length} samples, oldest first. Before the ring has filled, the
     * missing older part is zeros (silence), never stale data from another run.
     */
    public void copyNewest(short[] dst) {
        copyNewest(data, written, dst);
    }

    /**
     * The same copy from any ring array into which {@code written} samples have been written in
     * order, wrapping (the simulated world fills its own ring lazily).
     */
    public static void copyNewest(short[] ring, long written, short[] dst) {
        int n = dst.length;
        if (n > ring.length) throw new IllegalArgumentException("asked for " + n + " samples, ring holds " + ring.length);
        int available = (int) Math.min(written, n);
        int zeros = n - available;
        java.util.Arrays.fill(dst, 0, zeros, (short) 0);
        int start = (int) ((written - available) % ring.length);
        int first = Math.min(available, ring.length - start);
        System.arraycopy(ring, start, dst, zeros, first);
        System.arraycopy(ring, 0, dst, zeros + first, available - first);
    }
}
