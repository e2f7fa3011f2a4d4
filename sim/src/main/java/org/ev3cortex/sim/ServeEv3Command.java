package org.ev3cortex.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Reading;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeMotor;
import org.ev3cortex.robot.fake.FakeSensor;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve-ev3 --root DIR}: the simulated robot as an ev3dev sysfs tree, so that the unchanged
 * brick jar ({@code ev3.sysfs.root=DIR/sys}) drives it. The world runs in real time, as a brick
 * does. Motors are the behaving fake tree's tacho motors, driven by the simulated wheels; the
 * bumper is a touch sensor; the battery is the simulated one. The camera and microphone are FIFOs
 * of raw YUYV frames and S16_LE samples, for the brick's commands to read:
 * {@code --set "ev3.camera.command=cat DIR/camera.yuyv" --set "ev3.mic.command=cat DIR/mic.s16"}.
 */
@Command(name = "serve-ev3", mixinStandardHelpOptions = true,
        description = "Expose the simulated robot as an ev3dev sysfs tree (with camera and mic FIFOs) for the brick jar.")
public final class ServeEv3Command implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "DIR", required = true, description = "Where to build the tree (DIR/sys) and the FIFOs.")
    Path root;

    @Option(names = {"-w", "--world"}, paramLabel = "FILE", description = "World file (sim.* keys).")
    Path world;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file; repeatable.")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0", description = "Stop after N seconds; 0 runs until killed.")
    double seconds;

    private volatile boolean running = true;
    private volatile SimBody body;

    @Override
    public Integer call() throws Exception {
        AgentOptions options = new AgentOptions();
        if (world != null) options.configFiles.add(world);
        options.configFiles.addAll(configs);
        for (String s : sets) options.overrides.add(ConfigOverride.parse(s, "--set"));
        Config config = options.loadOrReport(new ConfigLoader(SimKeys.schema()), System.err);
        if (config == null) return AgentOptions.EXIT_CONFIG;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running = false, "serve-ev3-stop"));
        serve(config, root, seconds, this);
        return 0;
    }

    /** Stops a {@link #serve} running on another thread. */
    public void stop() {
        running = false;
    }

    /** The simulated robot being served, once {@link #serve} has built it. */
    public SimBody body() {
        return body;
    }

    /** Builds the tree and FIFOs under {@code root} and runs the world in real time until stopped. */
    public static void serve(Config config, Path root, double seconds, ServeEv3Command self) throws Exception {
        Files.createDirectories(root);
        SimBody body = new SimBody(config);
        World w = body.world();
        try (FakeEv3Tree tree = new FakeEv3Tree(root.resolve("sys"))) {
            String[] ports = BodyKeys.motorPorts(config);
            for (int i = 0; i < ports.length; i++) {
                FakeMotor m = tree.addMotor(ports[i].trim(), "lego-ev3-l-motor");
                m.driveWith(body.motors(), i);
            }
            List<FakeSensor> touch = new ArrayList<>();
            for (String p : BodyKeys.touchPorts(config)) touch.add(tree.addSensor(p, "lego-ev3-touch"));
            tree.start(2);

            Path cameraFifo = fifo(root.resolve("camera.yuyv"));
            Path micFifo = fifo(root.resolve("mic.s16"));
            body.camera().start();
            body.microphone().start();
            self.body = body;
            Thread camera = feeder("serve-ev3-camera", cameraFifo, new Feed() {
                private final byte[] frame = new byte[body.camera().frameBytes()];
                private final Reading reading = new Reading();
                @Override public byte[] next() throws InterruptedException {
                    Thread.sleep(100); // a 10 fps webcam
                    body.camera().read(frame, reading);
                    return frame;
                }
            }, self);
            int channels = config.get(BodyKeys.MIC_CHANNELS);
            Thread mic = feeder("serve-ev3-mic", micFifo, new Feed() {
                private long sent = w.audioSamplesWritten();
                private short[] stereo = new short[0];
                @Override public byte[] next() throws InterruptedException {
                    Thread.sleep(20);
                    long now = w.audioSamplesWritten();
                    int frames = (int) Math.min(now - sent, 4_096);
                    sent = now;
                    if (stereo.length != 2 * frames) stereo = new short[2 * frames];
                    w.copyNewestAudio(stereo);
                    byte[] out = new byte[frames * channels * 2];
                    for (int i = 0; i < frames; i++) {
                        for (int c = 0; c < channels; c++) {
                            int v = channels == 2 ? stereo[2 * i + c] : (stereo[2 * i] + stereo[2 * i + 1]) / 2;
                            out[2 * (i * channels + c)] = (byte) v;
                            out[2 * (i * channels + c) + 1] = (byte) (v >> 8);
                        }
                    }
                    return out;
                }
            }, self);

            System.out.println("serving the simulated robot at " + root.resolve("sys") + "; camera " + cameraFifo + ", mic "
                    + micFifo);
            long start = System.nanoTime();
            long lastReport = start;
            while (self.running && (seconds <= 0 || System.nanoTime() - start < seconds * 1e9)) {
                long now = System.nanoTime();
                w.advanceTo(now - start);
                for (FakeSensor s : touch) s.setValue(0, w.bumper() ? 1 : 0);
                tree.setBattery((int) Math.round(w.batteryV() * 1e6), (int) Math.round(w.currentA() * 1e6));
                if (now - lastReport > 5_000_000_000L) {
                    System.out.printf(java.util.Locale.ROOT, "t=%.0f s  x=%.2f y=%.2f  travelled %.2f m  collisions %d%n",
                            (now - start) / 1e9, w.x(), w.y(), w.distanceM(), w.collisions());
                    lastReport = now;
                }
                LockSupport.parkNanos(2_000_000L);
            }
            camera.interrupt();
            mic.interrupt();
            System.out.printf(java.util.Locale.ROOT, "served %.1f s: travelled %.2f m, %d collision(s)%n",
                    (System.nanoTime() - start) / 1e9, w.distanceM(), w.collisions());
        }
    }

    interface Feed {
        byte[] next() throws InterruptedException;
    }

    private static Path fifo(Path p) throws IOException, InterruptedException {
        Files.deleteIfExists(p);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        if (mk.waitFor() != 0) throw new IOException("mkfifo " + p + " failed (exit " + mk.exitValue() + ")");
        return p;
    }

    /** Writes a feed into a FIFO; reopens it whenever the reader goes away (the brick restarts its command). */
    private static Thread feeder(String name, Path fifo, Feed feed, ServeEv3Command self) {
        Thread t = new Thread(() -> {
            while (self.running && !Thread.currentThread().isInterrupted()) {
                try (OutputStream out = Files.newOutputStream(fifo)) { // blocks until a reader opens it
                    while (self.running) out.write(feed.next());
                } catch (IOException e) {
                    // the reader closed the FIFO: wait for the next one
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
