package org.ev3cortex.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the laptop's files, made before connecting. */
final class LocalFiles {
    private LocalFiles() {}

    static void requireFile(Path p, String option) {
        if (Files.isDirectory(p)) throw new BadInputException(p + ": " + option + " names a directory, not a file");
        if (!Files.exists(p)) throw new BadInputException(p + ": file not found (" + option + "; absolute path: " + p.toAbsolutePath() + ")");
        if (!Files.isReadable(p)) throw new BadInputException(p + ": cannot read the file (" + option + "): permission denied");
        if (!Files.isRegularFile(p)) throw new BadInputException(p + ": not a regular file (" + option + ")");
    }
}
