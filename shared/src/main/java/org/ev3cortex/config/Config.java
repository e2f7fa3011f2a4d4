package org.ev3cortex.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, fully validated snapshot of every key's effective value and where it came from.
 *
 * <p>A running agent holds one snapshot and swaps in a new one whole, between two ticks; a
 * snapshot is never edited. Read values when a config is applied (to size buffers and build
 * lookup tables), not in the per-tick path: {@link #get} boxes.
 */
public final class Config {
    private final Schema schema;
    private final Map<String, Object> values;
    private final Map<String, Origin> origins;
    private final List<Path> files;

    Config(Schema schema, Map<String, Object> values, Map<String, Origin> origins, List<Path> files) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        this.files = List.copyOf(files);
    }

    /** Every key at its declared default. */
    public static Config defaults(Schema schema) {
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, Origin> o = new LinkedHashMap<>();
        for (Key<?> k : schema.keys()) {
            v.put(k.name(), k.defaultValue());
            o.put(k.name(), Origin.DEFAULT);
        }
        return new Config(schema, v, o, List.of());
    }

    public <T> T get(Key<T> key) {
        Object v = values.get(key.name());
        if (v == null) {
            throw new IllegalArgumentException("key not in this config's schema: " + key.name());
        }
        return key.javaType().cast(v);
    }

    public int getInt(Key<Integer> key) { return get(key); }
    public double getDouble(Key<Double> key) { return get(key); }
    public boolean getBool(Key<Boolean> key) { return get(key); }

    public Origin origin(Key<?> key) {
        return origins.get(key.name());
    }

    public Schema schema() {
        return schema;
    }

    /** The files this snapshot was read from, in layer order. */
    public List<Path> files() {
        return files;
    }

    /** The keys whose value differs between this snapshot and {@code other}. */
    public List<Key<?>> changedKeys(Config other) {
        List<Key<?>> out = new ArrayList<>();
        for (Key<?> k : schema.keys()) {
            if (!Objects.equals(values.get(k.name()), other.values.get(k.name()))) {
                out.add(k);
            }
        }
        return out;
    }

    /** A copy with one value replaced, validated like a file value; for tests and tools. */
    public <T> Config with(Key<T> key, T value) throws ConfigException {
        Map<String, Object> v = new LinkedHashMap<>(values);
        Map<String, Origin> o = new LinkedHashMap<>(origins);
        v.put(key.name(), value);
        o.put(key.name(), Origin.override("code"));
        Config c = new Config(schema, v, o, files);
        try {
            key.parse(key.format(value));
        } catch (BadValueException e) {
            throw new ConfigException(List.of(new ConfigError(Origin.override("code"), key.name(), e.getMessage())));
        }
        List<ConfigError> errors = c.checkRules();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return c;
    }

    List<ConfigError> checkRules() {
        List<ConfigError> errors = new ArrayList<>();
        for (Schema.Rule r : schema.rules()) {
            String problem = r.check(this);
            if (problem != null) {
                Key<?> blame = r.blameIn(this);
                errors.add(new ConfigError(origin(blame), blame.name(), problem));
            }
        }
        return errors;
    }

    /**
     * Every effective value with its layer, one per line, as {@code --print-config} shows it:
     * {@code key = value    # origin}.
     */
    public String describe() {
        // Comments line up after the longest short line; a line that would pass 100 columns gets
        // its comment on the line above, and a long value is wrapped with properties-file
        // continuations, so the output still loads as a config file.
        int width = 0;
        for (Key<?> k : schema.keys()) {
            int len = k.name().length() + 3 + k.format(values.get(k.name())).length();
            if (len <= DESCRIBE_ALIGN_MAX) width = Math.max(width, len);
        }
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        String section = null;
        for (Key<?> k : schema.keys()) {
            if (!k.section().equals(section)) {
                section = k.section();
                sb.append(sb.length() == 0 ? "" : nl).append("# ").append(section).append(nl);
            }
            String kv = k.name() + " = " + k.format(values.get(k.name()));
            String comment = "# " + origins.get(k.name()) + (k.restartOnly() ? " (restart-only)" : "");
            if (kv.length() <= width && width + 2 + comment.length() <= DESCRIBE_WIDTH) {
                sb.append(kv);
                for (int i = kv.length(); i < width + 2; i++) sb.append(' ');
                sb.append(comment).append(nl);
            } else {
                sb.append(comment).append(nl);
                appendWrapped(sb, kv, nl);
            }
        }
        return sb.toString();
    }

    static final int DESCRIBE_WIDTH = 100;
    private static final int DESCRIBE_ALIGN_MAX = 60;

    /** Breaks after a blank, ending each line but the last with a continuation backslash. */
    private static void appendWrapped(StringBuilder sb, String kv, String nl) {
        String indent = "";
        String rest = kv;
        while (indent.length() + rest.length() > DESCRIBE_WIDTH) {
            int limit = DESCRIBE_WIDTH - 2 - indent.length();
            int cut = rest.lastIndexOf(' ', limit);
            if (cut <= 0) break;
            sb.append(indent).append(rest, 0, cut + 1).append('\\').append(nl);
            rest = rest.substring(cut + 1);
            indent = "    ";
        }
        sb.append(indent).append(rest).append(nl);
    }
}
