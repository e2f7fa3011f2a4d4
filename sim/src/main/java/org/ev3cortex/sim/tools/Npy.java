package org.ev3cortex.sim.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes numpy's {@code .npy} format (version 1.0), float32 little-endian, C order, so
 * {@code numpy.load} reads what V1 and A1 made. Hand-written: the format is a 10-byte preamble and
 * a Python-literal header, and no Maven Central library writes it without a large dependency.
 */
public final class Npy {
    private Npy() {}

    public static void write(Path file, float[] data, int... shape) throws IOException {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != data.length) throw new IllegalArgumentException("shape has " + n + " elements, data " + data.length);
        StringBuilder dims = new StringBuilder();
        for (int d : shape) dims.append(d).append(", ");
        if (shape.length > 1) dims.setLength(dims.length() - 2);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        // Pad with spaces and end with a newline so the data starts on a 64-byte boundary.
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        pre.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        pre.putShort((short) header.length());
        ByteBuffer body = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(data);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(10 + header.length() + body.capacity());
        out.write(pre.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(body.array());
        org.ev3cortex.sim.report.AtomicWrite.bytes(file, out.toByteArray());
    }
}
