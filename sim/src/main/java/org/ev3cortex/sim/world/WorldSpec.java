package org.ev3cortex.sim.world;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ev3cortex.config.Config;
import org.ev3cortex.sim.SimKeys;

/**
 * The small grammars of the world keys. Each list is items separated by {@code ;}, each item
 * whitespace-separated words; a problem names the item, what was wrong and the expected form, and
 * the config loader adds the key and {@code file:line}.
 *
 * <pre>
 * sim.world.obstacles = box X Y W H COLOUR; cylinder X Y R COLOUR
 * sim.world.lights    = X Y INTENSITY; ...
 * sim.world.sounds    = tone X Y FREQ_HZ LEVEL [on=S period=S]; chirp X Y F0 F1 LEVEL [...];
 *                       noise X Y LEVEL [...]; wav X Y PATH LEVEL [...]
 * </pre>
 */
public final class WorldSpec {
    private WorldSpec() {}

    public static final String OBSTACLE_FORMS = "box X Y W H COLOUR or cylinder X Y R COLOUR";
    public static final String LIGHT_FORM = "X Y INTENSITY";
    public static final String SOUND_FORMS = "tone X Y FREQ_HZ LEVEL, chirp X Y F0_HZ F1_HZ LEVEL, noise X Y LEVEL"
            + " or wav X Y PATH LEVEL, each optionally followed by on=SECONDS period=SECONDS";

    /** A light: position (m) and intensity (1 = a desk lamp). */
    public static final class Light {
        public final double x;
        public final double y;
        public final double intensity;

        Light(double x, double y, double intensity) {
            this.x = x;
            this.y = y;
            this.intensity = intensity;
        }
    }

    private static List<String[]> items(String value) {
        List<String[]> out = new ArrayList<>();
        for (String item : value.split(";")) {
            String t = item.trim();
            if (!t.isEmpty()) out.add(t.split("\\s+"));
        }
        return out;
    }

    private static double num(String[] w, int i, String what, String form, int item) {
        if (i >= w.length) throw new IllegalArgumentException(where(item, w) + ": missing " + what + "; expected " + form);
        try {
            double v = Double.parseDouble(w[i]);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(item, w) + ": " + what + " '" + w[i] + "' is not a number; expected " + form);
        }
    }

    private static double positive(String[] w, int i, String what, String form, int item) {
        double v = num(w, i, what, form, item);
        if (v <= 0) throw new IllegalArgumentException(where(item, w) + ": " + what + " must be > 0; expected " + form);
        return v;
    }

    private static String where(int item, String[] w) {
        return "item " + item + " '" + String.join(" ", w) + "'";
    }

    private static void noExtra(String[] w, int used, String form, int item) {
        if (w.length > used) {
            throw new IllegalArgumentException(where(item, w) + ": unexpected '" + w[used] + "'; expected " + form);
        }
    }

    public static List<Obstacle> obstacles(String value) {
        List<Obstacle> out = new ArrayList<>();
        int n = 0;
        for (String[] w : items(value)) {
            n++;
            switch (w[0].toLowerCase(Locale.ROOT)) {
                case "box": {
                    String form = "box X Y W H COLOUR";
                    double x = num(w, 1, "X", form, n);
                    double y = num(w, 2, "Y", form, n);
                    double bw = positive(w, 3, "W", form, n);
                    double bh = positive(w, 4, "H", form, n);
                    int c = colour(w, 5, form, n);
                    noExtra(w, 6, form, n);
                    out.add(Obstacle.box(x, y, bw, bh, c));
                    break;
                }
                case "cylinder": {
                    String form = "cylinder X Y R COLOUR";
                    double x = num(w, 1, "X", form, n);
                    double y = num(w, 2, "Y", form, n);
                    double r = positive(w, 3, "R", form, n);
                    int c = colour(w, 4, form, n);
                    noExtra(w, 5, form, n);
                    out.add(Obstacle.cylinder(x, y, r, c));
                    break;
                }
                default:
                    throw new IllegalArgumentException(where(n, w) + ": unknown shape '" + w[0] + "'; expected " + OBSTACLE_FORMS);
            }
        }
        return out;
    }

    private static int colour(String[] w, int i, String form, int item) {
        if (i >= w.length) throw new IllegalArgumentException(where(item, w) + ": missing COLOUR; expected " + form);
        try {
            return Colour.parse(w[i]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(item, w) + ": " + e.getMessage());
        }
    }

    public static List<Light> lights(String value) {
        List<Light> out = new ArrayList<>();
        int n = 0;
        for (String[] w : items(value)) {
            n++;
            double x = num(w, 0, "X", LIGHT_FORM, n);
            double y = num(w, 1, "Y", LIGHT_FORM, n);
            double i = positive(w, 2, "INTENSITY", LIGHT_FORM, n);
            noExtra(w, 3, LIGHT_FORM, n);
            out.add(new Light(x, y, i));
        }
        return out;
    }

    public static List<SoundSource> sounds(String value, long seed, Path baseDir) {
        List<SoundSource> out = new ArrayList<>();
        int n = 0;
        for (String[] all : items(value)) {
            n++;
            List<String> words = new ArrayList<>();
            double on = Double.NaN;
            double period = Double.NaN;
            for (String t : all) {
                if (t.startsWith("on=")) {
                    on = num(new String[] {t.substring(3)}, 0, "on", SOUND_FORMS, n);
                } else if (t.startsWith("period=")) {
                    period = num(new String[] {t.substring(7)}, 0, "period", SOUND_FORMS, n);
                } else {
                    words.add(t);
                }
            }
            String[] w = words.toArray(new String[0]);
            if (Double.isNaN(period)) period = Double.isNaN(on) ? 1.0 : Math.max(on, 1.0);
            if (Double.isNaN(on)) on = period;
            if (period <= 0 || on <= 0 || on > period) {
                throw new IllegalArgumentException(where(n, all) + ": need 0 < on <= period, got on=" + on + " period=" + period);
            }
            switch (w[0].toLowerCase(Locale.ROOT)) {
                case "tone": {
                    String form = "tone X Y FREQ_HZ LEVEL";
                    SoundSource s = SoundSource.tone(num(w, 1, "X", form, n), num(w, 2, "Y", form, n),
                            positive(w, 3, "FREQ_HZ", form, n), positive(w, 4, "LEVEL", form, n), on, period);
                    noExtra(w, 5, form, n);
                    out.add(s);
                    break;
                }
                case "chirp": {
                    String form = "chirp X Y F0_HZ F1_HZ LEVEL";
                    SoundSource s = SoundSource.chirp(num(w, 1, "X", form, n), num(w, 2, "Y", form, n),
                            positive(w, 3, "F0_HZ", form, n), positive(w, 4, "F1_HZ", form, n),
                            positive(w, 5, "LEVEL", form, n), on, period);
                    noExtra(w, 6, form, n);
                    out.add(s);
                    break;
                }
                case "noise": {
                    String form = "noise X Y LEVEL";
                    SoundSource s = SoundSource.noise(num(w, 1, "X", form, n), num(w, 2, "Y", form, n),
                            positive(w, 3, "LEVEL", form, n), on, period, seed * 31 + n);
                    noExtra(w, 4, form, n);
                    out.add(s);
                    break;
                }
                case "wav": {
                    String form = "wav X Y PATH LEVEL";
                    double x = num(w, 1, "X", form, n);
                    double y = num(w, 2, "Y", form, n);
                    if (w.length < 4) throw new IllegalArgumentException(where(n, all) + ": missing PATH; expected " + form);
                    Path p = baseDir == null ? Paths.get(w[3]) : baseDir.resolve(w[3]);
                    SoundSource s = SoundSource.wav(x, y, p, positive(w, 4, "LEVEL", form, n), on, period);
                    noExtra(w, 5, form, n);
                    out.add(s);
                    break;
                }
                default:
                    throw new IllegalArgumentException(where(n, all) + ": unknown sound '" + w[0] + "'; expected " + SOUND_FORMS);
            }
        }
        return out;
    }

    /** Relative wav paths are relative to the file that set {@code sim.world.sounds}. */
    public static Path baseDir(Config c) {
        Path f = c.origin(SimKeys.SOUNDS).file();
        return f == null ? null : f.toAbsolutePath().getParent();
    }

    /** Syntax check for a key: null when fine. */
    public static String check(Runnable parse) {
        try {
            parse.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Placement problems of a parsed, well-formed world (obstacles, lights and sources outside the arena). */
    public static String outsideArena(Config c) {
        double w = c.get(SimKeys.WIDTH_M);
        double h = c.get(SimKeys.HEIGHT_M);
        int i = 0;
        for (Obstacle o : obstacles(c.get(SimKeys.OBSTACLES))) {
            i++;
            if (o.x - o.halfW < 0 || o.y - o.halfH < 0 || o.x + o.halfW > w || o.y + o.halfH > h) {
                return "obstacle " + i + " (" + o + ") lies outside the " + w + " x " + h + " m arena";
            }
        }
        return null;
    }

    public static String soundsOutsideOrMissing(Config c) {
        double w = c.get(SimKeys.WIDTH_M);
        double h = c.get(SimKeys.HEIGHT_M);
        int i = 0;
        for (SoundSource s : sounds(c.get(SimKeys.SOUNDS), 0, baseDir(c))) {
            i++;
            if (s.x < 0 || s.y < 0 || s.x > w || s.y > h) {
                return "sound " + i + " at " + s.x + "," + s.y + " lies outside the " + w + " x " + h + " m arena";
            }
            double nyquist = World.AUDIO_RATE_HZ / 2.0;
            if ((s.kind == SoundSource.Kind.TONE || s.kind == SoundSource.Kind.CHIRP)
                    && Math.max(s.f0Hz, s.f1Hz) >= nyquist) {
                return "sound " + i + ": " + fmt(Math.max(s.f0Hz, s.f1Hz)) + " Hz is not below the Nyquist frequency ("
                        + fmt(nyquist) + " Hz at the simulated microphone's " + World.AUDIO_RATE_HZ + " Hz)";
            }
            if (s.kind == SoundSource.Kind.WAV) {
                String problem = wavProblem(s.wav);
                if (problem != null) return "sound " + i + ": " + problem;
            }
        }
        return null;
    }

    /** The largest wav file a world may use. */
    public static final long WAV_LIMIT = 64L << 20;

    /** Why a wav source's file cannot be used, or null: checked before any work, not at the first tick. */
    static String wavProblem(Path wav) {
        Path abs = wav.toAbsolutePath();
        try {
            if (!Files.isRegularFile(wav)) return "wav file not found: " + abs;
            long size = Files.size(wav);
            if (size == 0) return "wav file is empty: " + abs;
            if (size > WAV_LIMIT) return "wav file " + abs + ": too large (limit " + WAV_LIMIT + " bytes)";
            javax.sound.sampled.AudioFileFormat f = javax.sound.sampled.AudioSystem.getAudioFileFormat(wav.toFile());
            if (f.getType() != javax.sound.sampled.AudioFileFormat.Type.WAVE) {
                return abs + " is " + f.getType() + ", not a wav file";
            }
            if (f.getFrameLength() == 0) return "wav file holds no samples: " + abs;
            return null;
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            return "not a wav file: " + abs;
        } catch (java.io.IOException e) {
            return "cannot read the wav file " + abs + ": " + e.getMessage();
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
