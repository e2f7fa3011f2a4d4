package org.ev3cortex.sim.viewer;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import org.ev3cortex.a1.A1;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.histogram.Histogram;
import org.ev3cortex.v1.PolarMap;
import org.ev3cortex.v1.V1;

/**
 * Panels for the agent's own arrays: V1 (the DoG image with the polar grid, and both polar
 * maps), the A1 spectrum per ear, the sheet's activity, error and surprise, and value
 * histograms. Each copies what it shows after a tick, under the viewer's lock, into buffers
 * allocated once, and paints from its copy.
 */
public final class ViewerPanels {
    private ViewerPanels() {}

    /** One live panel. */
    public interface Panel {
        String title();

        /** Copies this tick's data; called on the loop thread under the viewer lock. Must not allocate. */
        void copy(long tick, Snapshot s);

        JComponent component(Object lock);
    }

    static List<Panel> forAgent(Agent agent) {
        List<Panel> panels = new ArrayList<>();
        panels.add(new V1Panel(agent.v1()));
        panels.add(new A1Panel(agent.a1()));
        panels.add(new SheetPanel(agent.sheet()));
        panels.add(new ViewerPlots.SurprisePlot(agent.sheet()));
        panels.add(new ViewerPlots.RatioPlot(agent.sheet()));
        panels.add(new ViewerPlots.SwitchesPanel(agent.selection()));
        panels.add(new ViewerPlots.BehaviourTimePanel(agent.selection()));
        panels.add(new HistogramPanel(agent.v1(), agent.sheet()));
        return panels;
    }

    /** Blue (negative) - black - red (positive), scaled by {@code scale}. */
    static int diverging(float v, float scale) {
        float t = Math.max(-1f, Math.min(1f, v / scale));
        int a = (int) (Math.abs(t) * 255);
        return t >= 0 ? (a << 16) | (a / 3 << 8) : (a / 3 << 8) | a;
    }

    /** Black - yellow - white heat, for values in [0, scale]. */
    static int heat(float v, float scale) {
        float t = Math.max(0f, Math.min(1f, v / scale));
        int r = (int) (Math.min(1f, t * 2) * 255);
        int g = (int) (Math.max(0f, Math.min(1f, t * 2 - 0.5f)) * 255);
        int b = (int) (Math.max(0f, t * 2 - 1) * 255);
        return (r << 16) | (g << 8) | b;
    }

    static float maxAbs(float[] a) {
        float m = 1e-6f;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** The DoG image with both hemifields' polar grids, and the two polar maps (left | right hemisphere). */
    static final class V1Panel implements Panel {
        private final V1 v1;
        private final int w;
        private final int h;
        private final float[] dog;
        private final float[] left;
        private final float[] right;
        private final float[] grid;
        private final BufferedImage dogImage;
        private final BufferedImage leftImage;
        private final BufferedImage rightImage;

        V1Panel(V1 v1) {
            this.v1 = v1;
            PolarMap lm = v1.leftMap();
            w = lm.sourceWidth();
            h = lm.sourceHeight();
            dog = new float[w * h];
            left = new float[v1.left().length];
            right = new float[v1.right().length];
            grid = new float[w * h];
            lm.drawGrid(grid);
            v1.rightMap().drawGrid(grid);
            dogImage = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            leftImage = new BufferedImage(lm.cols(), lm.rows(), BufferedImage.TYPE_INT_RGB);
            rightImage = new BufferedImage(lm.cols(), lm.rows(), BufferedImage.TYPE_INT_RGB);
        }

        @Override public String title() {
            return "V1: DoG, polar grid | maps V1-R (left field), V1-L";
        }

        @Override public void copy(long tick, Snapshot s) {
            System.arraycopy(v1.dog(), 0, dog, 0, dog.length);
            System.arraycopy(v1.left(), 0, left, 0, left.length);
            System.arraycopy(v1.right(), 0, right, 0, right.length);
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g0) {
                    Graphics2D g = (Graphics2D) g0;
                    synchronized (lock) {
                        float s = maxAbs(dog);
                        for (int i = 0; i < dog.length; i++) {
                            dogImage.setRGB(i % w, i / w, grid[i] > 0 ? 0x00D0D0 : diverging(dog[i], s));
                        }
                        paintMap(leftImage, left, maxAbs(left));
                        paintMap(rightImage, right, maxAbs(right));
                    }
                    int half = getHeight() * 3 / 5;
                    Viewer.drawFit(g, dogImage, getWidth(), half);
                    int mapW = getWidth() / 2 - 4;
                    int mapH = getHeight() - half - 4;
                    g.translate(0, half + 4);
                    Viewer.drawFit(g, rightImage, mapW, mapH); // left visual field first, as the viewer sees it
                    g.translate(getWidth() / 2, 0);
                    Viewer.drawFit(g, leftImage, mapW, mapH);
                }
            };
        }

        private static void paintMap(BufferedImage img, float[] values, float scale) {
            int cols = img.getWidth();
            for (int i = 0; i < cols * img.getHeight(); i++) img.setRGB(i % cols, i / cols, diverging(values[i], scale));
        }
    }

    /** Band levels per ear (log-compressed, 0..1). */
    static final class A1Panel implements Panel {
        private final A1 a1;
        private final float[] left;
        private final float[] right;

        A1Panel(A1 a1) {
            this.a1 = a1;
            left = new float[a1.left().length];
            right = new float[a1.right().length];
        }

        @Override public String title() {
            return "A1: bands low to high, left ear green, right magenta";
        }

        @Override public void copy(long tick, Snapshot s) {
            System.arraycopy(a1.left(), 0, left, 0, left.length);
            System.arraycopy(a1.right(), 0, right, 0, right.length);
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g) {
                    g.setColor(new Color(20, 20, 24));
                    g.fillRect(0, 0, getWidth(), getHeight());
                    synchronized (lock) {
                        int n = left.length;
                        int bw = Math.max(1, getWidth() / Math.max(1, n));
                        for (int i = 0; i < n; i++) {
                            int hl = (int) (left[i] * (getHeight() - 4));
                            int hr = (int) (right[i] * (getHeight() - 4));
                            g.setColor(new Color(60, 200, 90));
                            g.fillRect(i * bw, getHeight() - hl, bw / 2, hl);
                            g.setColor(new Color(220, 70, 200));
                            g.fillRect(i * bw + bw / 2, getHeight() - hr, bw / 2, hr);
                        }
                    }
                }
            };
        }
    }

    /** The sheet's activity, prediction error and surprise, one heat map each. */
    static final class SheetPanel implements Panel {
        private final Sheet sheet;
        private final float[][] maps;
        private final BufferedImage[] images = new BufferedImage[3];
        private static final Sheet.Quantity[] SHOWN = {Sheet.Quantity.ACTIVITY, Sheet.Quantity.ERROR, Sheet.Quantity.SURPRISE};

        SheetPanel(Sheet sheet) {
            this.sheet = sheet;
            maps = new float[3][sheet.width() * sheet.height()];
            for (int i = 0; i < 3; i++) {
                images[i] = new BufferedImage(sheet.width(), sheet.height(), BufferedImage.TYPE_INT_RGB);
            }
        }

        @Override public String title() {
            return "sheet: activity | error | surprise (V1 at the back)";
        }

        @Override public void copy(long tick, Snapshot s) {
            for (int i = 0; i < 3; i++) sheet.map(SHOWN[i], maps[i]);
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g0) {
                    Graphics2D g = (Graphics2D) g0;
                    g.setColor(new Color(20, 20, 24));
                    g.fillRect(0, 0, getWidth(), getHeight());
                    int w = sheet.width();
                    int h = sheet.height();
                    synchronized (lock) {
                        for (int q = 0; q < 3; q++) {
                            float scale = q == 2 ? 4f : maxAbs(maps[q]);
                            for (int i = 0; i < w * h; i++) {
                                // y = 0 is the front edge: draw the back (V1) at the top.
                                int x = i % w;
                                int y = h - 1 - i / w;
                                images[q].setRGB(x, y, q == 2 ? heat(maps[q][i], scale) : diverging(maps[q][i], scale));
                            }
                        }
                    }
                    // Activity large on the left with the areas named; error and surprise stacked on the right.
                    int bigW = getWidth() * 2 / 3 - 3;
                    placed(g, 0, 0, bigW, getHeight(), 0, true);
                    int smallW = getWidth() - bigW - 3;
                    placed(g, bigW + 3, 0, smallW, getHeight() / 2 - 2, 1, false);
                    placed(g, bigW + 3, getHeight() / 2, smallW, getHeight() / 2 - 2, 2, false);
                }

                private void placed(Graphics2D g, int x0, int y0, int bw, int bh, int q, boolean names) {
                    int w = sheet.width();
                    int h = sheet.height();
                    double s = Math.min(bw / (double) w, bh / (double) h);
                    if (s <= 0) return;
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                    g.drawImage(images[q], x0, y0, (int) (w * s), (int) (h * s), null);
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, names ? 11 : 9));
                    for (Area a : sheet.areas()) {
                        int ax = x0 + (int) Math.round(a.x() * s);
                        int ay = y0 + (int) Math.round((h - a.y() - a.height()) * s);
                        int aw = (int) Math.round(a.width() * s);
                        int ah = (int) Math.round(a.height() * s);
                        g.setColor(ViewerPlots.areaColour(a.index()));
                        g.drawRect(ax, ay, Math.max(1, aw - 1), Math.max(1, ah - 1));
                        if (names) {
                            g.setColor(Color.BLACK);
                            g.drawString(a.name(), ax + 3, ay + 12);
                            g.setColor(ViewerPlots.areaColour(a.index()));
                            g.drawString(a.name(), ax + 2, ay + 11);
                        }
                    }
                    if (!names) {
                        g.setColor(Color.LIGHT_GRAY);
                        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                        g.drawString(q == 1 ? "error" : "surprise", x0 + 2, y0 + (int) (h * s) + 11 > y0 + bh
                                ? y0 + 10 : y0 + (int) (h * s) + 11);
                    }
                }
            };
        }
    }

    /** The camera's luma in 8-bit bins and the sheet's activity in 4-bit bins (the seed's quantisations). */
    static final class HistogramPanel implements Panel {
        private final V1 v1;
        private final Sheet sheet;
        private final long[] luma = new long[Histogram.bins(8)];
        private final long[] activity = new long[Histogram.bins(4)];
        private final long[] lumaCopy = new long[luma.length];
        private final long[] activityCopy = new long[activity.length];

        HistogramPanel(V1 v1, Sheet sheet) {
            this.v1 = v1;
            this.sheet = sheet;
        }

        @Override public String title() {
            return "histograms: luma (8-bit) | sheet activity (4-bit)";
        }

        @Override public void copy(long tick, Snapshot s) {
            java.util.Arrays.fill(luma, 0);
            java.util.Arrays.fill(activity, 0);
            float[] y = v1.luma();
            Histogram.count(y, 0, y.length, 0, 1, 8, luma);
            float[] a = sheet.activity();
            Histogram.count(a, 0, a.length, -1, 1, 4, activity);
            System.arraycopy(luma, 0, lumaCopy, 0, luma.length);
            System.arraycopy(activity, 0, activityCopy, 0, activity.length);
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g) {
                    g.setColor(new Color(20, 20, 24));
                    g.fillRect(0, 0, getWidth(), getHeight());
                    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 10));
                    synchronized (lock) {
                        bars(g, lumaCopy, 0, getWidth() * 2 / 3 - 6, new Color(200, 200, 90));
                        bars(g, activityCopy, getWidth() * 2 / 3, getWidth() / 3, new Color(90, 160, 230));
                    }
                }

                private void bars(Graphics g, long[] c, int x0, int width, Color colour) {
                    long max = 1;
                    for (long v : c) max = Math.max(max, v);
                    double bw = width / (double) c.length;
                    g.setColor(colour);
                    for (int i = 0; i < c.length; i++) {
                        int hh = (int) ((getHeight() - 4) * c[i] / (double) max);
                        g.fillRect(x0 + (int) (i * bw), getHeight() - hh, Math.max(1, (int) bw - 1), hh);
                    }
                }
            };
        }
    }
}
