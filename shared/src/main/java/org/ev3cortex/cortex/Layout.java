package org.ev3cortex.cortex;

import org.ev3cortex.a1.A1Keys;
import org.ev3cortex.m1.M1Keys;
import org.ev3cortex.v1.V1Keys;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Origin;
import org.ev3cortex.config.Schema;

/**
 * The placement of the areas on the sheet, read from {@code cortex.area.*}, and the rules that
 * reject a bad one with the key and file:line at fault: a malformed rectangle, an area off the
 * sheet, two areas overlapping, an area smaller than its input.
 */
public final class Layout {

    /** One area's declaration: its name, its key, the key of its input's size (or null). */
    static final class Decl {
        final String name;
        final Key<String> key;
        final Input input;
        final boolean predicting;

        Decl(String name, Key<String> key, Input input, boolean predicting) {
            this.name = name;
            this.key = key;
            this.input = input;
            this.predicting = predicting;
        }
    }

    /**
     * The size (w x h) of what each input area receives, derived from the pathway's own keys so
     * that it is declared once: the relay feeds arrays of exactly these shapes.
     */
    public enum Input {
        V1("v1.rings x v1.sectors (x3 with v1.opponent)") {
            @Override public int[] size(Config c) {
                return new int[] {c.get(V1Keys.RINGS), c.get(V1Keys.SECTORS) * (c.get(V1Keys.OPPONENT) ? 3 : 1)};
            }
        },
        A1("a1.bands x 1") {
            @Override public int[] size(Config c) {
                return new int[] {c.get(A1Keys.BANDS), 1};
            }
        },
        S1("6 per motor + 1 per touch sensor, x 1") {
            @Override public int[] size(Config c) {
                return new int[] {org.ev3cortex.s1.S1.sizeFor(c), 1};
            }
        },
        INSULA(org.ev3cortex.insula.Insula.SIZE + " x 1") {
            @Override public int[] size(Config c) {
                return new int[] {org.ev3cortex.insula.Insula.SIZE, 1};
            }
        },
        M1("m1.unitsPerWheel x 2") {
            @Override public int[] size(Config c) {
                return new int[] {c.get(M1Keys.UNITS_PER_WHEEL), 2};
            }
        };

        final String source;

        Input(String source) {
            this.source = source;
        }

        public abstract int[] size(Config c);
    }

    /** In compact-array order: the input areas, then M1, then the association region. */
    static List<Decl> decls() {
        return List.of(
                new Decl(Area.V1_L, CortexKeys.AREA_V1L, Input.V1, true),
                new Decl(Area.V1_R, CortexKeys.AREA_V1R, Input.V1, true),
                new Decl(Area.A1_L, CortexKeys.AREA_A1L, Input.A1, true),
                new Decl(Area.A1_R, CortexKeys.AREA_A1R, Input.A1, true),
                new Decl(Area.S1, CortexKeys.AREA_S1, Input.S1, true),
                new Decl(Area.INSULA, CortexKeys.AREA_INSULA, Input.INSULA, true),
                new Decl(Area.M1, CortexKeys.AREA_M1, Input.M1, true),
                new Decl(Area.ASSOC, CortexKeys.AREA_ASSOC, null, false));
    }

    private final int width;
    private final int height;
    private final List<Area> areas;
    private final int predictingUnits;

    private Layout(int width, int height, List<Area> areas, int predictingUnits) {
        this.width = width;
        this.height = height;
        this.areas = List.copyOf(areas);
        this.predictingUnits = predictingUnits;
    }

    /**
     * The layout of a loaded config. The schema's rules have already checked it, so a failure
     * here is a config built around the loader.
     */
    public static Layout from(Config c) {
        List<Area> areas = new ArrayList<>();
        int start = 0;
        for (Decl d : decls()) {
            int[] r = parseRect(c.get(d.key));
            if (r == null) throw new IllegalArgumentException(d.key.name() + ": not x,y,w,h: " + c.get(d.key));
            areas.add(new Area(d.name, areas.size(), r[0], r[1], r[2], r[3], d.predicting, d.predicting ? start : -1));
            if (d.predicting) start += r[2] * r[3];
        }
        return new Layout(c.get(CortexKeys.WIDTH), c.get(CortexKeys.HEIGHT), areas, start);
    }

    public int width() { return width; }
    public int height() { return height; }
    public List<Area> areas() { return areas; }
    /** Units in the compact arrays: the sum of the predicting areas' sizes. */
    public int predictingUnits() { return predictingUnits; }

    /** The area of that name; an indexed loop, so a per-tick caller allocates nothing. */
    public Area area(String name) {
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).name().equals(name)) return areas.get(i);
        }
        throw new IllegalArgumentException("no area named " + name + "; areas are " + areas);
    }

    /** {@code x,y,w,h} as four ints with w, h >= 1 and x, y >= 0, or null. */
    static int[] parseRect(String s) {
        String[] parts = s.split(",");
        if (parts.length != 4) return null;
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                r[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return r[0] < 0 || r[1] < 0 || r[2] < 1 || r[3] < 1 ? null : r;
    }

    /** {@code WxH} as two positive ints, or null. */
    static int[] parseSize(String s) {
        String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) return null;
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            return w < 1 || h < 1 ? null : new int[] {w, h};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<Schema.Rule> rules() {
        List<Schema.Rule> rules = new ArrayList<>();
        List<Decl> decls = decls();
        for (int i = 0; i < decls.size(); i++) {
            Decl d = decls.get(i);
            int order = i;
            rules.add(new Schema.Rule(d.key) {
                @Override
                public String check(Config c) {
                    return checkArea(c, decls, order);
                }
            });
        }
        // The association layer's inputs are pool x pool blocks of every input area (M1 excluded).
        rules.add(new Schema.Rule(CortexKeys.ASSOC_LATENT) {
            @Override
            public String check(Config c) {
                int pool = c.get(CortexKeys.ASSOC_POOL);
                int pools = 0;
                for (Decl d : decls) {
                    int[] r = parseRect(c.get(d.key));
                    if (r == null || !d.predicting || d.name.equals(Area.M1)) continue;
                    pools += ((r[2] + pool - 1) / pool) * ((r[3] + pool - 1) / pool);
                }
                int latent = c.get(CortexKeys.ASSOC_LATENT);
                return latent <= pools ? null : "the association layer has only " + pools + " pooled inputs ("
                        + "cortex.assoc.pool = " + pool + "), fewer than its " + latent + " latent units";
            }
        });
        return rules;
    }

    /**
     * The problem with area {@code i}, or null. An overlap is blamed on the area whose value the
     * user set (both, if both were set), so the error points at the line that moved.
     */
    private static String checkArea(Config c, List<Decl> decls, int i) {
        Decl d = decls.get(i);
        int[] r = parseRect(c.get(d.key));
        if (r == null) {
            return "'" + c.get(d.key) + "' is not a rectangle; expected x,y,w,h in units with x, y >= 0 and w, h >= 1";
        }
        int sw = c.get(CortexKeys.WIDTH);
        int sh = c.get(CortexKeys.HEIGHT);
        if (r[0] + r[2] > sw || r[1] + r[3] > sh) {
            return "area " + d.name + " (" + c.get(d.key) + ") runs off the " + sw + "x" + sh
                    + " sheet (cortex.width, cortex.height)";
        }
        if (d.input != null) {
            int[] in = d.input.size(c);
            if (r[2] < in[0] || r[3] < in[1]) {
                return "area " + d.name + " is " + r[2] + "x" + r[3] + ", too small for its " + in[0] + "x" + in[1]
                        + " input (" + d.input.source + ")";
            }
        } else {
            int latent = c.get(CortexKeys.ASSOC_LATENT);
            if (r[2] * r[3] < latent) {
                return "area " + d.name + " has " + r[2] * r[3] + " units, too few for the " + latent
                        + " latent units (cortex.assoc.latent)";
            }
        }
        boolean mine = c.origin(d.key).layer() != Origin.Layer.DEFAULT;
        for (int j = 0; j < decls.size(); j++) {
            if (j == i) continue;
            Decl o = decls.get(j);
            int[] q = parseRect(c.get(o.key));
            if (q == null) continue;
            boolean theirs = c.origin(o.key).layer() != Origin.Layer.DEFAULT;
            boolean blameMe = mine || (!theirs && j < i);
            if (blameMe && r[0] < q[0] + q[2] && q[0] < r[0] + r[2] && r[1] < q[1] + q[3] && q[1] < r[1] + r[3]) {
                return "area " + d.name + " (" + c.get(d.key) + ") overlaps area " + o.name + " (" + o.key.name()
                        + " = " + c.get(o.key) + ")";
            }
        }
        return null;
    }
}
