package org.ev3cortex.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SensorSource contract, on a device whose captures the test releases one at a time. */
class SensorSourceTest {

    /** A device producing frames {n, n+1, n+2, n+3}; it can be told to fail. */
    static final class CountingDevice extends ThreadedSource<int[]> {
        final Semaphore permits = new Semaphore(0);
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        volatile boolean failNext;
        volatile boolean failOpen;
        int n;

        CountingDevice() {
            super("counter", SystemClock.INSTANCE, 5, 20);
        }

        @Override protected int[] newBuffer() { return new int[4]; }
        @Override protected void copy(int[] src, int[] dst) { System.arraycopy(src, 0, dst, 0, 4); }

        @Override protected void openDevice() throws IOException {
            opens.incrementAndGet();
            if (failOpen) throw new IOException("no such device");
        }

        @Override protected void capture(int[] into) throws Exception {
            permits.acquire();
            if (failNext) {
                failNext = false;
                throw new IOException("cable pulled");
            }
            n++;
            for (int i = 0; i < 4; i++) into[i] = n + i;
        }

        @Override protected void closeDevice() { closes.incrementAndGet(); }

        void release(int captures) {
            permits.release(captures);
        }
    }

    private static long awaitSequence(CountingDevice d, long atLeast, int[] dst, Reading r) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (d.read(dst, r) >= atLeast) return r.sequence;
            Thread.sleep(1);
        }
        throw new AssertionError("sequence " + atLeast + " not reached; state " + d.state());
    }

    private static void awaitState(CountingDevice d, SourceState s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (d.state() != s) {
            if (System.nanoTime() > deadline) throw new AssertionError("state " + s + " not reached: " + d.state());
            Thread.sleep(1);
        }
    }

    @Test
    void readCopiesTheLatestValueWithSequenceAndTime() throws Exception {
        try (CountingDevice d = new CountingDevice()) {
            int[] dst = {-1, -1, -1, -1};
            Reading r = new Reading();
            assertThat(d.read(dst, r)).isZero();
            assertThat(r.state).isEqualTo(SourceState.NEW);
            assertThat(dst).containsExactly(-1, -1, -1, -1); // untouched before the first capture

            d.start();
            d.start(); // idempotent
            long before = System.nanoTime();
            d.release(3);
            assertThat(awaitSequence(d, 3, dst, r)).isEqualTo(3);
            assertThat(dst).containsExactly(3, 4, 5, 6);
            assertThat(r.state).isEqualTo(SourceState.RUNNING);
            assertThat(r.captureNanos).isBetween(before, System.nanoTime());
            assertThat(d.opens.get()).isEqualTo(1);

            // The caller's buffer is a copy: the source writing on does not change it.
            d.release(1);
            awaitSequence(d, 4, new int[4], new Reading());
            assertThat(dst).containsExactly(3, 4, 5, 6);
        }
    }

    @Test
    void aFailureIsAVisibleStateNotAStaleValueAndTheDeviceIsReopened() throws Exception {
        try (CountingDevice d = new CountingDevice()) {
            int[] dst = new int[4];
            Reading r = new Reading();
            d.start();
            d.release(1);
            awaitSequence(d, 1, dst, r);

            d.failNext = true;
            d.failOpen = true; // the first reopen fails too: back-off, then retry
            d.release(1);
            awaitState(d, SourceState.FAILED);
            d.read(dst, r);
            assertThat(r.state).isEqualTo(SourceState.FAILED);
            assertThat(r.sequence).isEqualTo(1); // the old value is there, but marked as from a failed source
            assertThat(d.failure()).hasMessage("cable pulled");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (d.opens.get() < 3 && System.nanoTime() < deadline) Thread.sleep(1);
            assertThat(d.failure()).hasMessage("no such device");
            d.failOpen = false;
            d.release(1);
            awaitSequence(d, 2, dst, r);
            assertThat(r.state).isEqualTo(SourceState.RUNNING);
            assertThat(d.failure()).isNull();
            assertThat(d.failureCount()).isGreaterThanOrEqualTo(2);
            assertThat(dst).containsExactly(2, 3, 4, 5);
        }
    }

    @Test
    void stopIsIdempotentAndCloseReleasesTheDeviceOnce() throws Exception {
        CountingDevice d = new CountingDevice();
        d.stop(); // never started: nothing to do
        d.start();
        d.stop();
        d.stop();
        assertThat(d.state()).isEqualTo(SourceState.STOPPED);
        d.start(); // resumes
        d.release(1);
        awaitSequence(d, 1, new int[4], new Reading());
        d.close();
        int closes = d.closes.get();
        d.close();
        assertThat(d.closes.get()).isEqualTo(closes);
        assertThat(d.state()).isEqualTo(SourceState.CLOSED);
        assertThatThrownBy(d::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void audioRingKeepsTheNewestSamplesOldestFirst() {
        AudioRing ring = new AudioRing(8, 2); // 16 samples
        short[] dst = new short[6];
        ring.copyNewest(dst);
        assertThat(dst).containsExactly(0, 0, 0, 0, 0, 0);

        short[] chunk = new short[10];
        for (int i = 0; i < 10; i++) chunk[i] = (short) (i + 1);
        ring.write(chunk, 0, 4); // 1..4
        ring.copyNewest(dst);
        assertThat(dst).containsExactly(0, 0, 1, 2, 3, 4); // silence before the first sample
        ring.write(chunk, 0, 10); // 1..10 again: ring holds 1 2 3 4 1 2 ... 10 -> 14 samples
        ring.write(chunk, 0, 6); // wraps
        ring.copyNewest(dst);
        assertThat(dst).containsExactly(1, 2, 3, 4, 5, 6);
        short[] all = new short[16];
        ring.copyNewest(all);
        // Independent model: everything written, in order; the ring must hold its last 16.
        short[] written = {1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6};
        assertThat(all).containsExactly(java.util.Arrays.copyOfRange(written, 4, 20));
    }

    @Test
    void audioRingTakesChunksLongerThanItself() {
        AudioRing ring = new AudioRing(4, 1);
        short[] chunk = new short[10];
        for (int i = 0; i < 10; i++) chunk[i] = (short) i;
        ring.write(chunk, 0, 10);
        short[] dst = new short[4];
        ring.copyNewest(dst);
        assertThat(dst).containsExactly(6, 7, 8, 9);
        assertThat(ring.samplesWritten()).isEqualTo(10);
        assertThatThrownBy(() -> new AudioRing(4, 2).write(chunk, 0, 3)).hasMessageContaining("partial frame");
    }
}
