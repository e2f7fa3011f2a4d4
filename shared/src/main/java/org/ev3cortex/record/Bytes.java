package org.ev3cortex.record;

import java.nio.charset.StandardCharsets;

/**
 * A growable little-endian byte buffer, reused by the writer thread (MCAP is little-endian
 * throughout). It grows to the largest record it has held and then stays that size.
 */
final class Bytes {
    byte[] a;
    int n;

    Bytes(int capacity) {
        a = new byte[Math.max(16, capacity)];
    }

    void clear() {
        n = 0;
    }

    void ensure(int more) {
        if (n + more > a.length) {
            byte[] b = new byte[Math.max(a.length * 2, n + more)];
            System.arraycopy(a, 0, b, 0, n);
            a = b;
        }
    }

    void u8(int v) {
        ensure(1);
        a[n++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        a[n++] = (byte) v;
        a[n++] = (byte) (v >>> 8);
    }

    void u32(long v) {
        ensure(4);
        setU32(n, v);
        n += 4;
    }

    void u64(long v) {
        ensure(8);
        setU64(n, v);
        n += 8;
    }

    void setU32(int at, long v) {
        for (int i = 0; i < 4; i++) a[at + i] = (byte) (v >>> (8 * i));
    }

    void setU64(int at, long v) {
        for (int i = 0; i < 8; i++) a[at + i] = (byte) (v >>> (8 * i));
    }

    void raw(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, a, n, len);
        n += len;
    }

    /** An ASCII byte, for the JSON encoder. */
    void ascii(char c) {
        ensure(1);
        a[n++] = (byte) c;
    }

    void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) a[n++] = (byte) s.charAt(i);
    }

    /** An MCAP string: uint32 byte length, then UTF-8. */
    void str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        raw(b, 0, b.length);
    }

    /** Opens a record: opcode and a length to patch; returns where its content starts. */
    int begin(int opcode) {
        u8(opcode);
        u64(0);
        return n;
    }

    /** Patches the length of the record opened at {@code contentStart}. */
    void end(int contentStart) {
        setU64(contentStart - 8, n - contentStart);
    }
}
