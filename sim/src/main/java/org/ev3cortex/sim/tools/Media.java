package org.ev3cortex.sim.tools;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads the tools' input files (images through ImageIO, WAV through Java Sound) with clear errors. */
public final class Media {
    private Media() {}

    /** An image as packed RGB24. */
    public record Image(int width, int height, byte[] rgb) {
        /** BT.601 luma bytes, as the camera's Y plane would hold them. */
        public byte[] gray() {
            byte[] g = new byte[width * height];
            for (int i = 0; i < g.length; i++) {
                int r = rgb[3 * i] & 0xff, gr = rgb[3 * i + 1] & 0xff, b = rgb[3 * i + 2] & 0xff;
                g[i] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
            }
            return g;
        }
    }

    /** Interleaved int16 audio. */
    public record Audio(int sampleRateHz, int channels, short[] samples) {
        public int frames() {
            return samples.length / channels;
        }
    }

    static void requireFile(Path p) throws BadInputException {
        if (!Files.exists(p)) throw new BadInputException("no such file: " + p);
        if (!Files.isRegularFile(p)) throw new BadInputException("not a file: " + p);
        if (!Files.isReadable(p)) throw new BadInputException("cannot read " + p);
        try {
            if (Files.size(p) > FILE_LIMIT) throw new BadInputException(p + ": too large (limit " + FILE_LIMIT + " bytes)");
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** The largest image or wav file a tool reads (a minute of 48 kHz stereo is 11 MB). */
    static final long FILE_LIMIT = 256L << 20;
    /** The most pixels an image may decode to (a 64-megapixel photo): a small PNG can claim far more. */
    static final long PIXEL_LIMIT = 64L << 20;

    public static boolean looksLikeWav(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    public static Image readImage(Path p) throws BadInputException {
        requireFile(p);
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadInputException("unsupported image format: " + p + " (readable: PNG, JPEG, BMP, GIF)");
            }
            ImageReader reader = readers.next();
            BufferedImage img;
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > PIXEL_LIMIT) {
                    throw new BadInputException(p + ": too large (" + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels; limit " + PIXEL_LIMIT + " pixels)");
                }
                img = reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw new BadInputException("corrupt " + reader.getFormatName() + " image " + p + ": " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
            int w = img.getWidth(), h = img.getHeight();
            byte[] rgb = new byte[w * h * 3];
            if (img.getRaster().getNumBands() == 1 && img.getColorModel().getComponentSize(0) == 8) {
                // A grey file: take its bytes as they are. getRGB would push them through a
                // linear-to-sRGB conversion and change every level.
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    img.getRaster().getSamples(0, y, w, 1, 0, row);
                    for (int x = 0; x < w; x++) {
                        int i = 3 * (y * w + x);
                        rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) row[x];
                    }
                }
                return new Image(w, h, rgb);
            }
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int i = 3 * (y * w + x);
                    rgb[i] = (byte) (row[x] >> 16);
                    rgb[i + 1] = (byte) (row[x] >> 8);
                    rgb[i + 2] = (byte) row[x];
                }
            }
            return new Image(w, h, rgb);
        } catch (IOException e) {
            throw new BadInputException("cannot read image " + p + ": " + e.getMessage(), e);
        }
    }

    /** PCM WAV of any integer width, converted to signed 16-bit. */
    public static Audio readWav(Path p) throws BadInputException {
        requireFile(p);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(p));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() < 1 || f.getChannels() > 2) {
                throw new BadInputException(p + " has " + f.getChannels() + " channels; A1 takes 1 or 2");
            }
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16,
                    f.getChannels(), 2 * f.getChannels(), f.getSampleRate(), false);
            AudioInputStream pcm;
            try {
                pcm = f.matches(target) ? in : AudioSystem.getAudioInputStream(target, in);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("unsupported WAV encoding in " + p + ": " + f, e);
            }
            // Bounded: a header can claim any length; 4x the file covers 8-bit to 16-bit and mu-law.
            byte[] bytes = pcm.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, 4 * FILE_LIMIT + 1));
            if (bytes.length > 4 * FILE_LIMIT) throw new BadInputException(p + ": too large (limit " + FILE_LIMIT + " bytes)");
            int frames = bytes.length / (2 * f.getChannels());
            if (frames == 0) throw new BadInputException("zero-length WAV: " + p + " holds no samples");
            short[] s = new short[frames * f.getChannels()];
            for (int i = 0; i < s.length; i++) s[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
            return new Audio(Math.round(f.getSampleRate()), f.getChannels(), s);
        } catch (UnsupportedAudioFileException e) {
            throw new BadInputException("unsupported or corrupt WAV: " + p + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BadInputException("corrupt WAV " + p + ": " + e.getMessage(), e);
        }
    }
}
