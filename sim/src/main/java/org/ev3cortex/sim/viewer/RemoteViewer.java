package org.ev3cortex.sim.viewer;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.ev3cortex.body.PixelFormat;

/**
 * The desktop viewer for any agent's telemetry ({@code sim view --connect ws://HOST:PORT}) or a
 * recording ({@code sim view FILE.mcap}): the camera, the sheet's prediction and error maps, the
 * per-area surprise, and the body, commands, behaviour and timings as text. With a recording:
 * play/pause (space), step (right arrow), step back (left arrow), seek (the slider; Home, End) and
 * x1 / x10 speed. All state is in a {@link TelemetryModel}; replay logic in
 * {@link ReplayController}.
 */
public final class RemoteViewer {
    private static final Color[] LINES = {new Color(230, 90, 80), new Color(240, 170, 60), new Color(90, 200, 90),
        new Color(60, 200, 200), new Color(100, 140, 240), new Color(190, 110, 230), new Color(220, 220, 220),
        new Color(150, 150, 150)};

    private final TelemetryModel model;
    private final ReplayController replay; // null when live
    private final TelemetryClient client; // null for a recording
    private final String title;
    private java.nio.file.Path screenshot;

    private RemoteViewer(String title, TelemetryModel model, ReplayController replay, TelemetryClient client) {
        this.title = title;
        this.model = model;
        this.replay = replay;
        this.client = client;
    }

    /** Shows live telemetry until the window closes. */
    public static void showLive(TelemetryClient client, TelemetryModel model) throws InterruptedException {
        showLive(client, model, null);
    }

    /** As above; with {@code screenshot}, writes the window there as a PNG after a second and closes it. */
    public static void showLive(TelemetryClient client, TelemetryModel model, java.nio.file.Path screenshot)
            throws InterruptedException {
        RemoteViewer v = new RemoteViewer("ev3cortex telemetry: " + client.uri(), model, null, client);
        v.screenshot = screenshot;
        v.run();
    }

    /** Shows a recording with the replay controls until the window closes. */
    public static void showReplay(String name, ReplayController replay, TelemetryModel model) throws InterruptedException {
        showReplay(name, replay, model, null);
    }

    /** As above; with {@code screenshot}, writes the window there as a PNG after a second and closes it. */
    public static void showReplay(String name, ReplayController replay, TelemetryModel model, java.nio.file.Path screenshot)
            throws InterruptedException {
        RemoteViewer v = new RemoteViewer("ev3cortex recording: " + name, model, replay, null);
        v.screenshot = screenshot;
        v.run();
    }

    private void run() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        SwingUtilities.invokeLater(() -> build(closed));
        closed.await();
    }

    private void build(CountDownLatch closed) {
        JFrame f = new JFrame(title);
        f.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        f.addWindowListener(new WindowAdapter() {
            @Override public void windowClosed(WindowEvent e) {
                closed.countDown();
            }
        });
        JLabel status = new JLabel(" ");
        status.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        JSlider slider = new JSlider(0, 1000, 0);
        boolean[] sliding = {false};
        if (replay != null) {
            JButton play = new JButton("Play");
            play.addActionListener(e -> replay.toggle());
            JButton back = new JButton("< Step");
            back.addActionListener(e -> replay.stepBack());
            JButton step = new JButton("Step >");
            step.addActionListener(e -> replay.step());
            JButton x1 = new JButton("x1");
            x1.addActionListener(e -> replay.speed(1));
            JButton x10 = new JButton("x10");
            x10.addActionListener(e -> replay.speed(10));
            slider.addChangeListener(e -> {
                if (slider.getValueIsAdjusting() || sliding[0]) return;
                replay.seek(slider.getValue() / 1000.0);
            });
            for (JComponent c : new JComponent[] {play, back, step, x1, x10, slider}) controls.add(c);
            key(f, "SPACE", replay::toggle);
            key(f, "RIGHT", replay::step);
            key(f, "LEFT", replay::stepBack);
            key(f, "HOME", () -> replay.seek(0));
            key(f, "END", () -> replay.seek(1));
            new Timer(40, e -> play.setText(replay.playing() ? "Pause" : "Play")).start();
        }
        controls.add(status);

        JPanel grid = new JPanel(new GridLayout(0, 3, 3, 3));
        grid.setBackground(Color.DARK_GRAY);
        BufferedImage[] cam = {null};
        grid.add(Viewer.titled("camera", Viewer.image(() -> cam[0])));
        grid.add(Viewer.titled("sheet prediction", heat(0)));
        grid.add(Viewer.titled("sheet error", heat(1)));
        grid.add(Viewer.titled("surprise per area (mean e^2/sigma^2)", new SurprisePlot()));
        JTextArea text = new JTextArea();
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        text.setBackground(new Color(20, 20, 24));
        text.setForeground(Color.WHITE);
        grid.add(Viewer.titled("body, commands, behaviour, timings", text));
        JTextArea sw = new JTextArea();
        sw.setEditable(false);
        sw.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        sw.setBackground(new Color(20, 20, 24));
        sw.setForeground(Color.WHITE);
        grid.add(Viewer.titled("behaviour switches", sw));

        f.getContentPane().add(controls, BorderLayout.NORTH);
        f.getContentPane().add(grid, BorderLayout.CENTER);
        java.awt.Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        f.setBounds(screen.x, screen.y, Math.min(screen.width, 1600), Math.min(screen.height, 900));
        f.setVisible(true);

        long[] lastFrameTick = {-2};
        long[] lastNanos = {System.nanoTime()};
        new Timer(40, e -> {
            long now = System.nanoTime();
            if (replay != null) {
                replay.advance(now - lastNanos[0]);
                long span = Math.max(1, replay.lastTime() - replay.firstTime());
                sliding[0] = true;
                slider.setValue((int) Math.round(1000.0 * (replay.clock() - replay.firstTime()) / span));
                sliding[0] = false;
                status.setText(String.format(Locale.ROOT, "tick %d  %.1f s of %.1f s  x%.0f", model.lastTick(),
                        (replay.clock() - replay.firstTime()) / 1e9, span / 1e9, replay.speed()));
            } else {
                status.setText(String.format(Locale.ROOT, "%s %s  tick %d  %d messages%s", client.uri(),
                        client.connected() ? "connected" : "connecting...", model.lastTick(), client.messages(),
                        client.connections() > 1 ? "  (" + client.connections() + " connections)" : ""));
            }
            lastNanos[0] = now;
            if (model.frameTick() != lastFrameTick[0]) {
                lastFrameTick[0] = model.frameTick();
                cam[0] = cameraImage(model);
            }
            text.setText(describe(model));
            sw.setText(String.join("\n", model.switches()));
            grid.repaint();
        }).start();
        if (screenshot != null) {
            Timer shot = new Timer(1_500, e -> {
                Viewer.saveScreenshot(f, screenshot);
                f.dispose();
            });
            shot.setRepeats(false);
            shot.start();
        }
    }

    private static void key(JFrame f, String stroke, Runnable r) {
        f.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(stroke), stroke);
        f.getRootPane().getActionMap().put(stroke, new AbstractAction() {
            @Override public void actionPerformed(java.awt.event.ActionEvent e) {
                r.run();
            }
        });
    }

    /** The latest frame as an image, or null before any. */
    static BufferedImage cameraImage(TelemetryModel m) {
        byte[] frame = m.frame();
        int w = m.frameWidth();
        int h = m.frameHeight();
        if (frame.length == 0 || w == 0 || h == 0) return null;
        PixelFormat format = "yuyv".equals(m.frameEncoding()) ? PixelFormat.YUYV
                : "rgb8".equals(m.frameEncoding()) ? PixelFormat.RGB24 : PixelFormat.GRAY8;
        int[] rgb = new int[w * h];
        if (frame.length < format.frameBytes(w, h)) return null;
        Viewer.toRgb(frame, format, rgb);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        return img;
    }

    /** The text panel: the latest body, commands, behaviour and timings. */
    static String describe(TelemetryModel m) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> body = m.last("/body");
        if (body != null) {
            b.append("battery ").append(body.get("battery_v")).append(" V  ").append(body.get("battery_a")).append(" A\n");
            b.append("position ").append(body.get("position_counts")).append("\nspeed    ").append(body.get("speed_counts_per_sec"));
            b.append("\ntouch    ").append(body.get("touch")).append("\nstats    ").append(body.get("stats")).append('\n');
        }
        Map<String, Object> c = m.last("/commands");
        if (c != null) b.append("command  mode ").append(c.get("mode")).append(" speed ").append(c.get("speed_counts_per_sec")).append('\n');
        Map<String, Object> be = m.last("/behaviour");
        if (be != null) b.append("behaviour ").append(be.get("active")).append(" (").append(be.get("switch_count")).append(" switches)\n");
        Map<String, Object> t = m.last("/timings");
        if (t != null) {
            b.append("tick ").append(fmt(t.get("tick_ms"))).append(" ms, overruns ").append(t.get("overruns"))
                    .append(", recorder dropped ").append(t.get("recorder_dropped")).append('\n');
            Object e = t.get("epochs_ms");
            if (e instanceof Map) {
                for (Map.Entry<?, ?> x : ((Map<?, ?>) e).entrySet()) {
                    b.append(String.format(Locale.ROOT, "  %-14s %s ms%n", x.getKey(), fmt(x.getValue())));
                }
            }
        }
        Map<String, Object> cfg = m.last("/config");
        if (cfg != null) b.append("config ").append(cfg.get("status")).append(" at tick ").append(cfg.get("verdict_tick")).append('\n');
        return b.toString();
    }

    private static String fmt(Object v) {
        return v instanceof Number ? String.format(Locale.ROOT, "%.3f", ((Number) v).doubleValue()) : String.valueOf(v);
    }

    private JComponent heat(int q) {
        return new JComponent() {
            @Override protected void paintComponent(Graphics g0) {
                Graphics2D g = (Graphics2D) g0;
                g.setColor(new Color(20, 20, 24));
                g.fillRect(0, 0, getWidth(), getHeight());
                float[] v = model.sheet(q);
                int w = model.sheetWidth();
                int h = model.sheetHeight();
                if (v.length == 0 || w == 0 || v.length < w * h) return;
                float max = 1e-9f;
                for (float x : v) max = Math.max(max, Math.abs(x));
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                for (int i = 0; i < w * h; i++) {
                    float s = v[i] / max;
                    int r = (int) (255 * Math.max(0, s));
                    int bl = (int) (255 * Math.max(0, -s));
                    img.setRGB(i % w, i / w, r << 16 | (Math.min(r, bl) / 2) << 8 | bl);
                }
                Viewer.drawFit(g, img, getWidth(), getHeight() - 12);
                g.setColor(Color.LIGHT_GRAY);
                g.drawString(String.format(Locale.ROOT, "%dx%d, |max| %.3g (red +, blue -)", w, h, max), 4, getHeight() - 2);
            }
        };
    }

    private final class SurprisePlot extends JComponent {
        @Override protected void paintComponent(Graphics g0) {
            Graphics2D g = (Graphics2D) g0;
            g.setColor(new Color(20, 20, 24));
            g.fillRect(0, 0, getWidth(), getHeight());
            List<String> names = model.seriesNames();
            double max = 1e-9;
            for (String n : names) for (double v : model.series(n)) max = Math.max(max, v);
            int k = 0;
            for (String n : names) {
                double[] s = model.series(n);
                g.setColor(LINES[k % LINES.length]);
                for (int i = 1; i < s.length; i++) {
                    int x0 = (i - 1) * getWidth() / TelemetryModel.HISTORY;
                    int x1 = i * getWidth() / TelemetryModel.HISTORY;
                    g.drawLine(x0, (int) (getHeight() * (1 - s[i - 1] / max)), x1, (int) (getHeight() * (1 - s[i] / max)));
                }
                g.drawString(n, 4 + 60 * (k % 4), 12 + 12 * (k / 4));
                k++;
            }
        }
    }
}
