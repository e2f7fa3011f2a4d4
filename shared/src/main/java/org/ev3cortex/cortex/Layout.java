package org.ev3cortex.cortex;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Origin;
import org.ev3cortex.config.Schema;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.PathwayShapes;

/**
 * The placement of the areas on the sheet, read from {@code cortex.area.*}, and the rules that
 * reject a bad one with the key and file:line at fault: a malformed rectangle, an area off the
 * sheet, two areas overlapping, an area smaller than its input.
 */
public final class Layout {

    /** One area's declaration: its region and its key. */
    static final class Decl {
        final Region region;
        final String name;
        final Key<String> key;
        final boolean predicting;

        Decl(Region region, Key<String> key) {
            this.region = region;
            this.name = region.label();
            this.key = key;
            this.predicting = region.predicting();
        }
    }

    /** In compact-array order: the input areas, then M1, then the association region. */
    static List<Decl> decls() {
        return List.of(
                new Decl(Region.V1_L, CortexKeys.AREA_V1L),
                new Decl(Region.V1_R, CortexKeys.AREA_V1R),
                new Decl(Region.A1_L, CortexKeys.AREA_A1L),
                new Decl(Region.A1_R, CortexKeys.AREA_A1R),
                new Decl(Region.S1, CortexKeys.AREA_S1),
                new Decl(Region.INSULA, CortexKeys.AREA_INSULA),
                new Decl(Region.M1, CortexKeys.AREA_M1),
                new Decl(Region.ASSOC, CortexKeys.AREA_ASSOC));
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

    /**
     * The layout's rules. {@code inputs} gives the shape of what feeds each input area, as the
     * pathways declare it (the composition root knows the pathways; the sheet does not).
     */
    public static List<Schema.Rule> rules(PathwayShapes inputs) {
        List<Schema.Rule> rules = new ArrayList<>();
        List<Decl> decls = decls();
        for (int i = 0; i < decls.size(); i++) {
            Decl d = decls.get(i);
            int order = i;
            rules.add(new Schema.Rule(d.key) {
                @Override
                public String check(Config c) {
                    return checkArea(c, decls, order, inputs);
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
    private static String checkArea(Config c, List<Decl> decls, int i, PathwayShapes inputs) {
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
        int[] input = inputs.of(d.region, c);
        if (input != null) {
            int w = input[0];
            int h = input[1];
            if (r[2] < w || r[3] < h) {
                return "area " + d.name + " is " + r[2] + "x" + r[3] + ", too small for its " + w + "x" + h
                        + " input (" + inputs.source(d.region) + ")";
            }
        } else if (!d.predicting) {
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
