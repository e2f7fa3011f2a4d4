package org.ev3cortex.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes an MCAP file (https://mcap.dev/spec), version 0: header, schemas, channels and metadata
 * first, then messages in uncompressed chunks, each followed by its message indexes; on
 * {@link #finish()} the data end, a summary (schemas, channels, statistics, metadata and chunk
 * indexes, with summary offsets) and the footer.
 *
 * <p>Hand-written from the public spec: Maven Central has no MCAP library for Java (checked), and
 * the brick cannot take a heavy dependency. Chunks are complete records written as soon as they
 * are closed, so a file cut off by {@code kill -9} is still a readable stream up to its last
 * chunk. Used by one thread, the recorder's writer; it allocates there, never on the tick thread.
 */
public final class McapWriter implements AutoCloseable {
    static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};
    static final int OP_HEADER = 0x01;
    static final int OP_FOOTER = 0x02;
    static final int OP_SCHEMA = 0x03;
    static final int OP_CHANNEL = 0x04;
    static final int OP_MESSAGE = 0x05;
    static final int OP_CHUNK = 0x06;
    static final int OP_MESSAGE_INDEX = 0x07;
    static final int OP_CHUNK_INDEX = 0x08;
    static final int OP_STATISTICS = 0x0B;
    static final int OP_METADATA = 0x0C;
    static final int OP_METADATA_INDEX = 0x0D;
    static final int OP_SUMMARY_OFFSET = 0x0E;
    static final int OP_DATA_END = 0x0F;

    private final Path path;
    private final FileChannel file;
    private final String library;
    private final Bytes out = new Bytes(1 << 16);
    private final Bytes chunk = new Bytes(1 << 16);
    private final CRC32 dataCrc = new CRC32();
    private final CRC32 chunkCrc = new CRC32();
    private long offset;
    private boolean finished;

    // What the summary repeats.
    private final List<byte[]> schemaRecords = new ArrayList<>();
    private final List<byte[]> channelRecords = new ArrayList<>();
    private final List<byte[]> metadataIndexes = new ArrayList<>();
    private final Bytes chunkIndexes = new Bytes(1024);
    private final List<Definition> definitions = new ArrayList<>();
    private int schemaCount;
    private int channelCount;
    private int metadataCount;
    private int chunkCount;
    private long messageCount;
    private long[] channelMessages = new long[8];
    private long firstTime = Long.MAX_VALUE;
    private long lastTime = Long.MIN_VALUE;

    // The open chunk.
    private long chunkStart = Long.MAX_VALUE;
    private long chunkEnd = Long.MIN_VALUE;
    private Bytes[] indexes = new Bytes[8]; // per channel: (log time, offset in chunk) pairs
    private int[] sequences = new int[8];

    /** A schema, channel or metadata record as given, so a rotated file can repeat them. */
    private static final class Definition {
        final int kind;
        final String a;
        final String b;
        final byte[] data;
        final int id;
        final Map<String, String> map;

        Definition(int kind, String a, String b, byte[] data, int id, Map<String, String> map) {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.data = data;
            this.id = id;
            this.map = map;
        }
    }

    /** Creates (or truncates) {@code path} and writes the magic and the header. */
    public McapWriter(Path path, String library) throws IOException {
        this.path = path;
        this.library = library;
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        out.raw(MAGIC, 0, MAGIC.length);
        int h = out.begin(OP_HEADER);
        out.str(""); // profile: none of the ROS ones
        out.str(library);
        out.end(h);
    }

    public Path path() {
        return path;
    }

    /** Bytes in the file so far, plus those not yet written. */
    public long size() {
        return offset + out.n;
    }

    /** Adds a schema; ids start at 1. */
    public int schema(String name, String encoding, byte[] data) {
        int id = ++schemaCount;
        definitions.add(new Definition(OP_SCHEMA, name, encoding, data, id, null));
        Bytes r = new Bytes(64 + data.length);
        int s = r.begin(OP_SCHEMA);
        r.u16(id);
        r.str(name);
        r.str(encoding);
        r.u32(data.length);
        r.raw(data, 0, data.length);
        r.end(s);
        byte[] rec = java.util.Arrays.copyOf(r.a, r.n);
        schemaRecords.add(rec);
        out.raw(rec, 0, rec.length);
        return id;
    }

    /** Adds a channel on a schema; ids start at 0. */
    public int channel(int schemaId, String topic, String messageEncoding, Map<String, String> metadata) {
        int id = channelCount++;
        definitions.add(new Definition(OP_CHANNEL, topic, messageEncoding, null, schemaId, metadata));
        Bytes r = new Bytes(128);
        int s = r.begin(OP_CHANNEL);
        r.u16(id);
        r.u16(schemaId);
        r.str(topic);
        r.str(messageEncoding);
        map(r, metadata);
        r.end(s);
        byte[] rec = java.util.Arrays.copyOf(r.a, r.n);
        channelRecords.add(rec);
        out.raw(rec, 0, rec.length);
        if (id >= indexes.length) {
            indexes = java.util.Arrays.copyOf(indexes, id * 2);
            sequences = java.util.Arrays.copyOf(sequences, id * 2);
            channelMessages = java.util.Arrays.copyOf(channelMessages, id * 2);
        }
        indexes[id] = new Bytes(1024);
        return id;
    }

    /** A metadata record (name and string map), indexed in the summary. */
    public void metadata(String name, Map<String, String> values) {
        definitions.add(new Definition(OP_METADATA, name, null, null, 0, values));
        long at = size();
        int s = out.begin(OP_METADATA);
        out.str(name);
        map(out, values);
        out.end(s);
        long length = size() - at;
        Bytes idx = new Bytes(64);
        int i = idx.begin(OP_METADATA_INDEX);
        idx.u64(at);
        idx.u64(length);
        idx.str(name);
        idx.end(i);
        metadataIndexes.add(java.util.Arrays.copyOf(idx.a, idx.n));
        metadataCount++;
    }

    private static void map(Bytes r, Map<String, String> m) {
        int lenAt = r.n;
        r.u32(0);
        for (Map.Entry<String, String> e : m.entrySet()) {
            r.str(e.getKey());
            r.str(e.getValue());
        }
        r.setU32(lenAt, r.n - lenAt - 4);
    }

    /** Adds a message to the open chunk; the payload is copied. */
    public void message(int channel, long logTimeNanos, byte[] data, int off, int len) {
        Bytes idx = indexes[channel];
        idx.u64(logTimeNanos);
        idx.u64(chunk.n);
        int s = chunk.begin(OP_MESSAGE);
        chunk.u16(channel);
        chunk.u32(sequences[channel]++ & 0xFFFFFFFFL);
        chunk.u64(logTimeNanos);
        chunk.u64(logTimeNanos);
        chunk.raw(data, off, len);
        chunk.end(s);
        if (logTimeNanos < chunkStart) chunkStart = logTimeNanos;
        if (logTimeNanos > chunkEnd) chunkEnd = logTimeNanos;
        messageCount++;
        channelMessages[channel]++;
    }

    /** Bytes of messages in the open chunk. */
    public int chunkBytes() {
        return chunk.n;
    }

    /**
     * Closes the open chunk (if it holds anything) with its message indexes and writes everything
     * pending to the file, so that a process killed after this loses nothing before it.
     */
    public void flush() throws IOException {
        if (chunk.n > 0) closeChunk();
        writeOut();
    }

    private void closeChunk() {
        chunkCrc.reset();
        chunkCrc.update(chunk.a, 0, chunk.n);
        long chunkOffset = size();
        int s = out.begin(OP_CHUNK);
        out.u64(chunkStart);
        out.u64(chunkEnd);
        out.u64(chunk.n);
        out.u32(chunkCrc.getValue());
        out.str(""); // no compression: the brick has no CPU to spare, and a cut chunk stays simple
        out.u64(chunk.n);
        out.raw(chunk.a, 0, chunk.n);
        out.end(s);
        long chunkLength = size() - chunkOffset;
        long indexStart = size();
        Bytes offsets = new Bytes(64);
        int channels = 0;
        for (int c = 0; c < channelCount; c++) {
            Bytes idx = indexes[c];
            if (idx.n == 0) continue;
            offsets.u16(c);
            offsets.u64(size());
            channels++;
            int m = out.begin(OP_MESSAGE_INDEX);
            out.u16(c);
            out.u32(idx.n);
            out.raw(idx.a, 0, idx.n);
            out.end(m);
            idx.clear();
        }
        long indexLength = size() - indexStart;
        int ci = chunkIndexes.begin(OP_CHUNK_INDEX);
        chunkIndexes.u64(chunkStart);
        chunkIndexes.u64(chunkEnd);
        chunkIndexes.u64(chunkOffset);
        chunkIndexes.u64(chunkLength);
        chunkIndexes.u32(offsets.n);
        chunkIndexes.raw(offsets.a, 0, offsets.n);
        chunkIndexes.u64(indexLength);
        chunkIndexes.str("");
        chunkIndexes.u64(chunk.n);
        chunkIndexes.u64(chunk.n);
        chunkIndexes.end(ci);
        assert channels > 0;
        if (chunkStart < firstTime) firstTime = chunkStart;
        if (chunkEnd > lastTime) lastTime = chunkEnd;
        chunkCount++;
        chunk.clear();
        chunkStart = Long.MAX_VALUE;
        chunkEnd = Long.MIN_VALUE;
    }

    private void writeOut() throws IOException {
        if (out.n == 0) return;
        dataCrc.update(out.a, 0, out.n);
        ByteBuffer b = ByteBuffer.wrap(out.a, 0, out.n);
        while (b.hasRemaining()) file.write(b);
        offset += out.n;
        out.clear();
    }

    /**
     * Ends the file: the last chunk, the data end, the summary, the footer and the closing magic.
     * The file is complete and indexed afterwards.
     */
    public void finish() throws IOException {
        if (finished) return;
        finished = true;
        try {
            if (chunk.n > 0) closeChunk();
            int d = out.begin(OP_DATA_END);
            dataCrc.update(out.a, 0, out.n - 9); // the data section ends before this record
            long crc = dataCrc.getValue();
            out.u32(crc);
            out.end(d);
            // writeOut would add the data end to the CRC; it is already final, so write directly.
            ByteBuffer b = ByteBuffer.wrap(out.a, 0, out.n);
            while (b.hasRemaining()) file.write(b);
            offset += out.n;
            out.clear();

            long summaryStart = offset;
            Bytes sum = new Bytes(4096 + chunkIndexes.n);
            long[][] groups = new long[5][];
            groups[0] = group(sum, summaryStart, OP_SCHEMA, schemaRecords);
            groups[1] = group(sum, summaryStart, OP_CHANNEL, channelRecords);
            long statsAt = summaryStart + sum.n;
            int st = sum.begin(OP_STATISTICS);
            sum.u64(messageCount);
            sum.u16(schemaCount);
            sum.u32(channelCount);
            sum.u32(0); // attachments
            sum.u32(metadataCount);
            sum.u32(chunkCount);
            sum.u64(messageCount == 0 ? 0 : firstTime);
            sum.u64(messageCount == 0 ? 0 : lastTime);
            int lenAt = sum.n;
            sum.u32(0);
            for (int c = 0; c < channelCount; c++) {
                sum.u16(c);
                sum.u64(channelMessages[c]);
            }
            sum.setU32(lenAt, sum.n - lenAt - 4);
            sum.end(st);
            groups[2] = new long[] {OP_STATISTICS, statsAt, summaryStart + sum.n - statsAt};
            groups[3] = group(sum, summaryStart, OP_METADATA_INDEX, metadataIndexes);
            long ciAt = summaryStart + sum.n;
            sum.raw(chunkIndexes.a, 0, chunkIndexes.n);
            groups[4] = chunkIndexes.n == 0 ? null : new long[] {OP_CHUNK_INDEX, ciAt, chunkIndexes.n};
            long summaryOffsetStart = summaryStart + sum.n;
            for (long[] g : groups) {
                if (g == null) continue;
                int so = sum.begin(OP_SUMMARY_OFFSET);
                sum.u8((int) g[0]);
                sum.u64(g[1]);
                sum.u64(g[2]);
                sum.end(so);
            }
            sum.u8(OP_FOOTER);
            sum.u64(20);
            sum.u64(summaryStart);
            sum.u64(summaryOffsetStart);
            CRC32 crc32 = new CRC32();
            crc32.update(sum.a, 0, sum.n);
            sum.u32(crc32.getValue());
            sum.raw(MAGIC, 0, MAGIC.length);
            ByteBuffer s = ByteBuffer.wrap(sum.a, 0, sum.n);
            while (s.hasRemaining()) file.write(s);
            offset += sum.n;
        } finally {
            file.close();
        }
    }

    private static long[] group(Bytes sum, long summaryStart, int opcode, List<byte[]> records) {
        if (records.isEmpty()) return null;
        long at = summaryStart + sum.n;
        for (byte[] r : records) sum.raw(r, 0, r.length);
        return new long[] {opcode, at, summaryStart + sum.n - at};
    }

    /**
     * Finishes this file and starts {@code next} with the same schemas, channels and metadata, so
     * each part of a rotated recording opens on its own.
     */
    public McapWriter rotateTo(Path next) throws IOException {
        finish();
        McapWriter w = new McapWriter(next, library);
        for (Definition d : definitions) {
            if (d.kind == OP_SCHEMA) w.schema(d.a, d.b, d.data);
            else if (d.kind == OP_CHANNEL) w.channel(d.id, d.a, d.b, d.map);
            else w.metadata(d.a, d.map);
        }
        return w;
    }

    /** Closes the file without a summary (after a write error): what was written stays readable. */
    @Override
    public void close() {
        finished = true;
        try {
            file.close();
        } catch (IOException ignored) {
            // already failing; the caller has logged the cause
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
