package org.ev3cortex.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every problem found in one load, reported together. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(format(errors));
        this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(List<ConfigError> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(errors.size() == 1 ? " configuration error" : " configuration errors");
        for (ConfigError e : errors) {
            sb.append(System.lineSeparator()).append("  ").append(e);
        }
        return sb.toString();
    }
}
