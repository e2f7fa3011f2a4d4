package org.ev3cortex.record;

/**
 * A small JSON encoder into a reused {@link Bytes}, for the writer thread. Doubles use
 * {@link Double#toString}, which reads back to the same bit pattern; NaN and infinities, which
 * JSON lacks, are written as null. Byte payloads are base64, as Foxglove reads bytes in JSON.
 */
final class JsonOut {
    private static final char[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    final Bytes b = new Bytes(1 << 16);
    private final boolean[] first = new boolean[32];
    private int depth;

    JsonOut reset() {
        b.clear();
        depth = 0;
        first[0] = true;
        return this;
    }

    private void sep() {
        if (!first[depth]) b.ascii(',');
        first[depth] = false;
    }

    JsonOut open() {
        sep();
        b.ascii('{');
        first[++depth] = true;
        return this;
    }

    JsonOut close() {
        b.ascii('}');
        depth--;
        return this;
    }

    JsonOut openArray() {
        sep();
        b.ascii('[');
        first[++depth] = true;
        return this;
    }

    JsonOut closeArray() {
        b.ascii(']');
        depth--;
        return this;
    }

    /** A key inside an object; the value follows. */
    JsonOut key(String k) {
        sep();
        string(k);
        b.ascii(':');
        first[depth] = true; // the value needs no comma
        return this;
    }

    private void string(String s) {
        b.ascii('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.ascii('\\');
                b.ascii(c);
            } else if (c < 0x20) {
                b.ascii(String.format("\\u%04x", (int) c));
            } else if (c < 0x80) {
                b.ascii(c);
            } else {
                // A whole code point: a surrogate pair encoded alone would become '?'.
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                byte[] u = McapWriter.utf8(s.substring(i, end));
                b.raw(u, 0, u.length);
                i = end - 1;
            }
        }
        b.ascii('"');
    }

    JsonOut value(String s) {
        sep();
        string(s);
        first[depth] = false;
        return this;
    }

    JsonOut value(long v) {
        sep();
        b.ascii(Long.toString(v));
        first[depth] = false;
        return this;
    }

    JsonOut value(double v) {
        sep();
        b.ascii(Double.isFinite(v) ? Double.toString(v) : "null");
        first[depth] = false;
        return this;
    }

    JsonOut value(boolean v) {
        sep();
        b.ascii(v ? "true" : "false");
        first[depth] = false;
        return this;
    }

    JsonOut base64(byte[] src, int off, int len) {
        sep();
        b.ascii('"');
        b.ensure((len + 2) / 3 * 4);
        byte[] a = b.a;
        int n = b.n;
        int i = off;
        int end = off + len;
        for (; i + 2 < end; i += 3) {
            int v = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            a[n++] = (byte) B64[v >>> 18];
            a[n++] = (byte) B64[(v >>> 12) & 63];
            a[n++] = (byte) B64[(v >>> 6) & 63];
            a[n++] = (byte) B64[v & 63];
        }
        if (i < end) {
            int v = (src[i] & 0xFF) << 16 | (i + 1 < end ? (src[i + 1] & 0xFF) << 8 : 0);
            a[n++] = (byte) B64[v >>> 18];
            a[n++] = (byte) B64[(v >>> 12) & 63];
            a[n++] = i + 1 < end ? (byte) B64[(v >>> 6) & 63] : (byte) '=';
            a[n++] = '=';
        }
        b.n = n;
        b.ascii('"');
        first[depth] = false;
        return this;
    }

    /** {@code "timestamp":{"sec":..,"nsec":..}}, Foxglove's time. */
    JsonOut timestamp(long nanos) {
        key("timestamp").open().key("sec").value(nanos / 1_000_000_000L).key("nsec").value(nanos % 1_000_000_000L).close();
        return this;
    }
}
