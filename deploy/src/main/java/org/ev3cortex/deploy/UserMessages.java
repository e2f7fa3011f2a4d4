package org.ev3cortex.deploy;

import java.util.List;
import java.util.regex.Pattern;

/** What a user sees of an error: no exception class names, no secrets they typed. */
final class UserMessages {
    private UserMessages() {}

    /** e.g. {@code com.jcraft.jsch.JSchException: } or {@code java.net.UnknownHostException: }. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

    static String clean(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = e.getCause();
            m = c != null && c.getMessage() != null ? c.getMessage() : "unexpected failure (" + kind(e) + ")";
        }
        return clean(m);
    }

    static String clean(String message) {
        String m = CLASS_NAME.matcher(message).replaceAll("").trim();
        return m.isEmpty() ? "unexpected failure" : m;
    }

    /** A class name a user can read: {@code NullPointerException} as "null pointer". */
    private static String kind(Throwable e) {
        return e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The values given to {@code --password} (which takes none), so a message can hide them. */
    static List<String> passwordValues(String... args) {
        List<String> secrets = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--password=")) secrets.add(a.substring("--password=".length()));
            else if (a.equals("--password") && i + 1 < args.length && !args[i + 1].startsWith("-")) secrets.add(args[i + 1]);
        }
        secrets.removeIf(String::isEmpty);
        return secrets;
    }

    static String hide(String message, List<String> secrets) {
        String m = message;
        for (String s : secrets) m = m.replace(s, "(value hidden)");
        return m;
    }
}
