package org.ev3cortex.sim.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ev3cortex.sim.report.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tools export FILE.mcap --out DIR}: every channel's numeric fields as {@code .npy} arrays
 * (one row per message), plus {@code index.json} with the channels, their rates, and each array's
 * file, dtype, shape and unit. Camera frames become {@code uint8 [n, height, step]}, audio
 * {@code int16 [n, frames, channels]}. The directory appears whole or not at all: it is written
 * beside its place and renamed into it at the end.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a recording (--record) to numpy: one .npy per channel field, and index.json.")
public final class ExportCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "FILE.mcap", description = "A finished recording.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (new or empty).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final Map<String, String> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("log_time_ns", "ns (MCAP log time)");
        UNITS.put("tick", "tick");
        UNITS.put("nanos", "ns (body clock)");
        UNITS.put("capture_nanos", "ns (body clock)");
        UNITS.put("stats_capture_nanos", "ns (body clock)");
        UNITS.put("position_counts", "tacho counts");
        UNITS.put("speed_counts_per_sec", "counts/s");
        UNITS.put("battery_v", "V");
        UNITS.put("battery_a", "A");
        UNITS.put("stats", "[cpu load 0..1, memory used B, memory total B, temperature C, processes]");
        UNITS.put("sample_rate_hz", "Hz");
        UNITS.put("wall_ms", "ms since the epoch");
        UNITS.put("tick_ms", "ms");
        UNITS.put("issued_tick", "tick");
        UNITS.put("mode", "0 none, 1 run-forever, 2 run-to-rel-pos, 3 run-timed, 4 stop");
        UNITS.put("flags", "bits: running 1, ramping 2, holding 4, overloaded 8, stalled 16");
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            McapReader.Recording rec = McapReader.read(file);
            Path target = out.toAbsolutePath().normalize();
            if (Files.isDirectory(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    if (s.findAny().isPresent()) {
                        throw new BadRecordingException(out + ": exists and is not empty; give a new directory");
                    }
                }
            } else if (Files.exists(target)) {
                throw new BadRecordingException(out + ": exists and is not a directory");
            }
            Path parent = target.getParent();
            Path tmp;
            try {
                if (parent != null) Files.createDirectories(parent);
                tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
            } catch (IOException | SecurityException e) {
                throw new BadRecordingException(out + ": cannot write there (" + RecordDefaults.describe(e) + ")");
            }
            int arrays;
            try {
                arrays = export(rec, tmp);
                if (Files.isDirectory(target)) Files.delete(target); // the empty one checked above
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                if (e instanceof RuntimeException && !(e instanceof java.io.UncheckedIOException)) {
                    throw new BadRecordingException(file + ": corrupt message (" + e.getMessage() + ")");
                }
                throw new BadRecordingException(out + ": cannot write there (" + RecordDefaults.describe(e) + ")");
            }
            o.printf("exported %d arrays from %d channels of %s to %s (index.json)%n", arrays, rec.messages.size(), file, out);
            return 0;
        } catch (BadRecordingException | IOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } finally {
            o.flush();
            err.flush();
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden .partial directory is all that remains
        }
    }

    private int export(McapReader.Recording rec, Path dir) throws IOException {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("source", file.toString());
        index.put("library", rec.library);
        index.put("metadata", rec.meta);
        Map<String, Object> channels = new LinkedHashMap<>();
        int arrays = 0;
        for (Map.Entry<String, List<McapReader.Message>> e : rec.messages.entrySet()) {
            String topic = e.getKey();
            List<McapReader.Message> ms = e.getValue();
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("schema", rec.schemas.get(topic));
            ch.put("messages", ms.size());
            if (ms.size() > 1) {
                double s = (ms.get(ms.size() - 1).logTime - ms.get(0).logTime) / 1e9;
                ch.put("rate_hz", s > 0 ? (ms.size() - 1) / s : null);
            }
            Map<String, Object> files = new LinkedHashMap<>();
            ch.put("arrays", files);
            channels.put(topic, ch);
            if (ms.isEmpty()) continue;
            List<Map<String, Object>> rows = new ArrayList<>(ms.size());
            long[] logTimes = new long[ms.size()];
            for (int i = 0; i < ms.size(); i++) {
                rows.add(ms.get(i).json());
                logTimes[i] = ms.get(i).logTime;
            }
            if (topic.equals("/config")) {
                index.put("config", rows.get(0).get("values"));
                List<Object> changes = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    r.remove("timestamp");
                    changes.add(r);
                }
                ch.put("changes", changes);
                continue;
            }
            String stem = topic.replaceFirst("^/", "").replace('/', '.');
            arrays += write(dir, stem, "log_time_ns", files, "<i8", new int[] {ms.size()}, longs(logTimes));
            Map<String, Object> first = flatten(rows.get(0));
            List<Map<String, Object>> flat = new ArrayList<>();
            for (Map<String, Object> r : rows) flat.add(flatten(r));
            for (String field : first.keySet()) {
                if (field.startsWith("timestamp.")) continue;
                if (field.equals("data")) {
                    arrays += data(dir, stem, topic, rows, files);
                    continue;
                }
                arrays += column(dir, stem, field, flat, files);
            }
        }
        index.put("channels", channels);
        Files.write(dir.resolve("index.json"), Json.write(index).getBytes(StandardCharsets.UTF_8));
        return arrays;
    }

    /** Nested objects flattened to dotted names; lists of objects dropped (index.json keeps /config's). */
    private static Map<String, Object> flatten(Map<String, Object> m) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map) {
                for (Map.Entry<String, Object> n : flatten(JsonIn.object(e.getValue())).entrySet()) {
                    f.put(e.getKey() + "." + n.getKey(), n.getValue());
                }
            } else {
                f.put(e.getKey(), e.getValue());
            }
        }
        return f;
    }

    /** One numeric or boolean field (scalar or fixed-length list) over every message; others skipped. */
    private int column(Path dir, String stem, String field, List<Map<String, Object>> rows, Map<String, Object> files)
            throws IOException {
        Object v0 = rows.get(0).get(field);
        int width = -1;
        if (v0 instanceof List) {
            width = ((List<?>) v0).size();
            for (Object x : (List<?>) v0) if (!(x == null || x instanceof Number || x instanceof Boolean)) return 0;
        } else if (!(v0 == null || v0 instanceof Number || v0 instanceof Boolean)) {
            return 0;
        }
        boolean bool = false;
        boolean real = false;
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Object v = r.get(field);
            if (width >= 0) {
                if (!(v instanceof List) || ((List<?>) v).size() != width) return 0;
                values.addAll((List<?>) v);
            } else {
                if (v instanceof List) return 0;
                values.add(v);
            }
        }
        for (Object x : values) {
            if (x instanceof Boolean) bool = true;
            else if (x == null || x instanceof Double) real = true;
            else if (!(x instanceof Long)) return 0;
        }
        int n = rows.size();
        int[] shape = width >= 0 ? new int[] {n, width} : new int[] {n};
        if (bool) {
            byte[] b = new byte[values.size()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (Boolean.TRUE.equals(values.get(i)) ? 1 : 0);
            return write(dir, stem, field, files, "|b1", shape, b);
        }
        ByteBuffer bb = ByteBuffer.allocate(values.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Object x : values) {
            if (real) bb.putDouble(Senses.dbl(x));
            else bb.putLong((Long) x);
        }
        return write(dir, stem, field, files, real ? "<f8" : "<i8", shape, bb.array());
    }

    /** The base64 payloads: camera frames as uint8 [n, height, step], audio as int16 [n, frames, channels], sheet maps as float32 [n, height, width]. */
    private int data(Path dir, String stem, String topic, List<Map<String, Object>> rows, Map<String, Object> files)
            throws IOException {
        Base64.Decoder d = Base64.getDecoder();
        Map<String, Object> r0 = rows.get(0);
        int n = rows.size();
        int[] shape;
        String dtype;
        if (topic.equals("/camera")) {
            shape = new int[] {n, (int) Senses.lng(r0.get("height")), (int) Senses.lng(r0.get("step"))};
            dtype = "|u1";
        } else if (topic.equals("/audio")) {
            shape = new int[] {n, (int) Senses.lng(r0.get("frames")), (int) Senses.lng(r0.get("channels"))};
            dtype = "<i2";
        } else if (topic.startsWith("/sheet/") && "32FC1".equals(r0.get("encoding"))) {
            shape = new int[] {n, (int) Senses.lng(r0.get("height")), (int) Senses.lng(r0.get("width"))};
            dtype = "<f4";
        } else {
            return 0;
        }
        int rowBytes = shape[1] * shape[2] * (dtype.equals("<i2") ? 2 : dtype.equals("<f4") ? 4 : 1);
        byte[] all = new byte[n * rowBytes];
        for (int i = 0; i < n; i++) {
            byte[] b = d.decode((String) rows.get(i).get("data"));
            if (b.length != rowBytes) throw new IllegalArgumentException(topic + " message " + i + " has " + b.length
                    + " bytes of data, the first had " + rowBytes);
            System.arraycopy(b, 0, all, i * rowBytes, rowBytes);
        }
        String unit = topic.equals("/camera") ? "pixel bytes, encoding " + r0.get("encoding") + " (yuyv: Y0 U Y1 V)"
                : topic.equals("/audio") ? "signed 16-bit samples, full scale 32768, interleaved"
                : "sheet " + topic.substring("/sheet/".length()) + ", mean of each record.sheet.downsample block";
        int w = write(dir, stem, "data", files, dtype, shape, all);
        JsonIn.object(files.get("data")).put("unit", unit);
        return w;
    }

    private static byte[] longs(long[] v) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) bb.putLong(x);
        return bb.array();
    }

    private static int write(Path dir, String stem, String field, Map<String, Object> files, String dtype, int[] shape,
                             byte[] data) throws IOException {
        String name = stem + "." + field + ".npy";
        StringBuilder sh = new StringBuilder("(");
        List<Integer> shapeList = new ArrayList<>();
        for (int s : shape) {
            sh.append(s).append(", ");
            shapeList.add(s);
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : sh.substring(0, sh.length() - 2) + ")";
        String header = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        StringBuilder h = new StringBuilder(header);
        for (int i = 0; i < pad; i++) h.append(' ');
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        pre.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) hb.length);
        try (java.io.OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            os.write(pre.array());
            os.write(hb);
            os.write(data);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", name);
        info.put("dtype", dtype);
        info.put("shape", shapeList);
        String base = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        String unit = UNITS.get(field);
        if (unit == null && base.equals("epochs_ms")) unit = "ms";
        if (unit == null && stem.equals("surprise") && !field.equals("tick")) unit = "mean e^2/sigma^2";
        if (unit != null) info.put("unit", unit);
        files.put(field, info);
        return 1;
    }
}
