package org.ev3cortex.sim.viewer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.ganglia.ActionSelection;
import org.ev3cortex.ganglia.Behaviour;
import org.ev3cortex.ganglia.SwitchLog;

/**
 * The viewer's plots of what drives behaviour: surprise per area over time, each area's
 * prediction error against copy-last, the share of time per behaviour and the switches, newest
 * first. Like {@link ViewerPanels}, each copies on the loop thread into buffers allocated once.
 */
final class ViewerPlots {
    private ViewerPlots() {}

    /** One colour per area, the same in every panel that names areas. */
    static Color areaColour(int k) {
        Color[] c = {new Color(90, 170, 250), new Color(60, 120, 220), new Color(80, 220, 120), new Color(40, 160, 80),
            new Color(250, 170, 60), new Color(230, 90, 200), new Color(240, 80, 70), new Color(200, 200, 200)};
        return c[k % c.length];
    }

    static List<Area> predicting(Sheet sheet) {
        List<Area> out = new ArrayList<>();
        for (Area a : sheet.areas()) if (a.predicting()) out.add(a);
        return out;
    }

    static void background(Graphics g, JComponent c) {
        g.setColor(new Color(20, 20, 24));
        g.fillRect(0, 0, c.getWidth(), c.getHeight());
        ((Graphics2D) g).setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }

    /** Mean surprise per area, the last {@value #HISTORY} ticks, on a log scale. */
    static final class SurprisePlot implements ViewerPanels.Panel {
        static final int HISTORY = 600;
        private static final double LO = -1; // log10 of the lowest value shown
        private static final double HI = 3;
        private final Sheet sheet;
        private final List<Area> areas;
        private final float[][] ring;
        private long count;

        SurprisePlot(Sheet sheet) {
            this.sheet = sheet;
            this.areas = predicting(sheet);
            this.ring = new float[areas.size()][HISTORY];
        }

        @Override public String title() {
            return "surprise per area (e\u00b2/\u03c3\u00b2, log), last 60 s";
        }

        @Override public void copy(long tick, Snapshot s) {
            float[] v = sheet.areaSurprise();
            int i = (int) (count % HISTORY);
            for (int a = 0; a < areas.size(); a++) ring[a][i] = v[areas.get(a).index()];
            count++;
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g0) {
                    Graphics2D g = (Graphics2D) g0;
                    background(g, this);
                    int left = 34;
                    int legend = 64;
                    int w = getWidth() - left - legend;
                    int h = getHeight() - 6;
                    if (w < 10 || h < 10) return;
                    g.setColor(new Color(70, 70, 80));
                    for (int e = (int) LO; e <= HI; e++) {
                        int y = y(e, h);
                        g.drawLine(left, y, left + w, y);
                        g.drawString(e < 0 ? "0.1" : e == 0 ? "1" : e == 1 ? "10" : e == 2 ? "100" : "1000", 2, y + 4);
                    }
                    synchronized (lock) {
                        int n = (int) Math.min(count, HISTORY);
                        g.setStroke(new BasicStroke(1.2f));
                        for (int a = 0; a < areas.size(); a++) {
                            g.setColor(areaColour(areas.get(a).index()));
                            int px = -1;
                            int py = 0;
                            for (int k = 0; k < n; k++) {
                                int i = (int) ((count - n + k) % HISTORY);
                                int x = left + (int) ((HISTORY - n + k) * (long) w / (HISTORY - 1));
                                int y = y(Math.log10(Math.max(1e-3, ring[a][i])), h);
                                if (px >= 0) g.drawLine(px, py, x, y);
                                px = x;
                                py = y;
                            }
                            float last = n == 0 ? 0 : ring[a][(int) ((count - 1) % HISTORY)];
                            g.drawString(String.format(java.util.Locale.ROOT, "%-6s %.1f", areas.get(a).name(), last),
                                    left + w + 4, 14 + a * 14);
                        }
                    }
                }

                private int y(double log, int h) {
                    double t = (Math.max(LO, Math.min(HI, log)) - LO) / (HI - LO);
                    return 3 + (int) ((1 - t) * h);
                }
            };
        }
    }

    /**
     * Each area's squared next-input error divided by copy-last's (predict "no change"), over the
     * last 10 s (bar) and the whole run (tick): left of 1 the sheet predicts better than copying.
     */
    static final class RatioPlot implements ViewerPanels.Panel {
        private static final double DECAY = 0.99; // about 10 s at 10 Hz
        private final List<Area> areas;
        private final org.ev3cortex.sim.report.PredictionScore score; // the run's sums, as the report's
        private final double[] recentSheet;
        private final double[] recentCopy;
        private final double[] runSheet;
        private final double[] runCopy;

        RatioPlot(Sheet sheet) {
            this.areas = predicting(sheet);
            this.score = new org.ev3cortex.sim.report.PredictionScore(sheet);
            recentSheet = new double[areas.size()];
            recentCopy = new double[areas.size()];
            runSheet = new double[areas.size()];
            runCopy = new double[areas.size()];
        }

        @Override public String title() {
            return "sheet error \u00f7 copy-last (bar 10 s, tick run)";
        }

        @Override public void copy(long tick, Snapshot s) {
            score.afterTick(tick, s, null);
            for (int a = 0; a < areas.size(); a++) {
                int i = areas.get(a).index();
                recentSheet[a] = recentSheet[a] * DECAY + score.lastSheetSq(i);
                recentCopy[a] = recentCopy[a] * DECAY + score.lastCopyLastSq(i);
                runSheet[a] = score.sheetSq(i);
                runCopy[a] = score.copyLastSq(i);
            }
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g0) {
                    Graphics2D g = (Graphics2D) g0;
                    background(g, this);
                    int left = 52;
                    int right = 44;
                    int w = getWidth() - left - right;
                    int n = areas.size();
                    int row = Math.max(8, Math.min(24, (getHeight() - 18) / Math.max(1, n)));
                    if (w < 20) return;
                    // Log axis from 0.1 to 10, with 1 (copy-last) in the middle.
                    int one = left + w / 2;
                    g.setColor(new Color(70, 70, 80));
                    for (double v : new double[] {0.1, 1, 10}) {
                        int x = x(v, left, w);
                        g.drawLine(x, 2, x, 2 + n * row);
                        g.drawString(v == 1 ? "1" : v < 1 ? "0.1" : "10", x - 8, 14 + n * row);
                    }
                    synchronized (lock) {
                        for (int a = 0; a < n; a++) {
                            int y = 2 + a * row;
                            double recent = recentCopy[a] > 0 ? recentSheet[a] / recentCopy[a] : Double.NaN;
                            double run = runCopy[a] > 0 ? runSheet[a] / runCopy[a] : Double.NaN;
                            g.setColor(Color.LIGHT_GRAY);
                            g.drawString(areas.get(a).name(), 2, y + row - 5);
                            if (Double.isFinite(recent)) {
                                int xr = x(recent, left, w);
                                g.setColor(recent > 1 ? new Color(230, 80, 60) : new Color(80, 190, 110));
                                g.fillRect(Math.min(one, xr), y + 2, Math.max(1, Math.abs(xr - one)), row - 5);
                                g.setColor(recent > 1 ? new Color(255, 130, 110) : Color.WHITE);
                                g.drawString(String.format(java.util.Locale.ROOT, "%.2f", recent), left + w + 4, y + row - 5);
                            }
                            if (Double.isFinite(run)) {
                                int xs = x(run, left, w);
                                g.setColor(Color.WHITE);
                                g.fillRect(xs - 1, y, 3, row - 1);
                            }
                        }
                    }
                }

                private int x(double v, int left, int w) {
                    double t = (Math.log10(Math.max(0.1, Math.min(10, v))) + 1) / 2;
                    return left + (int) (t * w);
                }
            };
        }
    }

    /** The share of ticks per behaviour so far, and the behaviour now. */
    static final class BehaviourTimePanel implements ViewerPanels.Panel {
        private final ActionSelection selection;
        private final long[] ticks = new long[Behaviour.values().length];
        private final long[] copy = new long[ticks.length];
        private long total;
        private int active;

        BehaviourTimePanel(ActionSelection selection) {
            this.selection = selection;
        }

        @Override public String title() {
            return "time per behaviour (share of ticks)";
        }

        @Override public void copy(long tick, Snapshot s) {
            active = selection.active().ordinal();
            ticks[active]++;
            total++;
            System.arraycopy(ticks, 0, copy, 0, ticks.length);
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g0) {
                    Graphics2D g = (Graphics2D) g0;
                    background(g, this);
                    Behaviour[] all = Behaviour.values();
                    int row = Math.max(10, Math.min(22, (getHeight() - 4) / all.length));
                    int left = 112;
                    int w = getWidth() - left - 52;
                    synchronized (lock) {
                        for (int b = 0; b < all.length; b++) {
                            int y = 2 + b * row;
                            double share = copy[b] / (double) Math.max(1, total);
                            g.setColor(b == active ? Color.WHITE : Color.LIGHT_GRAY);
                            g.drawString((b == active ? "\u25b6 " : "  ") + all[b].name(), 2, y + row - 5);
                            g.setColor(all[b].isReflex() ? new Color(230, 120, 60) : new Color(90, 160, 230));
                            g.fillRect(left, y + 2, (int) Math.max(0, share * w), row - 5);
                            g.setColor(Color.LIGHT_GRAY);
                            g.drawString(String.format(java.util.Locale.ROOT, "%5.1f%%", 100 * share), left + w + 4, y + row - 5);
                        }
                    }
                }
            };
        }
    }

    /** The behaviour switches with their reasons, newest first. */
    static final class SwitchesPanel implements ViewerPanels.Panel {
        private final ActionSelection selection;

        SwitchesPanel(ActionSelection selection) {
            this.selection = selection;
        }

        @Override public String title() {
            return "behaviour switches, newest first";
        }

        @Override public void copy(long tick, Snapshot s) {
            // Read on the EDT: the log only grows, and an index below kept() is always valid.
        }

        @Override public JComponent component(Object lock) {
            return new JComponent() {
                @Override protected void paintComponent(Graphics g0) {
                    Graphics2D g = (Graphics2D) g0;
                    background(g, this);
                    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
                    FontMetrics fm = g.getFontMetrics();
                    SwitchLog log = selection.switches();
                    g.setColor(Color.LIGHT_GRAY);
                    g.drawString(log.count() + " switch(es); now " + selection.active(), 4, fm.getAscent() + 2);
                    int y = fm.getAscent() + 2;
                    boolean first = true;
                    for (String line : newestFirst(log, Math.max(0, getHeight() / fm.getHeight()))) {
                        y += fm.getHeight();
                        g.setColor(first ? Color.WHITE : Color.LIGHT_GRAY);
                        g.drawString(line, 4, y);
                        first = false;
                    }
                }
            };
        }

        /** At most {@code max} kept switches, newest first, one line each. */
        static List<String> newestFirst(SwitchLog log, int max) {
            List<String> out = new ArrayList<>();
            for (int k = log.kept() - 1; k >= 0 && out.size() < max; k--) {
                out.add(String.format(java.util.Locale.ROOT, "%6d %-10s -> %-10s %s", log.tick(k),
                        shortName(log.from(k)), shortName(log.to(k)), log.reasonText(k)));
            }
            return out;
        }

        private static String shortName(Behaviour b) {
            return b == Behaviour.APPROACH_LIGHT ? "LIGHT" : b.name();
        }
    }
}
