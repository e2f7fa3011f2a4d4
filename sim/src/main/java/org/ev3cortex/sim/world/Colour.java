package org.ev3cortex.sim.world;

import java.util.Locale;
import java.util.Map;

/** Colours of the simulated world as packed 0xRRGGBB ints, by name or {@code #rrggbb}. */
public final class Colour {
    private Colour() {}

    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("red", 0xD03030), Map.entry("green", 0x30A040), Map.entry("blue", 0x3050D0),
            Map.entry("yellow", 0xE0D030), Map.entry("orange", 0xE08020), Map.entry("purple", 0x8040B0),
            Map.entry("cyan", 0x30C0C0), Map.entry("white", 0xF0F0F0), Map.entry("black", 0x202020),
            Map.entry("grey", 0x909090), Map.entry("gray", 0x909090), Map.entry("brown", 0x805030));

    /** Parses a colour; throws {@link IllegalArgumentException} naming what is allowed. */
    public static int parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        Integer named = NAMES.get(t);
        if (named != null) return named;
        if (t.matches("#[0-9a-f]{6}")) return Integer.parseInt(t.substring(1), 16);
        throw new IllegalArgumentException("'" + s + "' is not a colour; expected #rrggbb or one of "
                + String.join(", ", new java.util.TreeSet<>(NAMES.keySet())));
    }

    public static int r(int rgb) { return (rgb >> 16) & 0xFF; }
    public static int g(int rgb) { return (rgb >> 8) & 0xFF; }
    public static int b(int rgb) { return rgb & 0xFF; }

    /** Scales a colour's brightness by {@code f} (clamped to 0..255 per channel). */
    public static int scale(int rgb, double f) {
        return rgb(r(rgb) * f, g(rgb) * f, b(rgb) * f);
    }

    public static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }
}
