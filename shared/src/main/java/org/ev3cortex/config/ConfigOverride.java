package org.ev3cortex.config;


/** One {@code key=value} given outside the files: a {@code -D} system property or a {@code --set}. */
public final class ConfigOverride {
    private final String key;
    private final String value;
    private final String label;

    public ConfigOverride(String key, String value, String label) {
        this.key = key;
        this.value = value;
        this.label = label;
    }

    public String key() { return key; }
    public String value() { return value; }
    /** How the layer is shown, e.g. {@code -D} or {@code --set}. */
    public String label() { return label; }

    /** Parses {@code key=value}; the value may be empty, the key may not. */
    public static ConfigOverride parse(String keyEqualsValue, String label) {
        int eq = keyEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(label + " needs key=value, got '" + keyEqualsValue + "'");
        }
        return new ConfigOverride(keyEqualsValue.substring(0, eq).trim(), keyEqualsValue.substring(eq + 1), label);
    }
}
