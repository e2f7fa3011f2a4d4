package org.ev3cortex.sim.world;

/** An axis-aligned box or an upright cylinder standing on the arena floor. */
public final class Obstacle {
    public enum Shape { BOX, CYLINDER }

    public final Shape shape;
    /** Centre, m. */
    public final double x;
    public final double y;
    /** Box half-sizes, m (cylinder: both are the radius). */
    public final double halfW;
    public final double halfH;
    public final int colour;

    private Obstacle(Shape shape, double x, double y, double halfW, double halfH, int colour) {
        this.shape = shape;
        this.x = x;
        this.y = y;
        this.halfW = halfW;
        this.halfH = halfH;
        this.colour = colour;
    }

    public static Obstacle box(double x, double y, double w, double h, int colour) {
        return new Obstacle(Shape.BOX, x, y, w / 2, h / 2, colour);
    }

    public static Obstacle cylinder(double x, double y, double r, int colour) {
        return new Obstacle(Shape.CYLINDER, x, y, r, r, colour);
    }

    /** True when a disc of radius {@code r} at (px, py) overlaps this obstacle. */
    public boolean overlapsDisc(double px, double py, double r) {
        if (shape == Shape.CYLINDER) {
            double dx = px - x;
            double dy = py - y;
            double rr = r + halfW;
            return dx * dx + dy * dy < rr * rr;
        }
        double cx = Math.max(x - halfW, Math.min(px, x + halfW));
        double cy = Math.max(y - halfH, Math.min(py, y + halfH));
        double dx = px - cx;
        double dy = py - cy;
        return dx * dx + dy * dy < r * r;
    }

    /**
     * Distance along the ray (ox, oy) + t (dx, dy), with (dx, dy) a unit vector, to where it first
     * enters this obstacle; {@code Double.POSITIVE_INFINITY} when it misses.
     */
    public double rayHit(double ox, double oy, double dx, double dy) {
        if (shape == Shape.CYLINDER) {
            double fx = ox - x;
            double fy = oy - y;
            double b = fx * dx + fy * dy;
            double c = fx * fx + fy * fy - halfW * halfW;
            double disc = b * b - c;
            if (disc < 0) return Double.POSITIVE_INFINITY;
            double t = -b - Math.sqrt(disc);
            return t >= 0 ? t : Double.POSITIVE_INFINITY;
        }
        // Slab method.
        double tmin = Double.NEGATIVE_INFINITY;
        double tmax = Double.POSITIVE_INFINITY;
        if (dx != 0) {
            double t1 = (x - halfW - ox) / dx;
            double t2 = (x + halfW - ox) / dx;
            tmin = Math.max(tmin, Math.min(t1, t2));
            tmax = Math.min(tmax, Math.max(t1, t2));
        } else if (ox < x - halfW || ox > x + halfW) {
            return Double.POSITIVE_INFINITY;
        }
        if (dy != 0) {
            double t1 = (y - halfH - oy) / dy;
            double t2 = (y + halfH - oy) / dy;
            tmin = Math.max(tmin, Math.min(t1, t2));
            tmax = Math.min(tmax, Math.max(t1, t2));
        } else if (oy < y - halfH || oy > y + halfH) {
            return Double.POSITIVE_INFINITY;
        }
        if (tmax < Math.max(tmin, 0)) return Double.POSITIVE_INFINITY;
        return tmin >= 0 ? tmin : Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return shape == Shape.BOX
                ? String.format(java.util.Locale.ROOT, "box at %.2f,%.2f size %.2fx%.2f", x, y, 2 * halfW, 2 * halfH)
                : String.format(java.util.Locale.ROOT, "cylinder at %.2f,%.2f radius %.2f", x, y, halfW);
    }
}
