package org.ev3cortex.body;

/**
 * A {@link Microphone} whose device delivers chunks of samples on a capture thread, appended to
 * an {@link AudioRing}. Subclasses implement the device: {@code capture} fills one chunk.
 */
public abstract class ThreadedMicrophone extends ThreadedSource<short[]> implements Microphone {
    private final int sampleRateHz;
    private final int channels;
    private final int chunkSamples;
    private final AudioRing ring;

    protected ThreadedMicrophone(String name, Clock clock, int sampleRateHz, int channels, int chunkFrames,
                                 int ringFrames, long minBackoffMs, long maxBackoffMs) {
        super(name, clock, minBackoffMs, maxBackoffMs);
        if (channels < 1 || channels > 2) throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        this.sampleRateHz = sampleRateHz;
        this.channels = channels;
        this.chunkSamples = chunkFrames * channels;
        this.ring = new AudioRing(ringFrames, channels);
    }

    @Override
    public final int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public final int channels() {
        return channels;
    }

    @Override
    protected final short[] newBuffer() {
        return new short[chunkSamples];
    }

    @Override
    protected final void copy(short[] src, short[] dst) {
        System.arraycopy(src, 0, dst, 0, src.length);
    }

    @Override
    protected final short[] publish(short[] captured, short[] previousLatest) {
        ring.write(captured, 0, captured.length);
        return captured;
    }

    @Override
    protected final void copyLatest(short[] latestValue, short[] dst) {
        ring.copyNewest(dst);
    }
}
