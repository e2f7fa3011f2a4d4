package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One sysfs attribute, opened once and re-read with positional reads into a reused buffer.
 *
 * <p>Why by hand: ev3dev-lang-java reopens the file for every read (100+ ms per loop on the
 * brick), and {@code Files.readString} allocates. A positional read at offset 0 makes sysfs
 * regenerate the value (seq_file restarts at 0), costs one {@code pread} and allocates nothing.
 *
 * <p>Only the first line counts: the kernel writes one line, and the fake tree overwrites in
 * place, so anything after the first newline is left over from a longer old value.
 *
 * <p>Writes to a regular attribute ({@code speed_sp}) are positional at 0; writes to a stream
 * attribute ({@code command}, write-only in ev3dev) are sequential, which sysfs treats the same
 * way (it ignores the offset) and which lets the fake tree make {@code command} a FIFO, so its
 * emulator sees every command once and in order, as the kernel does.
 */
public final class Attribute implements AutoCloseable {
    /** The longest value we read ({@code modes}, {@code commands}) is well under this. */
    private static final int CAPACITY = 512;

    private final Path path;
    private final FileChannel channel;
    private final boolean stream;
    private final ByteBuffer in;
    private final byte[] bytes;
    private final ByteBuffer out = ByteBuffer.allocate(64);
    private int length;

    private Attribute(Path path, FileChannel channel, boolean stream, boolean readable) {
        this.path = path;
        this.channel = channel;
        this.stream = stream;
        this.in = readable ? ByteBuffer.allocate(CAPACITY) : null;
        this.bytes = readable ? in.array() : null;
    }

    /** Opens a readable attribute (and writable when {@code write}). */
    public static Attribute open(Path path, boolean write) throws IOException {
        FileChannel ch = write
                ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ);
        return new Attribute(path, ch, false, true);
    }

    /** Opens a write-only attribute such as {@code command}. */
    public static Attribute openWriteOnly(Path path) throws IOException {
        boolean stream = !Files.isRegularFile(path);
        return new Attribute(path, FileChannel.open(path, StandardOpenOption.WRITE), stream, false);
    }

    public Path path() {
        return path;
    }

    /** Re-reads the value; returns the length of its first line. */
    public int read() throws IOException {
        in.clear();
        int n = channel.read(in, 0);
        if (n < 0) n = 0;
        int len = 0;
        while (len < n && bytes[len] != '\n') len++;
        length = len;
        return n == CAPACITY && len == n ? -1 : len;
    }

    /** Re-reads and parses a decimal integer; rejects empty, non-numeric and overflowing text. */
    public int readInt() throws IOException, GarbageValueException {
        if (read() < 0) throw garbage("value longer than " + CAPACITY + " bytes");
        return parseInt(0, length);
    }

    /** {@link #readInt()} and a range check, both ends inclusive. */
    public int readInt(int min, int max) throws IOException, GarbageValueException {
        int v = readInt();
        if (v < min || v > max) throw garbage(v + " is outside [" + min + ", " + max + "]");
        return v;
    }

    private int parseInt(int from, int to) throws GarbageValueException {
        if (from >= to) throw garbage("empty value where a number was expected");
        int i = from;
        boolean negative = bytes[i] == '-';
        if (negative) i++;
        if (i >= to) throw garbage("'" + text() + "' is not a number");
        long v = 0;
        for (; i < to; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) throw garbage("'" + text() + "' is not an integer");
            v = v * 10 + d;
            if (v > 1L + Integer.MAX_VALUE) throw garbage("'" + text() + "' overflows an int");
        }
        if (negative) v = -v;
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw garbage("'" + text() + "' overflows an int");
        return (int) v;
    }

    /**
     * Re-reads a motor {@code state} (a space-separated subset of running ramping holding
     * overloaded stalled; empty when idle) into {@link org.ev3cortex.body.MotorState} bits.
     * Unknown words are garbage: a kernel that says something new must not be read as "idle".
     */
    public int readMotorFlags() throws IOException, GarbageValueException {
        if (read() < 0) throw garbage("value longer than " + CAPACITY + " bytes");
        int bits = 0;
        int i = 0;
        while (i < length) {
            while (i < length && bytes[i] == ' ') i++;
            int start = i;
            while (i < length && bytes[i] != ' ') i++;
            if (i > start) {
                int flag = org.ev3cortex.body.MotorState.flagOf(bytes, start, i - start);
                if (flag == 0) throw garbage("'" + text() + "' is not a motor state");
                bits |= flag;
            }
        }
        return bits;
    }

    private boolean equalsAt(int start, int len, String word) {
        if (len != word.length()) return false;
        for (int j = 0; j < len; j++) {
            if (bytes[start + j] != word.charAt(j)) return false;
        }
        return true;
    }

    /** True when the last read's first line is exactly {@code s}. */
    public boolean lastEquals(String s) {
        return equalsAt(0, length, s) ;
    }

    /** Re-reads the value as text (allocates: start-up and error paths only). */
    public String readText() throws IOException {
        if (read() < 0) return text();
        return text();
    }

    /** The last read's first line (allocates). */
    public String text() {
        return ascii(bytes, length);
    }

    /** Bytes as text, one char each (sysfs is ASCII); avoids loading every standard charset. */
    static String ascii(byte[] b, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) c[i] = (char) (b[i] & 0xff);
        return new String(c);
    }

    public void write(String value) throws IOException {
        out.clear();
        for (int i = 0; i < value.length(); i++) out.put((byte) value.charAt(i));
        flush();
    }

    public void writeInt(int value) throws IOException {
        out.clear();
        if (value == 0) {
            out.put((byte) '0');
        } else {
            long v = value;
            if (v < 0) {
                out.put((byte) '-');
                v = -v;
            }
            int start = out.position();
            while (v > 0) {
                out.put((byte) ('0' + (int) (v % 10)));
                v /= 10;
            }
            byte[] a = out.array();
            for (int l = start, r = out.position() - 1; l < r; l++, r--) {
                byte t = a[l];
                a[l] = a[r];
                a[r] = t;
            }
        }
        flush();
    }

    private void flush() throws IOException {
        out.put((byte) '\n');
        out.flip();
        if (stream) {
            while (out.hasRemaining()) channel.write(out);
        } else {
            int pos = 0;
            while (out.hasRemaining()) pos += channel.write(out, pos);
        }
    }

    public GarbageValueException garbage(String why) {
        return new GarbageValueException(path, why);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a sysfs file cannot lose data
        }
    }
}
