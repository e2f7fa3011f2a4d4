package org.ev3cortex.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.agent.Recording;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.VirtualClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.status.StatusKeys;
import org.ev3cortex.seam.LoopState;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The recorder against the real agent on a loopback body. The files' contents are checked with
 * Foxglove's reader in the simulator's McapNodeTest; here: the tick thread's allocation, the
 * file's frame (magic at both ends, the footer's offsets), rotation and a full disk.
 */
class RecorderTest {
    @TempDir
    Path dir;

    private static Config everyTick(String whenBehind) throws Exception {
        Config c = AgentSchema.defaults();
        for (org.ev3cortex.config.Key<Integer> k : StatusKeys.RECORD_RATES) c = c.with(k, 1);
        return c.with(StatusKeys.RECORD_WHEN_BEHIND, whenBehind);
    }

    private static LoopbackBody body() {
        return new LoopbackBody(new VirtualClock(), new String[] {"outB", "outC"}, new String[] {"in1"});
    }

    @Test
    void recordingAllocatesNothingOnTheTickThread() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int warm = 20_000;
        int measured = 5_000;
        long[] at = new long[warm + measured + 1];
        try (Agent agent = new Agent(body(), everyTick("wait"), java.util.List.of())) {
            Recorder rec = Recording.start(agent, dir.resolve("alloc.mcap"));
            agent.loop().addObserver(new TickObserver() {
                @Override public void afterTick(long tick, Snapshot snapshot, MotorCommands commands) {
                    at[(int) tick] = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                }
            });
            assertThat(agent.loop().runTicks(at.length)).isEqualTo(LoopState.STOPPED);
            rec.close();
            assertThat(rec.ticksWritten()).isEqualTo(at.length);
            assertThat(rec.dropped()).isZero();
        }
        int allocating = 0;
        for (int i = warm + 1; i <= warm + measured; i++) if (at[i] != at[i - 1]) allocating++;
        long bytes = at[warm + measured] - at[warm];
        System.out.printf("recording tick thread: %d B over %d ticks in %d tick(s)%n", bytes, measured, allocating);
        // See LoopReloadAndAllocationTest for the rare stray event surefire charges to a thread.
        assertThat(allocating).isLessThanOrEqualTo(3);
        assertThat(bytes).isLessThan(4_096);
    }

    @Test
    void aFinishedFileHasMagicAtBothEndsAndAFooterPointingAtItsSummary() throws Exception {
        Path file = dir.resolve("run.mcap");
        try (Agent agent = new Agent(body(), everyTick("wait"), java.util.List.of())) {
            Recorder rec = Recording.start(agent, file);
            agent.loop().runTicks(50);
            rec.close();
        }
        byte[] b = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(b, 8)).isEqualTo(McapWriter.MAGIC);
        assertThat(Arrays.copyOfRange(b, b.length - 8, b.length)).isEqualTo(McapWriter.MAGIC);
        int footer = b.length - 8 - 29;
        assertThat(b[footer]).isEqualTo((byte) McapWriter.OP_FOOTER);
        long summaryStart = le(b, footer + 9);
        assertThat(summaryStart).isBetween(9L, (long) footer);
        // The summary starts with the first schema, repeated.
        assertThat(b[(int) summaryStart]).isEqualTo((byte) McapWriter.OP_SCHEMA);
        long summaryOffsets = le(b, footer + 17);
        assertThat(b[(int) summaryOffsets]).isEqualTo((byte) McapWriter.OP_SUMMARY_OFFSET);
    }

    private static long le(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[at + i] & 0xFF);
        return v;
    }

    @Test
    void filesRotateAtTheConfiguredSizeAndEachPartIsComplete() throws Exception {
        Path file = dir.resolve("long.mcap");
        Config c = everyTick("wait").with(StatusKeys.RECORD_ROTATE_MB, 1).with(StatusKeys.RECORD_CHUNK_KB, 64);
        Recorder rec;
        try (Agent agent = new Agent(body(), c, java.util.List.of())) {
            rec = Recording.start(agent, file);
            agent.loop().runTicks(3_000); // about 3 kB a tick without camera and microphone
            rec.close();
        }
        assertThat(rec.files()).hasSizeGreaterThanOrEqualTo(3).startsWith(file, dir.resolve("long-1.mcap"));
        for (Path p : rec.files()) {
            byte[] b = Files.readAllBytes(p);
            assertThat(Arrays.copyOfRange(b, b.length - 8, b.length)).as(p.toString()).isEqualTo(McapWriter.MAGIC);
            assertThat(b.length).as(p.toString()).isLessThan(2 * 1024 * 1024);
        }
    }

    @Test
    void aFullDiskStopsTheRecordingWithOneLogLineAndTheAgentGoesOn() throws Exception {
        Path full = Paths.get("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full (every write fails with ENOSPC)");
        Logger logger = (Logger) LoggerFactory.getLogger(Recorder.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (Agent agent = new Agent(body(), everyTick("wait"), java.util.List.of())) {
            Recorder rec = Recording.start(agent, full);
            assertThat(agent.loop().runTicks(2_000)).isEqualTo(LoopState.STOPPED);
            rec.close();
            assertThat(agent.loop().tick()).isEqualTo(2_000);
            assertThat(rec.failed()).isTrue();
        } finally {
            logger.detachAppender(events);
        }
        assertThat(events.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("recording stopped", "/dev/full", "No space left on device", "the agent goes on");
    }
}
