package org.ev3cortex.sim.tools.predict;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} stack of frames, shape {@code (frames, height, width)} or
 * {@code (height, width)}, dtype little-endian float32 ({@code <f4}) or uint8 ({@code |u1},
 * scaled to [0, 1]), C order. Hand-written: the format is a short text header and raw data, and
 * no Maven Central library reads it without pulling in a larger stack.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** A stack of frames. */
    public static final class Frames {
        public final int count;
        public final int height;
        public final int width;
        /** Frame k is {@code data[k * height * width ..]}, row-major. */
        public final float[] data;

        Frames(int count, int height, int width, float[] data) {
            this.count = count;
            this.height = height;
            this.width = width;
            this.data = data;
        }
    }

    private NpyReader() {}

    /** The largest .npy read (a stream of 12 x 8 x 12 float32 frames is 4.6 kB per frame). */
    static final int LIMIT = 512 << 20;

    public static Frames read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = org.ev3cortex.config.BoundedRead.read(file, LIMIT);
        } catch (org.ev3cortex.config.BoundedRead.TooLargeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (bytes.length < 10 || (bytes[0] & 0xFF) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int dataStart;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xFFFF;
            dataStart = 10 + headerLen;
        } else if (major == 2 || major == 3) {
            headerLen = bb.getInt(8);
            dataStart = 12 + headerLen;
        } else {
            throw new IOException(file + ": unsupported .npy version " + major);
        }
        String header = new String(bytes, dataStart - headerLen, headerLen, StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, file, "descr");
        if ("True".equals(find(FORTRAN, header, file, "fortran_order"))) {
            throw new IOException(file + ": Fortran-order arrays are not supported; save with np.ascontiguousarray");
        }
        String[] dims = find(SHAPE, header, file, "shape").split(",");
        long[] shape = new long[3];
        int nd = 0;
        for (String d : dims) {
            if (d.trim().isEmpty()) continue;
            if (nd == 3) throw new IOException(file + ": expected 2 or 3 dimensions, header " + header.trim());
            shape[nd++] = Long.parseLong(d.trim());
        }
        if (nd < 2) throw new IOException(file + ": expected (frames, height, width) or (height, width), header " + header.trim());
        int count = nd == 3 ? (int) shape[0] : 1;
        int height = (int) shape[nd - 2];
        int width = (int) shape[nd - 1];
        long n = (long) count * height * width;
        if (n > Integer.MAX_VALUE) throw new IOException(file + ": too large");
        float[] data = new float[(int) n];
        bb.position(dataStart);
        switch (descr) {
            case "<f4":
                need(bytes, dataStart, n * 4, file);
                bb.asFloatBuffer().get(data);
                break;
            case "|u1":
            case "<u1":
                need(bytes, dataStart, n, file);
                for (int i = 0; i < n; i++) data[i] = (bytes[dataStart + i] & 0xFF) / 255f;
                break;
            default:
                throw new IOException(file + ": dtype " + descr + " is not supported; use float32 (<f4) or uint8");
        }
        return new Frames(count, height, width, data);
    }

    private static void need(byte[] bytes, int start, long len, Path file) throws IOException {
        if (bytes.length - start < len) {
            throw new IOException(file + ": truncated: header promises " + len + " data bytes, file has " + (bytes.length - start));
        }
    }

    private static String find(Pattern p, String header, Path file, String what) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IOException(file + ": .npy header has no " + what + ": " + header.trim());
        return m.group(1);
    }
}
