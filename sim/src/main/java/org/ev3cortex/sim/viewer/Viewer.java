package org.ev3cortex.sim.viewer;

import org.ev3cortex.seam.LoopState;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
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
 * The live viewer: the arena with the robot and its trail; the camera with its Y, U and V planes;
 * the sheet and pathway maps contributed by {@link ViewerPanels}; the tick time per stage, the
 * ticks per second and the active behaviour. Pause, step, and ×1 / ×10 / max speed.
 *
 * <p>The loop runs on its own thread; an observer copies what the panels need after each tick
 * into buffers the viewer owns, and the panels repaint from those at 25 Hz.
 */
public final class Viewer {
    private static final int TRAIL = 4_000;

    private final Agent agent;
    private final SimBody body;
    private final World world;
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

    private Viewer(Agent agent, SimBody body) {
        this.agent = agent;
        this.body = body;
        this.world = body.world();
        this.pacer = new Pacer(agent.loop().config().get(LoopKeys.PERIOD_MS));
        camW = body.renderer().width();
        camH = body.renderer().height();
        camera = new BufferedImage(camW, camH, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 3; i++) yuv[i] = new BufferedImage(i == 0 ? camW : camW / 2, camH, BufferedImage.TYPE_BYTE_GRAY);
        frameCopy = new byte[body.camera().frameBytes()];
        rgbCopy = new int[camW * camH];
        planeY = new byte[camW * camH];
        planeU = new byte[camW / 2 * camH];
        planeV = new byte[camW / 2 * camH];
        extra.addAll(ViewerPanels.forAgent(agent));
    }

    /** Opens the window, runs the agent until the window closes; returns the exit code. */
    public static int show(Agent agent, SimBody body) throws InterruptedException {
        Viewer v = new Viewer(agent, body);
        return v.run();
    }

    private int run() throws InterruptedException {
        TickLoop loop = agent.loop();
        loop.addObserver(pacer);
        loop.addObserver(copier());
        CountDownLatch closed = new CountDownLatch(1);
        SwingUtilities.invokeLater(() -> buildWindow(closed));
        Thread runner = new Thread(() -> agent.run(Long.MAX_VALUE), "agent-loop");
        runner.start();
        closed.await();
        loop.requestStop();
        pacer.release();
        runner.join(5_000);
        return loop.state() == LoopState.FAULTED ? 1 : 0;
    }

    private TickObserver copier() {
        return new TickObserver() {
            @Override public void afterTick(long tick, Snapshot s, MotorCommands c) {
                synchronized (lock) {
                    trailX[trailCount % TRAIL] = world.x();
                    trailY[trailCount % TRAIL] = world.y();
                    trailCount++;
                    if (s.frame.length == frameCopy.length) {
                        System.arraycopy(s.frame, 0, frameCopy, 0, frameCopy.length);
                        System.arraycopy(body.renderer().rgb(), 0, rgbCopy, 0, rgbCopy.length);
                        frameTick = tick;
                    }
                    for (ViewerPanels.Panel p : extra) p.copy(tick, s);
                }
            }
        };
    }

    private void buildWindow(CountDownLatch closed) {
        JFrame f = new JFrame("ev3cortex simulator");
        f.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        f.addWindowListener(new WindowAdapter() {
            @Override public void windowClosed(WindowEvent e) {
                closed.countDown();
            }
        });
        JLabel status = new JLabel(" ");
        status.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));

        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT));
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
        controls.add(status);

        JPanel grid = new JPanel(new GridLayout(0, 3, 4, 4));
        grid.setBackground(Color.DARK_GRAY);
        grid.add(titled("arena", new ArenaView()));
        grid.add(titled("camera (RGB)", image(() -> camera)));
        grid.add(titled("Y / U / V planes", new YuvView()));
        for (ViewerPanels.Panel p : extra) grid.add(titled(p.title(), p.component(lock)));
        grid.add(titled("tick time per stage", new StageTimes()));

        f.getContentPane().add(controls, BorderLayout.NORTH);
        f.getContentPane().add(grid, BorderLayout.CENTER);
        f.setSize(1280, 860);
        f.setLocationByPlatform(true);
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
            status.setText(String.format(java.util.Locale.ROOT,
                    "t=%7.1f s  %6.0f ticks/s  behaviour %-14s battery %.2f V  collisions %d  stalls %d",
                    world.nanos() / 1e9, tps[0], m.active(), world.batteryV(), world.collisions(), agent.percepts().stallDetections()));
            grid.repaint();
        }).start();
    }

    private void updateCamera() {
        synchronized (lock) {
            if (frameTick < 0) return;
            camera.setRGB(0, 0, camW, camH, rgbCopy, 0, camW);
            // Planes from the frame the agent actually read (whatever its format).
            if (body.camera().format() == org.ev3cortex.body.PixelFormat.YUYV) {
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
            int row = 16;
            int y = 14;
            g.setColor(Color.LIGHT_GRAY);
            g.drawString(String.format("%-13s %8s %8s  (bar: median, 1 ms full)", "stage", "median", "max"), 4, y);
            for (String n : names) {
                y += row;
                long[] m = st.epochSummary(n);
                double med = m[1] / 1e6;
                g.setColor(new Color(70, 130, 200));
                g.fillRect(250, y - 10, (int) Math.min(getWidth() - 255, med * (getWidth() - 255)), 10);
                g.setColor(Color.WHITE);
                g.drawString(String.format(java.util.Locale.ROOT, "%-13s %8.3f %8.3f", n, med, m[2] / 1e6), 4, y);
            }
            y += row;
            long[] t = st.epochSummary("tick");
            g.drawString(String.format(java.util.Locale.ROOT, "%-13s %8.3f %8.3f  period %.0f ms, %d overruns",
                    "tick", t[1] / 1e6, t[2] / 1e6, period, st.overruns()), 4, y);
            y += row;
            g.setColor(Color.LIGHT_GRAY);
            for (String line : lastSwitches()) {
                y += row;
                if (y > getHeight()) break;
                g.drawString(line, 4, y);
            }
        }

        private List<String> lastSwitches() {
            List<String> all = agent.selection().switches().describe();
            return all.subList(Math.max(0, all.size() - 6), all.size());
        }
    }
}
