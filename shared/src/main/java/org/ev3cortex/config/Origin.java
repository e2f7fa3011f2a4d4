package org.ev3cortex.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where an effective value came from: a layer, and for files the file and line. */
public final class Origin {

    /** The layers, lowest precedence first. */
    public enum Layer { DEFAULT, FILE, OVERRIDE }

    public static final Origin DEFAULT = new Origin(Layer.DEFAULT, null, 0, "default");

    private final Layer layer;
    private final Path file;
    private final int line;
    private final String label;

    private Origin(Layer layer, Path file, int line, String label) {
        this.layer = layer;
        this.file = file;
        this.line = line;
        this.label = label;
    }

    /** A value from {@code file} at 1-based {@code line}; line 0 means the file as a whole. */
    public static Origin file(Path file, int line) {
        return new Origin(Layer.FILE, Objects.requireNonNull(file), line, null);
    }

    /** A value from a command-line or system-property override, e.g. {@code "-D"} or {@code "--set"}. */
    public static Origin override(String label) {
        return new Origin(Layer.OVERRIDE, null, 0, label);
    }

    public Layer layer() { return layer; }
    /** The file, or null for defaults and overrides. */
    public Path file() { return file; }
    public int line() { return line; }

    /** {@code file:line} for files, else the layer label. */
    @Override
    public String toString() {
        if (layer == Layer.FILE) {
            return line > 0 ? file + ":" + line : file.toString();
        }
        return label;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Origin)) return false;
        Origin other = (Origin) o;
        return layer == other.layer && line == other.line && Objects.equals(file, other.file)
                && Objects.equals(label, other.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layer, file, line, label);
    }
}
