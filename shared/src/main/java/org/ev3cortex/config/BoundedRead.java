package org.ev3cortex.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole file with a size limit. The file's reported size is not trusted ({@code /dev/zero}
 * and pipes report 0): at most {@code limit + 1} bytes are read, and more than {@code limit} is
 * refused with "too large (limit N bytes)" instead of growing until the heap runs out.
 */
public final class BoundedRead {
    /** Config and world files: a hand-written properties file is a few kB. */
    public static final int CONFIG_LIMIT = 1 << 20;

    private BoundedRead() {}

    /** A file over the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        public TooLargeException(long limit) {
            super("too large (limit " + limit + " bytes)");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    public static byte[] read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(limit + 1);
            if (b.length > limit) throw new TooLargeException(limit);
            return b;
        }
    }
}
