package org.ev3cortex.deploy;

import java.io.Console;
import java.util.Arrays;

/**
 * Secrets for SSH: a password (only when asked for with {@code --password}) and a key passphrase.
 * They come from the environment or a no-echo prompt, never from properties, and are never logged
 * or printed.
 */
final class Credentials {
    static final String PASSWORD_ENV = "EV3CORTEX_SSH_PASSWORD";
    static final String PASSPHRASE_ENV = "EV3CORTEX_KEY_PASSPHRASE";

    private Credentials() {}

    /** The password from the environment, else a prompt; null without a console. */
    static char[] password(String who) {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isEmpty()) return env.toCharArray();
        return prompt("Password for " + who + ": ");
    }

    static char[] passphrase(String keyFile) {
        String env = System.getenv(PASSPHRASE_ENV);
        if (env != null && !env.isEmpty()) return env.toCharArray();
        return prompt("Passphrase for " + keyFile + ": ");
    }

    private static char[] prompt(String text) {
        Console c = System.console();
        if (c == null) return null;
        return c.readPassword("%s", text);
    }

    static void wipe(char[] secret) {
        if (secret != null) Arrays.fill(secret, '\0');
    }
}
