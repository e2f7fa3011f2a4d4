package org.ev3cortex.robot.fake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The emulator's side of one attribute file. It overwrites in place (write at 0, then truncate),
 * never by rename: the driver holds the file open and would keep reading a stale inode.
 */
final class FakeFile {
    final Path path;
    private final FileChannel ch;
    private final ByteBuffer in = ByteBuffer.allocate(512);
    private String current = null;

    FakeFile(Path path, String initial) throws IOException {
        this.path = path;
        this.ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        set(initial);
    }

    /** Writes a value unless it is already there (so an idle tree does not churn). */
    synchronized void set(String value) throws IOException {
        if (value.equals(current)) return;
        setRaw(value + "\n");
        current = value;
    }

    /** Writes exact bytes (tests use this for garbage). */
    synchronized void setRaw(String raw) throws IOException {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.wrap(b);
        int pos = 0;
        while (buf.hasRemaining()) pos += ch.write(buf, pos);
        ch.truncate(b.length);
        current = null;
    }

    /** The first line, as the kernel would parse a write. */
    synchronized String get() throws IOException {
        in.clear();
        int n = Math.max(0, ch.read(in, 0));
        String s = new String(in.array(), 0, n, StandardCharsets.ISO_8859_1);
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    void close() {
        try {
            ch.close();
        } catch (IOException ignored) {
            // test scaffolding
        }
    }
}
