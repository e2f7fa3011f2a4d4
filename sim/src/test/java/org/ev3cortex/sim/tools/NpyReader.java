package org.ev3cortex.sim.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deliberately separate, strict reader of .npy v1.0 float32 files, for the tests. */
final class NpyReader {
    final int[] shape;
    final float[] data;

    private NpyReader(int[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    static NpyReader read(Path p) throws IOException {
        byte[] all = Files.readAllBytes(p);
        if ((all[0] & 0xff) != 0x93 || !new String(all, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException("bad magic");
        }
        if (all[6] != 1 || all[7] != 0) throw new IOException("not version 1.0");
        int headerLen = (all[8] & 0xff) | (all[9] & 0xff) << 8;
        if ((10 + headerLen) % 64 != 0) throw new IOException("data not 64-byte aligned");
        String header = new String(all, 10, headerLen, StandardCharsets.US_ASCII);
        if (!header.endsWith("\n")) throw new IOException("header does not end in a newline");
        if (!header.contains("'descr': '<f4'")) throw new IOException("not <f4: " + header);
        if (!header.contains("'fortran_order': False")) throw new IOException("not C order: " + header);
        Matcher m = Pattern.compile("'shape': \\(([0-9, ]*)\\)").matcher(header);
        if (!m.find()) throw new IOException("no shape: " + header);
        String[] parts = m.group(1).split(",");
        int count = 0;
        for (String s : parts) if (!s.isBlank()) count++;
        int[] shape = new int[count];
        int i = 0;
        long n = 1;
        for (String s : parts) {
            if (s.isBlank()) continue;
            shape[i] = Integer.parseInt(s.trim());
            n *= shape[i++];
        }
        int offset = 10 + headerLen;
        if (all.length - offset != 4 * n) throw new IOException("expected " + 4 * n + " data bytes, found " + (all.length - offset));
        float[] data = new float[(int) n];
        ByteBuffer.wrap(all, offset, all.length - offset).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return new NpyReader(shape, data);
    }
}
