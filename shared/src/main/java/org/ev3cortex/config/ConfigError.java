package org.ev3cortex.config;

/**
 * One problem found while loading configuration. Its text always starts with where the problem
 * is ({@code file:line}) and names the key, so that a user can jump straight to it.
 */
public final class ConfigError {
    private final Origin origin;
    private final String key;
    private final String message;

    public ConfigError(Origin origin, String key, String message) {
        this.origin = origin;
        this.key = key;
        this.message = message;
    }

    public Origin origin() { return origin; }
    /** The key concerned, or null when the problem is the file itself (missing, unreadable). */
    public String key() { return key; }
    public String message() { return message; }

    @Override
    public String toString() {
        return origin + ": " + (key == null ? "" : key + ": ") + message;
    }
}
