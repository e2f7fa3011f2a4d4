package org.ev3cortex.sim.viewer;

import org.ev3cortex.seam.LoopState;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.RenderingHints;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.LoopStats;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.Obstacle;
import org.ev3cortex.sim.world.SoundSource;
import org.ev3cortex.sim.world.World;
import org.ev3cortex.sim.world.WorldSpec;

/**
 * The live viewer: the arena with the robot and its trail (simulator only); the camera with its
 * Y, U and V planes; the sheet, pathway and behaviour panels contributed by {@link ViewerPanels}
 * and {@link ViewerPlots}; the tick time per stage, the ticks per second and the active
 * behaviour. In the simulator: pause, step, and ×1 / ×10 / max speed. It opens at the screen's
 * usable size (at most 1920 × 1080), so it fits a 1366 × 768 laptop, and every panel resizes.
 *
 * <p>The loop runs on its own thread; an observer copies what the panels need after each tick
 * into buffers the viewer owns, and the panels repaint from those at 25 Hz.
 */
public final class Viewer {
    private static final int TRAIL = 4_000;

    private final Agent agent;
    /** The simulator's body, or null on a laptop (no arena, real-time, no pacing). */
    private final SimBody body;
    private final World world;
    private final org.ev3cortex.body.Camera cam;
    private final Pacer pacer;
    private final Object lock = new Object();
    private final double[] trailX = new double[TRAIL];
    private final double[] trailY = new double[TRAIL];
    private int trailCount;
    private final BufferedImage camera;
    private final BufferedImage[] yuv = new BufferedImage[3];
    private final byte[] frameCopy;
    private final int[] rgbCopy;
    private final byte[] planeY;
    private final byte[] planeU;
    private final byte[] planeV;
    private final int camW;
    private final int camH;
    private long frameTick = -1;
    private final List<ViewerPanels.Panel> extra = new ArrayList<>();

    private final long maxTicks;
    private final java.nio.file.Path screenshot;

    private Viewer(Agent agent, SimBody body, long maxTicks, java.nio.file.Path screenshot) {
        this.agent = agent;
        this.body = body;
        this.world = body == null ? null : body.world();
        this.cam = agent.body().camera();
        this.maxTicks = maxTicks;
        this.screenshot = screenshot;
        this.pacer = new Pacer(agent.loop().config().get(LoopKeys.PERIOD_MS));
        camW = cam == null ? 2 : cam.width();
        camH = cam == null ? 2 : cam.height();
        camera = new BufferedImage(camW, camH, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 3; i++) yuv[i] = new BufferedImage(i == 0 ? camW : camW / 2, camH, BufferedImage.TYPE_BYTE_GRAY);
        frameCopy = new byte[cam == null ? 0 : cam.frameBytes()];
        rgbCopy = new int[camW * camH];
        planeY = new byte[camW * camH];
        planeU = new byte[camW / 2 * camH];
        planeV = new byte[camW / 2 * camH];
        extra.addAll(ViewerPanels.forAgent(agent));
    }

    /**
     * Opens the window and runs the agent until the window closes or {@code maxTicks} ticks have
     * run; returns the exit code. {@code body} is the simulator's, or null for a laptop body.
     * With {@code screenshot}, the window's content is written there as a PNG before it closes.
     */
    public static int show(Agent agent, SimBody body, long maxTicks, java.nio.file.Path screenshot)
            throws InterruptedException {
        Viewer v = new Viewer(agent, body, maxTicks, screenshot);
        return v.run();
    }

    /** The simulator's viewer until the window closes. */
    public static int show(Agent agent, SimBody body) throws InterruptedException {
        return show(agent, body, Long.MAX_VALUE, null);
    }

    private int run() throws InterruptedException {
        TickLoop loop = agent.loop();
        if (body != null) loop.addObserver(pacer);
        loop.addObserver(copier());
        CountDownLatch closed = new CountDownLatch(1);
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeLater(() -> frame[0] = buildWindow(closed));
        CountDownLatch ran = new CountDownLatch(1);
        Thread runner = new Thread(() -> {
            try {
                agent.run(maxTicks);
            } finally {
                ran.countDown();
            }
        }, "agent-loop");
        runner.start();
        // Either the user closes the window, or the run ends (--seconds, a fault): then close it.
        while (!closed.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (ran.getCount() == 0) {
                try {
                    SwingUtilities.invokeAndWait(() -> {
                        if (frame[0] == null) return;
                        if (screenshot != null) saveScreenshot(frame[0], screenshot);
                        frame[0].dispose();
                    });
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        loop.requestStop();
        pacer.release();
        runner.join(5_000);
        return loop.state() == LoopState.FAULTED ? 1 : 0;
    }

    /** Writes the window's content to {@code screenshot} as a PNG (the remote viewer's too). */
    static void saveScreenshot(JFrame f, java.nio.file.Path screenshot) {
        java.awt.Container c = f.getContentPane();
        c.validate();
        BufferedImage img = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        c.paintAll(g);
        g.dispose();
        try {
            javax.imageio.ImageIO.write(img, "png", screenshot.toFile());
            System.out.println("screenshot " + img.getWidth() + "x" + img.getHeight() + ": " + screenshot);
        } catch (java.io.IOException e) {
            System.err.println("screenshot " + screenshot + ": " + e.getMessage());
        }
    }

    private TickObserver copier() {
        return new TickObserver() {
            @Override public void afterTick(long tick, Snapshot s, MotorCommands c) {
                synchronized (lock) {
                    if (world != null) {
                        trailX[trailCount % TRAIL] = world.x();
                        trailY[trailCount % TRAIL] = world.y();
                        trailCount++;
                    }
                    if (frameCopy.length > 0 && s.frame.length == frameCopy.length) {
                        System.arraycopy(s.frame, 0, frameCopy, 0, frameCopy.length);
                        if (body != null) System.arraycopy(body.renderer().rgb(), 0, rgbCopy, 0, rgbCopy.length);
                        frameTick = tick;
                    }
                    for (ViewerPanels.Panel p : extra) p.copy(tick, s);
                }
            }
        };
    }

    private JFrame buildWindow(CountDownLatch closed) {
        JFrame f = new JFrame(body == null ? "ev3cortex on this laptop" : "ev3cortex simulator");
        f.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        f.addWindowListener(new WindowAdapter() {
            @Override public void windowClosed(WindowEvent e) {
                closed.countDown();
            }
        });
        JLabel status = new JLabel(" ");
        status.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));

        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        if (body != null) {
            JButton pause = new JButton("Pause");
            pause.addActionListener(e -> {
                pacer.pause(!pacer.paused());
                pause.setText(pacer.paused() ? "Resume" : "Pause");
            });
            JButton step = new JButton("Step");
            step.addActionListener(e -> pacer.step());
            controls.add(pause);
            controls.add(step);
            for (double s : new double[] {1, 10, 0}) {
                JButton b = new JButton(s == 0 ? "max" : "x" + (int) s);
                b.addActionListener(e -> pacer.speed(s));
                controls.add(b);
            }
        }
        controls.add(status);

        // Four columns: at 1366 x 768 each panel is about 340 x 230 px.
        JPanel grid = new JPanel(new GridLayout(0, 4, 3, 3));
        grid.setBackground(Color.DARK_GRAY);
        if (world != null) grid.add(titled("arena", new ArenaView()));
        if (cam != null) {
            grid.add(titled(body != null ? "camera (rendered RGB)" : "camera (the agent's frame)", image(() -> camera)));
            grid.add(titled("Y / U / V planes", new YuvView()));
        }
        for (ViewerPanels.Panel p : extra) grid.add(titled(p.title(), p.component(lock)));
        grid.add(titled("tick time per stage (ms)", new StageTimes()));

        f.getContentPane().add(controls, BorderLayout.NORTH);
        f.getContentPane().add(grid, BorderLayout.CENTER);
        f.setMinimumSize(new java.awt.Dimension(640, 400));
        java.awt.Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        f.setBounds(screen.x, screen.y, Math.min(screen.width, 1920), Math.min(screen.height, 1080));
        f.setVisible(true);

        long[] last = {System.nanoTime(), agent.loop().tick()};
        double[] tps = {0};
        new Timer(40, e -> {
            updateCamera();
            long now = System.nanoTime();
            if (now - last[0] > 500_000_000L) {
                long ticks = agent.loop().tick();
                tps[0] = (ticks - last[1]) / ((now - last[0]) / 1e9);
                last[0] = now;
                last[1] = ticks;
            }
            org.ev3cortex.ganglia.ActionSelection m = agent.selection();
            double seconds = agent.loop().tick() * agent.loop().config().get(LoopKeys.PERIOD_MS) / 1000.0;
            status.setText(world != null
                    ? String.format(java.util.Locale.ROOT,
                            "t=%7.1f s %6.0f ticks/s  %-14s battery %.2f V  collisions %d  stalls %d",
                            seconds, tps[0], m.active(), world.batteryV(), world.collisions(),
                            agent.percepts().stallDetections())
                    : String.format(java.util.Locale.ROOT, "t=%7.1f s %6.0f ticks/s  %-14s %s",
                            seconds, tps[0], m.active(), agent.body().describe()));
            grid.repaint();
        }).start();
        return f;
    }

    private void updateCamera() {
        synchronized (lock) {
            if (frameTick < 0) return;
            if (body == null) toRgb(frameCopy, cam.format(), rgbCopy);
            camera.setRGB(0, 0, camW, camH, rgbCopy, 0, camW);
            // Planes from the frame the agent actually read (whatever its format).
            if (cam.format() == org.ev3cortex.body.PixelFormat.YUYV) {
                byte[] y = planeY;
                byte[] u = planeU;
                byte[] v = planeV;
                for (int i = 0, p = 0; p < camW * camH; i += 4, p += 2) {
                    y[p] = frameCopy[i];
                    y[p + 1] = frameCopy[i + 2];
                    u[p / 2] = frameCopy[i + 1];
                    v[p / 2] = frameCopy[i + 3];
                }
                yuv[0].getRaster().setDataElements(0, 0, camW, camH, y);
                yuv[1].getRaster().setDataElements(0, 0, camW / 2, camH, u);
                yuv[2].getRaster().setDataElements(0, 0, camW / 2, camH, v);
            }
        }
    }

    /** The agent's frame as RGB, for a body that has no rendered image (a laptop camera). */
    static void toRgb(byte[] frame, org.ev3cortex.body.PixelFormat format, int[] rgb) {
        switch (format) {
            case YUYV:
                for (int p = 0; p + 1 < rgb.length; p += 2) {
                    int i = p * 2;
                    int u = (frame[i + 1] & 0xFF) - 128;
                    int v = (frame[i + 3] & 0xFF) - 128;
                    rgb[p] = yuv(frame[i] & 0xFF, u, v);
                    rgb[p + 1] = yuv(frame[i + 2] & 0xFF, u, v);
                }
                break;
            case RGB24:
                for (int p = 0; p < rgb.length; p++) {
                    rgb[p] = (frame[3 * p] & 0xFF) << 16 | (frame[3 * p + 1] & 0xFF) << 8 | (frame[3 * p + 2] & 0xFF);
                }
                break;
            default:
                for (int p = 0; p < rgb.length; p++) {
                    int y = frame[p] & 0xFF;
                    rgb[p] = y << 16 | y << 8 | y;
                }
        }
    }

    private static int yuv(int y, int u, int v) {
        int r = clamp(y + (int) (1.402 * v));
        int g = clamp(y - (int) (0.344 * u + 0.714 * v));
        int b = clamp(y + (int) (1.772 * u));
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int c) {
        return c < 0 ? 0 : c > 255 ? 255 : c;
    }

    static JComponent titled(String title, JComponent c) {
        JPanel p = new JPanel(new BorderLayout());
        JLabel l = new JLabel(" " + title);
        l.setForeground(Color.WHITE);
        p.setBackground(Color.BLACK);
        p.add(l, BorderLayout.NORTH);
        p.add(c, BorderLayout.CENTER);
        return p;
    }

    static JComponent image(java.util.function.Supplier<BufferedImage> img) {
        return new JComponent() {
            @Override protected void paintComponent(Graphics g) {
                BufferedImage i = img.get();
                if (i == null) return;
                drawFit((Graphics2D) g, i, getWidth(), getHeight());
            }
        };
    }

    static void drawFit(Graphics2D g, BufferedImage i, int w, int h) {
        double s = Math.min(w / (double) i.getWidth(), h / (double) i.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(i, 0, 0, (int) (i.getWidth() * s), (int) (i.getHeight() * s), null);
    }

    private final class YuvView extends JComponent {
        @Override protected void paintComponent(Graphics g0) {
            Graphics2D g = (Graphics2D) g0;
            int w = getWidth();
            int h = getHeight();
            int half = h / 2;
            drawFitAt(g, yuv[0], 0, 0, w, half);
            drawFitAt(g, yuv[1], 0, half, w / 2, h - half);
            drawFitAt(g, yuv[2], w / 2, half, w / 2, h - half);
        }

        private void drawFitAt(Graphics2D g, BufferedImage i, int x, int y, int w, int h) {
            double s = Math.min(w / (double) i.getWidth(), h / (double) i.getHeight());
            g.drawImage(i, x, y, (int) (i.getWidth() * s), (int) (i.getHeight() * s), null);
        }
    }

    private final class ArenaView extends JComponent {
        @Override protected void paintComponent(Graphics g0) {
            Graphics2D g = (Graphics2D) g0;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(30, 30, 34));
            g.fillRect(0, 0, getWidth(), getHeight());
            double s = Math.min((getWidth() - 10) / world.widthM, (getHeight() - 10) / world.heightM);
            AffineTransform old = g.getTransform();
            g.translate(5, 5 + world.heightM * s);
            g.scale(s, -s); // y up
            g.setStroke(new java.awt.BasicStroke((float) (2 / s)));
            g.setColor(new Color(world.wallColour));
            g.draw(new Rectangle2D.Double(0, 0, world.widthM, world.heightM));
            for (Obstacle o : world.obstacles) {
                g.setColor(new Color(o.colour));
                if (o.shape == Obstacle.Shape.BOX) {
                    g.fill(new Rectangle2D.Double(o.x - o.halfW, o.y - o.halfH, 2 * o.halfW, 2 * o.halfH));
                } else {
                    g.fill(new Ellipse2D.Double(o.x - o.halfW, o.y - o.halfW, 2 * o.halfW, 2 * o.halfW));
                }
            }
            g.setColor(new Color(255, 220, 80));
            for (WorldSpec.Light l : world.lights) g.fill(new Ellipse2D.Double(l.x - 0.05, l.y - 0.05, 0.1, 0.1));
            g.setColor(new Color(60, 200, 200));
            for (SoundSource src : world.sounds) g.draw(new Ellipse2D.Double(src.x - 0.08, src.y - 0.08, 0.16, 0.16));
            Path2D trail = new Path2D.Double();
            synchronized (lock) {
                int n = Math.min(trailCount, TRAIL);
                for (int k = 0; k < n; k++) {
                    int i = (trailCount - n + k) % TRAIL;
                    if (k == 0) trail.moveTo(trailX[i], trailY[i]); else trail.lineTo(trailX[i], trailY[i]);
                }
            }
            g.setColor(new Color(140, 140, 160));
            g.setStroke(new java.awt.BasicStroke((float) (1 / s)));
            g.draw(trail);
            double x = world.x();
            double y = world.y();
            double r = world.robotRadiusM;
            double hd = world.heading();
            g.setColor(world.blocked() ? new Color(240, 80, 60) : new Color(230, 230, 230));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            g.setColor(Color.BLACK);
            g.setStroke(new java.awt.BasicStroke((float) (2 / s)));
            g.draw(new Line2D.Double(x, y, x + r * Math.cos(hd), y + r * Math.sin(hd)));
            g.setTransform(old);
        }
    }

    private final class StageTimes extends JComponent {
        @Override protected void paintComponent(Graphics g0) {
            Graphics2D g = (Graphics2D) g0;
            g.setColor(new Color(20, 20, 24));
            g.fillRect(0, 0, getWidth(), getHeight());
            LoopStats st = agent.loop().stats();
            List<String> names = st.epochNames();
            double period = agent.loop().config().get(LoopKeys.PERIOD_MS);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
            int bar = g.getFontMetrics().stringWidth(String.format("%-13s %8s %8s", "", "", "")) + 8;
            int row = 16;
            int y = 14;
            g.setColor(Color.LIGHT_GRAY);
            g.drawString(String.format("%-13s %8s %8s  bar: median, 1 ms", "stage", "median", "max"), 4, y);
            for (String n : names) {
                y += row;
                long[] m = st.epochSummary(n);
                double med = m[1] / 1e6;
                g.setColor(new Color(70, 130, 200));
                // Full width is 1 ms.
                g.fillRect(bar, y - 10, (int) Math.min(getWidth() - bar - 4, med * (getWidth() - bar - 4)), 10);
                g.setColor(Color.WHITE);
                g.drawString(String.format(java.util.Locale.ROOT, "%-13s %8.3f %8.3f", n, med, m[2] / 1e6), 4, y);
            }
            y += row;
            long[] t = st.epochSummary("tick");
            g.drawString(String.format(java.util.Locale.ROOT, "%-13s %8.3f %8.3f", "tick", t[1] / 1e6, t[2] / 1e6), 4, y);
            y += row;
            g.drawString(String.format(java.util.Locale.ROOT, "period %.0f ms, %d overrun(s)", period, st.overruns()), 4, y);
        }
    }
}
