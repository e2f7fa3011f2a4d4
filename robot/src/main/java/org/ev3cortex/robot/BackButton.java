package org.ev3cortex.robot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brick's back button, as leJOS's Escape: a press stops the agent. It reads Linux
 * {@code struct input_event}s from ev3dev's gpio-keys device ({@code ev3.buttons.device}) on a
 * daemon thread, started after the first tick so that it costs the start-up nothing.
 *
 * <p>An event is {@code struct timeval} (two longs of the machine's word size: 4 bytes each on
 * the brick's 32-bit ARM, 8 on a 64-bit host), then {@code u16 type}, {@code u16 code} and
 * {@code s32 value}, little-endian: 16 bytes on the brick. The back button is {@code EV_KEY}
 * (1), {@code KEY_BACKSPACE} (14) in ev3dev; value 1 is the press. A regular file is followed
 * like {@code tail -f} (tests write events into one); a device never ends.
 */
final class BackButton implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BackButton.class);
    static final int EV_KEY = 1;
    static final int KEY_BACKSPACE = 14;
    /** The size of one event for this JVM's word size. */
    static final int EVENT_BYTES = "32".equals(System.getProperty("sun.arch.data.model")) ? 16 : 24;

    private final Path device;
    private final Runnable onPress;
    private final FileChannel channel;
    private volatile boolean closed;

    private BackButton(Path device, FileChannel channel, Runnable onPress) {
        this.device = device;
        this.channel = channel;
        this.onPress = onPress;
    }

    /** Starts watching {@code device}; null (with a warning) when it cannot be opened. */
    static BackButton start(Path device, Runnable onPress) {
        FileChannel ch;
        try {
            ch = FileChannel.open(device, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "not found"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied (group input?)" : e.getMessage();
            log.warn("no back button at {} ({}): stop the agent with deploy stop or Ctrl-C", device, why);
            return null;
        }
        BackButton b = new BackButton(device, ch, onPress);
        Thread t = new Thread(b, "back-button");
        t.setDaemon(true);
        t.start();
        log.info("back button at {}: a press stops the agent", device);
        return b;
    }

    @Override
    public void run() {
        ByteBuffer event = ByteBuffer.allocate(EVENT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        boolean follow = Files.isRegularFile(device);
        try {
            while (!closed) {
                int n = channel.read(event);
                if (n < 0) {
                    if (!follow) return;
                    Thread.sleep(20);
                    continue;
                }
                if (event.hasRemaining()) continue;
                int type = event.getShort(EVENT_BYTES - 8) & 0xFFFF;
                int code = event.getShort(EVENT_BYTES - 6) & 0xFFFF;
                int value = event.getInt(EVENT_BYTES - 4);
                event.clear();
                if (type == EV_KEY && code == KEY_BACKSPACE && value == 1) {
                    log.info("back button pressed: stopping the agent");
                    onPress.run();
                }
            }
        } catch (IOException e) {
            if (!closed) log.warn("back button {} failed: {}", device, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing {}: {}", device, e.toString());
        }
    }
}
