package org.ev3cortex.sim.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.ev3cortex.record.Recorder;

/**
 * Reads an ev3cortex MCAP recording (https://mcap.dev/spec) for replay and export: the data
 * section in order, chunks included (uncompressed ones, as the recorder writes them), with every
 * CRC that is set checked. Hand-written like the writer: there is no MCAP library for Java on
 * Maven Central. Anything it cannot trust is a {@link BadRecordingException} with one line for the
 * user: not MCAP, cut off, corrupt, not ours, or from another format version.
 */
public final class McapReader {
    /** Files larger than this are refused rather than read into memory. */
    static final long MAX_BYTES = 1L << 30;
    private static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};

    /** One message: its channel's topic, log time and JSON payload. */
    public static final class Message {
        public final String topic;
        public final long logTime;
        final byte[] buf;
        final int off;
        final int len;

        Message(String topic, long logTime, byte[] buf, int off, int len) {
            this.topic = topic;
            this.logTime = logTime;
            this.buf = buf;
            this.off = off;
            this.len = len;
        }

        public Map<String, Object> json() {
            return JsonIn.object(JsonIn.parse(buf, off, len));
        }
    }

    /** A whole recording. */
    public static final class Recording {
        public final Path file;
        public final String library;
        public final Map<String, String> meta;
        /** Topic to schema name. */
        public final Map<String, String> schemas;
        /** Messages per topic, in file order. */
        public final Map<String, List<Message>> messages;

        Recording(Path file, String library, Map<String, String> meta, Map<String, String> schemas,
                  Map<String, List<Message>> messages) {
            this.file = file;
            this.library = library;
            this.meta = meta;
            this.schemas = schemas;
            this.messages = messages;
        }

        public List<Message> topic(String t) {
            return messages.getOrDefault(t, List.of());
        }
    }

    private final Path file;
    private final byte[] b;
    private String library;
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final Map<Integer, String> schemaNames = new HashMap<>();
    private final Map<Integer, String> topics = new HashMap<>();
    private final Map<String, String> topicSchemas = new LinkedHashMap<>();
    private final Map<String, List<Message>> messages = new LinkedHashMap<>();

    private McapReader(Path file, byte[] b) {
        this.file = file;
        this.b = b;
    }

    /** Reads and checks a finished ev3cortex recording. */
    public static Recording read(Path file) throws BadRecordingException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadRecordingException(file + ": " + size + " bytes is more than this reader takes ("
                        + MAX_BYTES + "); record with a smaller record.rotateMb");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadRecordingException(file + ": no such file");
        } catch (IOException e) {
            throw new BadRecordingException(file + ": cannot read (" + e.getMessage() + ")");
        }
        McapReader r = new McapReader(file, bytes);
        r.parse();
        return new Recording(file, r.library, r.meta, r.topicSchemas, r.messages);
    }

    private BadRecordingException bad(String why) {
        return new BadRecordingException(file + ": " + why);
    }

    private long u64(int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[at + i] & 0xFF);
        return v;
    }

    private long u32(int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private int u16(int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /** A length-prefixed string at {@code at[0]}, which it advances. */
    private String str(int[] at, int end) throws BadRecordingException {
        if (at[0] + 4 > end) throw bad("corrupt record at byte " + at[0]);
        long n = u32(at[0]);
        if (at[0] + 4 + n > end) throw bad("corrupt string at byte " + at[0]);
        String s = new String(b, at[0] + 4, (int) n, StandardCharsets.UTF_8);
        at[0] += 4 + (int) n;
        return s;
    }

    private Map<String, String> map(int[] at, int end) throws BadRecordingException {
        if (at[0] + 4 > end) throw bad("corrupt map at byte " + at[0]);
        long n = u32(at[0]);
        int stop = at[0] + 4 + (int) n;
        if (n < 0 || stop > end) throw bad("corrupt map at byte " + at[0]);
        at[0] += 4;
        Map<String, String> m = new LinkedHashMap<>();
        while (at[0] < stop) m.put(str(at, stop), str(at, stop));
        return m;
    }

    private void parse() throws BadRecordingException {
        if (b.length < 8 || !startsWithMagic(0)) {
            throw bad("not an MCAP file (it does not start with the MCAP magic bytes)");
        }
        int pos = 8;
        boolean footer = false;
        boolean dataEnd = false;
        while (pos < b.length) {
            if (pos + 9 > b.length) throw truncated(pos);
            int op = b[pos] & 0xFF;
            long len = u64(pos + 1);
            int start = pos + 9;
            if (len < 0 || start + len > b.length) throw truncated(pos);
            int end = start + (int) len;
            if (op == 0x02) { // footer
                footer = true;
                pos = end;
                break;
            }
            if (op == 0x0F) dataEnd = true;
            if (!dataEnd) record(op, start, end, pos);
            pos = end;
        }
        if (!footer) throw truncated(pos);
        if (b.length - pos != 8 || !startsWithMagic(pos)) throw bad("corrupt: no MCAP magic after the footer");
        if (library == null) throw bad("corrupt: no header record");
        String format = meta.get("format");
        if (format == null) {
            throw bad("an MCAP file, but not an ev3cortex recording (no ev3cortex metadata; written by '" + library + "')");
        }
        if (!format.equals(Recorder.FORMAT)) {
            throw bad("recorded in ev3cortex recording format " + format + "; this build reads format " + Recorder.FORMAT
                    + " (an incompatible version)");
        }
    }

    private BadRecordingException truncated(int at) {
        return bad("truncated at byte " + at + " of " + b.length + ": the recording was cut off before its footer"
                + " (a killed or still-running recorder); Foxglove can still show it, but replay and export need a"
                + " finished file");
    }

    private boolean startsWithMagic(int at) {
        for (int i = 0; i < 8; i++) if (b[at + i] != MAGIC[i]) return false;
        return true;
    }

    private void record(int op, int start, int end, int recordAt) throws BadRecordingException {
        int[] at = {start};
        switch (op) {
            case 0x01:
                str(at, end); // profile
                library = str(at, end);
                break;
            case 0x03: {
                int id = u16(start);
                at[0] += 2;
                schemaNames.put(id, str(at, end));
                break;
            }
            case 0x04: {
                int id = u16(start);
                int schema = u16(start + 2);
                at[0] += 4;
                String topic = str(at, end);
                String encoding = str(at, end);
                if (!encoding.equals("json")) throw bad("channel " + topic + " is '" + encoding + "', not json");
                topics.put(id, topic);
                topicSchemas.put(topic, schemaNames.getOrDefault(schema, ""));
                messages.computeIfAbsent(topic, t -> new ArrayList<>());
                break;
            }
            case 0x05: {
                if (end - start < 22) throw bad("corrupt message at byte " + recordAt);
                String topic = topics.get(u16(start));
                if (topic == null) throw bad("corrupt: a message at byte " + recordAt + " on an unknown channel");
                messages.get(topic).add(new Message(topic, u64(start + 6), b, start + 22, end - start - 22));
                break;
            }
            case 0x06: chunk(start, end, recordAt); break;
            case 0x0C: {
                String name = str(at, end);
                Map<String, String> m = map(at, end);
                if (name.equals("ev3cortex")) meta.putAll(m);
                break;
            }
            default: break; // indexes, attachments: not needed here
        }
    }

    private void chunk(int start, int end, int recordAt) throws BadRecordingException {
        if (end - start < 40) throw bad("corrupt chunk at byte " + recordAt);
        long uncompressed = u64(start + 16);
        long crc = u32(start + 24);
        int[] at = {start + 28};
        String compression = str(at, end);
        if (!compression.isEmpty()) throw bad("compressed chunks (" + compression + ") are not supported; ours are not");
        if (at[0] + 8 > end) throw bad("corrupt chunk at byte " + recordAt);
        long n = u64(at[0]);
        int rs = at[0] + 8;
        if (n != uncompressed || rs + n != end) throw bad("corrupt chunk at byte " + recordAt + " (sizes disagree)");
        if (crc != 0) {
            CRC32 c = new CRC32();
            c.update(b, rs, (int) n);
            if (c.getValue() != crc) throw bad("corrupt chunk at byte " + recordAt + " (CRC mismatch)");
        }
        int pos = rs;
        while (pos < end) {
            if (pos + 9 > end) throw bad("corrupt chunk at byte " + recordAt);
            int op = b[pos] & 0xFF;
            long len = u64(pos + 1);
            if (len < 0 || pos + 9 + len > end) throw bad("corrupt record in the chunk at byte " + recordAt);
            record(op, pos + 9, pos + 9 + (int) len, pos);
            pos += 9 + (int) len;
        }
    }
}
