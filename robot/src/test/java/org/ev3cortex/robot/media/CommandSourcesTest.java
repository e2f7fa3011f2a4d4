package org.ev3cortex.robot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ev3cortex.robot.media.CommandSourcesTest.Wait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Reading;
import org.ev3cortex.body.SourceState;
import org.ev3cortex.body.SystemClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera and microphone subprocesses, with small shell scripts standing in for ffmpeg and
 * arecord: frames arrive whole, the state shows a killed command, and it is restarted.
 */
class CommandSourcesTest {
    @TempDir Path dir;

    static final class Wait {
        static void until(String what, BooleanSupplier ok) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!ok.getAsBoolean()) {
                if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
            }
        }
    }

    /** A stand-in that checks its arguments like ffmpeg would need them, then streams a file forever. */
    private Path script(String name, String expectArgs, Path data) throws Exception {
        Path s = dir.resolve(name);
        Files.write(s, ("#!/bin/sh\n"
                + "[ \"$*\" = \"" + expectArgs + "\" ] || { echo \"bad args: $*\" >&2; exit 3; }\n"
                + "while :; do cat '" + data + "' || exit 1; sleep 0.02; done\n").getBytes());
        s.toFile().setExecutable(true);
        return s;
    }

    @Test
    void cameraReadsWholeFramesAndRestartsAfterBeingKilled() throws Exception {
        int w = 16;
        int h = 8;
        int frame = w * h * 2;
        byte[] frames = new byte[frame * 5];
        for (int i = 0; i < frames.length; i++) frames[i] = (byte) (10 + i / frame); // frame k is all 10+k
        Path data = Files.write(dir.resolve("frames.yuyv"), frames);
        // The fake checks its arguments: the frame rate asked for is the loop's (10 Hz here).
        Path fake = script("fake-ffmpeg", "-f v4l2 -framerate 10 -s 16x8 -pix_fmt yuyv422 -", data);
        try (CommandCamera cam = new CommandCamera(fake + " -f v4l2 -framerate {fps} -s {width}x{height} -pix_fmt {pixfmt} -",
                w, h, PixelFormat.YUYV, 10, SystemClock.INSTANCE, 50, 200)) {
            cam.start();
            byte[] buf = new byte[cam.frameBytes()];
            Reading r = new Reading();
            until("frames", () -> cam.read(buf, r) >= 3);
            assertWholeFrame(buf);
            long pid = cam.pid();
            assertThat(pid).isPositive();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            until("failure seen", () -> cam.failureCount() >= 1);
            assertThat(cam.failure()).hasMessageContaining("fake-ffmpeg").hasMessageContaining("closed its output");
            long seqAfterKill = cam.read(buf, r);
            until("restarted and capturing", () -> cam.state() == SourceState.RUNNING && cam.pid() > 0
                    && cam.pid() != pid && cam.read(buf, r) > seqAfterKill + 2);
            assertWholeFrame(buf);
            assertThat(r.state).isEqualTo(SourceState.RUNNING);
        }
    }

    private static void assertWholeFrame(byte[] buf) {
        byte first = buf[0];
        assertThat(first).isBetween((byte) 10, (byte) 14);
        for (byte b : buf) assertThat(b).isEqualTo(first);
    }

    @Test
    void aCommandThatFailsShowsFailedWithItsExitCode() throws Exception {
        Path fake = script("broken-ffmpeg", "never", dir.resolve("none"));
        try (CommandCamera cam = new CommandCamera(fake + " wrong args", 16, 8, PixelFormat.GRAY8, 10,
                SystemClock.INSTANCE, 20, 40)) {
            cam.start();
            until("failed twice", () -> cam.failureCount() >= 2);
            assertThat(cam.state()).isEqualTo(SourceState.FAILED);
            assertThat(cam.failure()).hasMessageContaining("exit code 3");
            assertThat(cam.read(new byte[cam.frameBytes()], new Reading())).isZero();
        }
    }

    @Test
    void microphoneFillsTheRingAndRestartsAfterBeingKilled() throws Exception {
        // A stereo ramp: frame k is (k, -k), little-endian, 100 frames per file pass.
        int frames = 100;
        byte[] raw = new byte[frames * 4];
        for (int k = 0; k < frames; k++) {
            put(raw, 4 * k, (short) k);
            put(raw, 4 * k + 2, (short) -k);
        }
        Path data = Files.write(dir.resolve("ramp.s16"), raw);
        Path fake = script("fake-arecord", "-D hw:1 -t raw -f S16_LE -r 16000 -c 2", data);
        try (CommandMicrophone mic = new CommandMicrophone(fake + " -D {device} -t raw -f S16_LE -r {rate} -c {channels}",
                "hw:1", 16_000, 2, 25, 400, SystemClock.INSTANCE, 50, 200)) {
            mic.start();
            short[] window = new short[2 * 50];
            Reading r = new Reading();
            until("audio", () -> mic.read(window, r) >= 8);
            assertRamp(window);
            long pid = mic.pid();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            until("failure seen", () -> mic.failureCount() >= 1);
            long seq = mic.read(window, r);
            until("restarted", () -> mic.state() == SourceState.RUNNING && mic.pid() != pid && mic.read(window, r) > seq + 8);
            assertRamp(window);
        }
    }

    /**
     * The camera and the microphone on one shared capture thread (the brick's default): both
     * deliver whole frames and an unbroken ramp, each restarts after its command is killed
     * while the other keeps capturing, and there is one thread, not one each.
     */
    @Test
    void cameraAndMicrophoneShareOneCaptureThread() throws Exception {
        int w = 16;
        int h = 8;
        int frame = w * h * 2;
        byte[] frames = new byte[frame * 5];
        for (int i = 0; i < frames.length; i++) frames[i] = (byte) (10 + i / frame);
        Path cameraFake = script("fake-ffmpeg", "-s 16x8", Files.write(dir.resolve("frames.yuyv"), frames));
        int rampFrames = 100;
        byte[] raw = new byte[rampFrames * 4];
        for (int k = 0; k < rampFrames; k++) {
            put(raw, 4 * k, (short) k);
            put(raw, 4 * k + 2, (short) -k);
        }
        Path micFake = script("fake-arecord", "-r 16000", Files.write(dir.resolve("ramp.s16"), raw));
        org.ev3cortex.body.CaptureGroup group = new org.ev3cortex.body.CaptureGroup("capture-test", 5);
        try (CommandCamera cam = new CommandCamera(cameraFake + " -s {width}x{height}", w, h, PixelFormat.YUYV, 10,
                SystemClock.INSTANCE, 50, 200);
             CommandMicrophone mic = new CommandMicrophone(micFake + " -r {rate}", "hw:1", 16_000, 2, 25, 400,
                     SystemClock.INSTANCE, 50, 200)) {
            cam.shareThread(group);
            mic.shareThread(group);
            cam.start();
            mic.start();
            assertThat(group.size()).isEqualTo(2);
            byte[] buf = new byte[cam.frameBytes()];
            short[] window = new short[2 * 50];
            Reading r = new Reading();
            until("frames and audio", () -> cam.read(buf, r) >= 3 && mic.read(window, r) >= 8);
            assertWholeFrame(buf);
            assertRamp(window);
            assertThat(threadNames()).contains("capture-test").doesNotContain("capture-camera", "capture-microphone");

            long camPid = cam.pid();
            long micSeq = mic.read(window, r);
            ProcessHandle.of(camPid).ifPresent(ProcessHandle::destroyForcibly);
            until("camera failure seen", () -> cam.failureCount() >= 1);
            assertThat(cam.failure()).hasMessageContaining("fake-ffmpeg").hasMessageContaining("closed its output");
            until("microphone unaffected", () -> mic.read(window, r) > micSeq + 8);
            long camSeq = cam.read(buf, r);
            until("camera restarted", () -> cam.state() == SourceState.RUNNING && cam.pid() != camPid
                    && cam.read(buf, r) > camSeq + 2);
            assertWholeFrame(buf);

            long micPid = mic.pid();
            ProcessHandle.of(micPid).ifPresent(ProcessHandle::destroyForcibly);
            until("microphone failure seen", () -> mic.failureCount() >= 1);
            long seq = mic.read(window, r);
            until("microphone restarted", () -> mic.state() == SourceState.RUNNING && mic.pid() != micPid
                    && mic.read(window, r) > seq + 8);
            assertRamp(window);

            cam.stop();
            assertThat(group.size()).isEqualTo(1);
            assertThat(cam.state()).isEqualTo(SourceState.STOPPED);
            assertThat(cam.pid()).isEqualTo(-1);
            mic.stop();
            assertThat(group.size()).isZero();
            until("the shared thread ends with its last source", () -> !threadNames().contains("capture-test"));
        }
    }

    private static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) names.add(t.getName());
        return names;
    }

    private static void put(byte[] b, int at, short v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    /** Each stereo frame is (k, -k) and k steps by one, wrapping from 99 to 0 between passes. */
    private static void assertRamp(short[] w) {
        for (int i = 0; i < w.length; i += 2) {
            assertThat(w[i + 1]).isEqualTo((short) -w[i]);
            if (i > 0) assertThat(w[i]).isEqualTo((short) ((w[i - 2] + 1) % 100));
        }
    }

    @Test
    void commandLinesSplitOnBlanksHonourQuotesAndFillPlaceholders() {
        List<String> c = CommandLine.parse("sh -c 'cat /tmp/x > {out}' \"a b\" {rate}Hz",
                Map.of("out", "/dev/null", "rate", "16000"));
        assertThat(c).containsExactly("sh", "-c", "cat /tmp/x > /dev/null", "a b", "16000Hz");
    }
}
