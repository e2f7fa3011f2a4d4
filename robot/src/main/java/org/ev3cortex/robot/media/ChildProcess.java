package org.ev3cortex.robot.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A capture subprocess whose stdout carries raw media (ffmpeg, arecord, or a simulator's FIFO
 * reader). Its stderr goes to ours, so its complaints land in the brick's log.
 */
final class ChildProcess {
    private final List<String> command;
    private volatile Process process;
    private InputStream stdout;

    ChildProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    List<String> command() {
        return command;
    }

    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close(); // the child gets EOF on stdin: ffmpeg must not wait for keys
        stdout = p.getInputStream();
        process = p;
    }

    /** Fills {@code buf[off, off+len)} completely, or throws naming how the child ended. */
    void readFully(byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = stdout.read(buf, off + done, len - done);
            if (n < 0) throw new IOException(ended(done));
            done += n;
        }
    }

    /**
     * Adds to {@code buf[0, filled)} what the child has already written, up to {@code buf.length},
     * without waiting for more, and returns the new fill; {@code buf.length} means the frame is
     * whole. Throws, naming how the child ended, once it has ended and all it wrote is read.
     */
    int fillAvailable(byte[] buf, int filled) throws IOException {
        int n;
        while (filled < buf.length && (n = readAvailable(buf, filled, buf.length - filled, filled)) > 0) filled += n;
        return filled;
    }

    /**
     * Reads what the child has already written, up to {@code len} bytes: 0 when nothing is ready
     * and the child still runs.
     *
     * @param partial bytes of the current frame already read, for the message
     */
    private int readAvailable(byte[] buf, int off, int len, int partial) throws IOException {
        int ready = stdout.available();
        if (ready > 0) {
            int n = stdout.read(buf, off, Math.min(ready, len));
            if (n < 0) throw new IOException(ended(partial));
            return n;
        }
        Process p = process;
        if (p != null && p.isAlive()) return 0;
        int n = stdout.read(buf, off, len); // the child is gone: what is left, then end of stream
        if (n < 0) throw new IOException(ended(partial));
        return n;
    }

    private String ended(int partial) {
        Process p = process;
        String how = "still running";
        if (p != null) {
            try {
                if (p.waitFor(200, TimeUnit.MILLISECONDS)) how = "exit code " + p.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return "'" + command.get(0) + "' closed its output (" + how + ")"
                + (partial > 0 ? " in the middle of a frame (" + partial + " bytes)" : "");
    }

    /** The child's pid, or -1 when none runs. */
    long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /** Ends the child and its descendants. Safe from any thread, and when nothing runs. */
    void destroy() {
        Process p = process;
        process = null;
        if (p == null) return;
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            p.getInputStream().close();
        } catch (IOException ignored) {
            // the pipe is gone with the child
        }
    }
}
