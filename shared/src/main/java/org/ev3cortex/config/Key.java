package org.ev3cortex.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One declared configuration key: its name, type, default, unit, allowed range or choices, a
 * one-line doc, and whether it can change while the agent runs.
 *
 * <p>Keys are declared once, in the {@code *Keys} classes listed by {@code org.ev3cortex.agent.AgentSchema},
 * and are immutable. Parsing a raw value never touches global state, so a key can validate a
 * file without applying it.
 *
 * @param <T> the Java type of the parsed value
 */
public final class Key<T> {

    /** The value kinds a properties file can hold. */
    public enum Kind { INT, DOUBLE, BOOLEAN, STRING, CHOICE }

    private final String name;
    private final Kind kind;
    private final Class<T> javaType;
    private final T defaultValue;
    private final String unit;
    private final double min;
    private final double max;
    private final List<String> choices;
    private final String doc;
    private final boolean restartOnly;
    private final boolean allowEmpty;
    private final java.util.function.Function<String, String> syntax;

    private Key(Builder<T> b) {
        this.name = b.name;
        this.kind = b.kind;
        this.javaType = b.javaType;
        this.unit = b.unit;
        this.min = b.min;
        this.max = b.max;
        this.choices = Collections.unmodifiableList(new ArrayList<>(b.choices));
        this.doc = Objects.requireNonNull(b.doc, "key has no doc");
        this.restartOnly = b.restartOnly;
        this.allowEmpty = b.allowEmpty;
        this.syntax = b.syntax;
        this.defaultValue = Objects.requireNonNull(b.defaultValue, "key has no default");
        if (!validName(name)) {
            throw new IllegalArgumentException("key name must be dotted lowerCamel segments: " + name);
        }
        // A default outside its own range is a programming error; fail at class-load time.
        try {
            parse(format(defaultValue));
        } catch (BadValueException e) {
            throw new IllegalStateException("default of " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Dotted lowerCamel segments, at least two: {@code agent.periodMs}. Checked by hand rather
     * than with a regex, which would load java.util.regex on the brick before the first tick.
     */
    static boolean validName(String n) {
        int segments = 0;
        int i = 0;
        while (i <= n.length()) {
            int start = i;
            while (i < n.length() && n.charAt(i) != '.') {
                char c = n.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' && i > start || c >= 'A' && c <= 'Z' && i > start
                        || c >= 'A' && c <= 'Z' && segments > 0;
                if (!ok) return false;
                i++;
            }
            if (i == start) return false; // empty segment
            segments++;
            i++;
        }
        return segments >= 2;
    }

    public static Builder<Integer> intKey(String name, int defaultValue) {
        return new Builder<>(name, Kind.INT, Integer.class, defaultValue);
    }

    public static Builder<Double> doubleKey(String name, double defaultValue) {
        return new Builder<>(name, Kind.DOUBLE, Double.class, defaultValue);
    }

    public static Builder<Boolean> boolKey(String name, boolean defaultValue) {
        return new Builder<>(name, Kind.BOOLEAN, Boolean.class, defaultValue);
    }

    public static Builder<String> stringKey(String name, String defaultValue) {
        return new Builder<>(name, Kind.STRING, String.class, defaultValue);
    }

    /** A string that must be one of {@code choices}; the default must be among them. */
    public static Builder<String> choiceKey(String name, String defaultValue, String... choices) {
        Builder<String> b = new Builder<>(name, Kind.CHOICE, String.class, defaultValue);
        Collections.addAll(b.choices, choices);
        return b;
    }

    public String name() { return name; }
    public Kind kind() { return kind; }
    public Class<T> javaType() { return javaType; }
    public T defaultValue() { return defaultValue; }
    /** The unit, e.g. {@code ms}, {@code V}; empty when the value has none. */
    public String unit() { return unit; }
    public List<String> choices() { return choices; }
    public String doc() { return doc; }
    /** True when a running agent cannot take a new value (ports, sheet size): a restart is needed. */
    public boolean restartOnly() { return restartOnly; }
    /** The section a key belongs to: its first dotted segment. */
    public String section() { return name.substring(0, name.indexOf('.')); }

    /**
     * Parses a raw property value (already unescaped by {@link java.util.Properties}).
     * Leading and trailing whitespace is ignored: a trailing blank after a number is a classic
     * invisible mistake in hand-edited files.
     */
    public T parse(String raw) throws BadValueException {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            if (allowEmpty && kind == Kind.STRING) {
                return javaType.cast(s);
            }
            throw new BadValueException("empty value; expected " + expected());
        }
        switch (kind) {
            case INT: {
                long v;
                try {
                    v = Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new BadValueException("'" + s + "' is not an integer; expected " + expected());
                }
                checkRange(v, s);
                return javaType.cast((int) v);
            }
            case DOUBLE: {
                double v;
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new BadValueException("'" + s + "' is not a number; expected " + expected());
                }
                if (!Double.isFinite(v)) {
                    throw new BadValueException("'" + s + "' is not finite; expected " + expected());
                }
                checkRange(v, s);
                return javaType.cast(v);
            }
            case BOOLEAN: {
                String l = s.toLowerCase(Locale.ROOT);
                if (l.equals("true")) return javaType.cast(Boolean.TRUE);
                if (l.equals("false")) return javaType.cast(Boolean.FALSE);
                throw new BadValueException("'" + s + "' is not a boolean; expected " + expected());
            }
            case CHOICE: {
                if (!choices.contains(s)) {
                    throw new BadValueException("'" + s + "' is not allowed; expected " + expected());
                }
                return javaType.cast(s);
            }
            case STRING:
            default:
                if (syntax != null) {
                    String problem = syntax.apply(s);
                    if (problem != null) throw new BadValueException(problem);
                }
                return javaType.cast(s);
        }
    }

    private void checkRange(double v, String s) throws BadValueException {
        if (v < min || v > max) {
            throw new BadValueException("'" + s + "' is out of range; expected " + expected());
        }
    }

    /** What a valid value looks like, for error messages and the docs. */
    public String expected() {
        switch (kind) {
            case INT: return "an integer" + rangeText();
            case DOUBLE: return "a number" + rangeText();
            case BOOLEAN: return "true or false";
            case CHOICE: return "one of " + String.join(", ", choices);
            default: return allowEmpty ? "a string (may be empty)" : "a non-empty string";
        }
    }

    /** The allowed values in short form, for the docs table. */
    public String allowedText() {
        switch (kind) {
            case INT:
            case DOUBLE: return rangeCore().isEmpty() ? "any" : rangeCore();
            case BOOLEAN: return "true, false";
            case CHOICE: return String.join(", ", choices);
            default: return allowEmpty ? "any" : "non-empty";
        }
    }

    private String rangeText() {
        String core = rangeCore();
        if (core.isEmpty()) return unit.isEmpty() ? "" : " (" + unit + ")";
        return (core.startsWith("[") ? " in " : " ") + core + (unit.isEmpty() ? "" : " " + unit);
    }

    /** {@code [min, max]}, {@code >= min}, {@code <= max} or empty. */
    private String rangeCore() {
        boolean lo = min != Double.NEGATIVE_INFINITY && !(kind == Kind.INT && min <= Integer.MIN_VALUE);
        boolean hi = max != Double.POSITIVE_INFINITY && !(kind == Kind.INT && max >= Integer.MAX_VALUE);
        if (lo && hi) return "[" + num(min) + ", " + num(max) + "]";
        if (lo) return ">= " + num(min);
        if (hi) return "<= " + num(max);
        return "";
    }

    private String num(double v) {
        return kind == Kind.INT || v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Formats a value the way a properties file would hold it. */
    public String format(Object value) {
        if (value instanceof Double) {
            double d = (Double) value;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) + ".0" : Double.toString(d);
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares a key fluently; see the {@code *Keys} classes. */
    public static final class Builder<T> {
        private final String name;
        private final Kind kind;
        private final Class<T> javaType;
        private final T defaultValue;
        private final List<String> choices = new ArrayList<>();
        private String unit = "";
        private double min = Double.NEGATIVE_INFINITY;
        private double max = Double.POSITIVE_INFINITY;
        private String doc;
        private boolean restartOnly;
        private boolean allowEmpty;
        private java.util.function.Function<String, String> syntax;

        private Builder(String name, Kind kind, Class<T> javaType, T defaultValue) {
            this.name = name;
            this.kind = kind;
            this.javaType = javaType;
            this.defaultValue = defaultValue;
        }

        public Builder<T> unit(String unit) { this.unit = unit; return this; }
        public Builder<T> range(double min, double max) { this.min = min; this.max = max; return this; }
        public Builder<T> min(double min) { this.min = min; return this; }
        public Builder<T> restartOnly() { this.restartOnly = true; return this; }
        public Builder<T> allowEmpty() { this.allowEmpty = true; return this; }

        /**
         * A syntax check for a structured string value (a list, a small grammar): returns null
         * when the value is fine, else what is wrong and what was expected.
         */
        public Builder<T> syntax(java.util.function.Function<String, String> check) {
            this.syntax = check;
            return this;
        }

        /** The one-line doc; ends the declaration. */
        public Key<T> doc(String doc) {
            this.doc = doc;
            return new Key<>(this);
        }
    }
}
