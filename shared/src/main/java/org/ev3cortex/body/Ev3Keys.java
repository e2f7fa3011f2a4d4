package org.ev3cortex.body;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/**
 * Keys of the ev3dev body (module {@code robot}). They live here, beside {@link BodyKeys}, because
 * the schema is assembled in {@code shared}, which cannot depend on {@code robot}. The motor and
 * touch ports are {@link BodyKeys#MOTOR_PORTS} and {@link BodyKeys#TOUCH_PORTS}.
 */
public final class Ev3Keys {
    private Ev3Keys() {}

    public static final Key<String> SYSFS_ROOT = Key.stringKey("ev3.sysfs.root", "/sys/class")
            .restartOnly()
            .doc("Where ev3dev's device classes live (tacho-motor, lego-sensor, power_supply, leds); a fake tree in tests and against the simulator.");
    public static final Key<Integer> DEVICE_TIMEOUT_MS = Key.intKey("ev3.deviceTimeoutMs", 3_000)
            .unit("ms").range(0, 120_000).restartOnly()
            .doc("How long start-up polls for a device (and for udev to make its attributes writable) before failing with the list of what was found.");
    public static final Key<Integer> GARBAGE_LIMIT = Key.intKey("ev3.garbageLimit", 5)
            .unit("reads").range(1, 10_000).restartOnly()
            .doc("Consecutive unreadable values (empty, non-numeric, out of range) from one device that count as a device fault: motors stopped, the loop faults.");
    public static final Key<Boolean> LEDS_ENABLED = Key.boolKey("ev3.leds.enabled", true)
            .restartOnly()
            .doc("Show the agent's state on the brick-status LEDs: amber starting, green running, red fault, off stopped.");

    public static final Key<String> BUTTONS_DEVICE = Key.stringKey("ev3.buttons.device",
                    "/dev/input/by-path/platform-gpio_keys-event")
            .restartOnly().allowEmpty()
            .doc("The brick buttons' input-event device; pressing the back button stops the agent with the motors stopped. Empty for none.");

    public static final Key<Boolean> CAMERA_ENABLED = Key.boolKey("ev3.camera.enabled", true)
            .restartOnly()
            .doc("Run the camera command; false for a brick without a webcam.");
    public static final Key<String> CAMERA_COMMAND = Key.stringKey("ev3.camera.command",
                    "ffmpeg -nostdin -loglevel error -f v4l2 -input_format yuyv422 -framerate {fps} -video_size {width}x{height} -i /dev/video0 -f rawvideo -pix_fmt {pixfmt} -")
            .restartOnly()
            .doc("Camera subprocess writing raw frames to stdout; split on blanks (quotes group), {width} {height} {pixfmt}"
                    + " and {fps} (the loop's rate: more than the brick's USB 1.1 port carries is wasted) are filled in.");
    public static final Key<Boolean> MIC_ENABLED = Key.boolKey("ev3.mic.enabled", true)
            .restartOnly()
            .doc("Run the microphone command; false for a brick without a USB microphone.");
    public static final Key<String> MIC_DEVICE = Key.stringKey("ev3.mic.device", "default")
            .restartOnly()
            .doc("ALSA capture device for arecord, e.g. plughw:1,0.");
    public static final Key<String> MIC_COMMAND = Key.stringKey("ev3.mic.command",
                    "arecord -q -D {device} -t raw -f S16_LE -r {rate} -c {channels}")
            .restartOnly()
            .doc("Microphone subprocess writing raw S16_LE interleaved samples to stdout; {device} {rate} {channels} are filled in.");
    public static final Key<Integer> MIC_CHUNK_FRAMES = Key.intKey("ev3.mic.chunkFrames", 256)
            .unit("frames").range(16, 65_536).restartOnly()
            .doc("Frames read from the microphone command per capture (256 at 16 kHz is 16 ms).");
    public static final Key<Integer> MEDIA_BACKOFF_MIN_MS = Key.intKey("ev3.media.backoffMinMs", 500)
            .unit("ms").range(1, 600_000).restartOnly()
            .doc("First wait before restarting a camera or microphone command that ended or crashed; doubles per failure.");
    public static final Key<Integer> MEDIA_BACKOFF_MAX_MS = Key.intKey("ev3.media.backoffMaxMs", 15_000)
            .unit("ms").range(1, 3_600_000).restartOnly()
            .doc("Longest wait between restarts of a camera or microphone command.");
    public static final Key<Boolean> STATS_ENABLED = Key.boolKey("ev3.stats.enabled", true)
            .restartOnly()
            .doc("Sample host statistics with OSHI for the insula (CPU, memory, temperature).");
    public static final Key<Integer> STATS_INTERVAL_MS = Key.intKey("ev3.stats.intervalMs", 1_000)
            .unit("ms").range(50, 600_000).restartOnly()
            .doc("How often OSHI samples the host statistics.");
    public static final Key<Boolean> CAPTURE_SHARED = Key.boolKey("ev3.capture.sharedThread", true)
            .restartOnly()
            .doc("Capture the camera, the microphone and the host statistics on one thread that polls their pipes"
                    + " (two threads fewer on the brick's one core); false gives each its own blocking thread.");

    public static final List<Key<?>> ALL = List.of(SYSFS_ROOT, DEVICE_TIMEOUT_MS, GARBAGE_LIMIT, LEDS_ENABLED,
            BUTTONS_DEVICE,
            CAMERA_ENABLED, CAMERA_COMMAND, MIC_ENABLED, MIC_DEVICE, MIC_COMMAND, MIC_CHUNK_FRAMES,
            MEDIA_BACKOFF_MIN_MS, MEDIA_BACKOFF_MAX_MS, STATS_ENABLED, STATS_INTERVAL_MS, CAPTURE_SHARED);

    public static final List<Schema.Rule> RULES = List.of(
            Schema.Rule.ordered(MEDIA_BACKOFF_MAX_MS, 1, false, MEDIA_BACKOFF_MIN_MS, "must not be below", " ms", ""));
}
