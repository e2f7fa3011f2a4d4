package org.ev3cortex.robot.media;

import java.util.List;
import java.util.Map;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.ThreadedMicrophone;

/**
 * The brick's microphone: {@code arecord} (or any command) writing raw S16_LE interleaved samples
 * to stdout, appended chunk by chunk to the ring. Restarts with back-off like the camera.
 */
public final class CommandMicrophone extends ThreadedMicrophone {
    private final ChildProcess child;
    private final byte[] raw;
    private int filled; // bytes of the chunk being polled in (shared capture thread)

    public CommandMicrophone(String commandLine, String device, int sampleRateHz, int channels, int chunkFrames,
                             int ringFrames, Clock clock, long minBackoffMs, long maxBackoffMs) {
        super("microphone", clock, sampleRateHz, channels, chunkFrames, ringFrames, minBackoffMs, maxBackoffMs);
        this.raw = new byte[chunkFrames * channels * 2];
        this.child = new ChildProcess(CommandLine.parse(commandLine, Map.of(
                "device", device,
                "rate", Integer.toString(sampleRateHz),
                "channels", Integer.toString(channels))));
    }

    public List<String> command() {
        return child.command();
    }

    /** The running command's pid, or -1. */
    public long pid() {
        return child.pid();
    }

    @Override
    protected void openDevice() throws Exception {
        filled = 0;
        child.start();
    }

    @Override
    protected void capture(short[] into) throws Exception {
        child.readFully(raw, 0, raw.length);
        toSamples(into);
    }

    @Override
    protected boolean pollable() {
        return true;
    }

    /** Whatever of the chunk the pipe holds; true once the chunk is whole. */
    @Override
    protected boolean poll(short[] into) throws Exception {
        filled = child.fillAvailable(raw, filled);
        if (filled < raw.length) return false;
        filled = 0;
        toSamples(into);
        return true;
    }

    private void toSamples(short[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = (short) ((raw[2 * i] & 0xff) | (raw[2 * i + 1] << 8)); // little-endian
        }
    }

    @Override
    protected void closeDevice() {
        child.destroy();
    }
}
