package org.ev3cortex.body;

/**
 * One sense, captured in the background and read into a buffer the caller owns.
 *
 * <p>The contract, which every body (brick, simulator, laptop) keeps:
 * <ul>
 *   <li>{@link #start()} and {@link #stop()} are idempotent; {@link #close()} releases the device
 *       and is safe to call twice;</li>
 *   <li>{@link #read} copies the latest value into {@code dst} and fills {@code out} with its
 *       sequence number and capture time; it never blocks on the device and never allocates;</li>
 *   <li>a failed device shows as {@link SourceState#FAILED} with {@link #failure()}, so the agent
 *       can tell a stale value from a fresh one.</li>
 * </ul>
 *
 * @param <B> the buffer type, e.g. {@code byte[]} for frames
 */
public interface SensorSource<B> extends AutoCloseable {

    /** A short name for logs and the viewer, e.g. {@code camera}. */
    String name();

    void start();

    void stop();

    SourceState state();

    /** Why the source is {@link SourceState#FAILED}, or null. */
    Throwable failure();

    /**
     * Copies the latest value into {@code dst} (which must have the source's size) and returns
     * its sequence number, also stored in {@code out}; 0 means nothing has been captured yet and
     * {@code dst} is untouched.
     */
    long read(B dst, Reading out);

    @Override
    void close();
}
