package org.ev3cortex.deploy;

/**
 * Builds remote {@code /bin/sh} command text from untrusted pieces (file names, paths, JVM flags
 * from properties) without shell injection: every piece is single-quoted, and text that cannot be
 * carried safely (control characters) is rejected with a clear message.
 *
 * <p>Written by hand: POSIX single quoting is four lines and no SSH library exposes it.
 */
public final class Shell {
    private Shell() {}

    /** {@code it's} becomes {@code 'it'\''s'}: inside single quotes only the quote itself is special. */
    public static String quote(String s) {
        checkPrintable(s, "a remote command argument");
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Rejects NUL, newlines and other control characters, which no brick file name needs. */
    public static String checkPrintable(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " contains a control character (code " + (int) c
                        + ") and cannot be used safely on the brick: " + s.replaceAll("\\p{Cntrl}", "?"));
            }
        }
        return s;
    }

    /** A file name for the brick: one path segment, printable, not "." or "..". */
    public static String checkFileName(String name) {
        checkPrintable(name, "file name");
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        return name;
    }
}
