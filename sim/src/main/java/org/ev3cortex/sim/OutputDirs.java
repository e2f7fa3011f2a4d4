package org.ev3cortex.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An output directory checked (and made) before any work, so a bad one fails in a second, not after the run. */
public final class OutputDirs {
    private OutputDirs() {}

    /** Creates {@code dir} if needed; returns a one-line problem naming {@code option} and the path, or null. */
    public static String problem(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + ": " + option + " names an existing file; it must be a directory";
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return dir + ": " + option + " directory cannot be created (" + reason(e) + ")";
        }
        if (!Files.isWritable(dir)) return dir + ": " + option + " directory is not writable";
        return null;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way: " + e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied: " + e.getMessage();
        return e.getMessage();
    }
}
