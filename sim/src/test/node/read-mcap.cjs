// Reads an ev3cortex MCAP recording with Foxglove's own @mcap/core and prints what it found as
// JSON, for McapNodeTest. Usage: node read-mcap.cjs FILE [indexed|stream]
//   indexed: McapIndexedReader (needs the summary and footer: a finished file)
//   stream:  McapStreamReader over the bytes (reads a file cut off by kill -9 up to its last record)
"use strict";
const fs = require("fs");
const { McapIndexedReader, McapStreamReader } = require("@mcap/core");

const file = process.argv[2];
const mode = process.argv[3] || "indexed";
const decoder = new TextDecoder();

function channelStats() {
  return { count: 0, firstTick: null, lastTick: null, firstLogTime: null, lastLogTime: null, jsonErrors: 0 };
}

function noteMessage(out, topic, msg) {
  const c = out.channels[topic];
  c.count++;
  out.messageCount++;
  const t = msg.logTime.toString();
  if (c.firstLogTime === null) c.firstLogTime = t;
  c.lastLogTime = t;
  let data;
  try {
    data = JSON.parse(decoder.decode(msg.data));
  } catch (e) {
    c.jsonErrors++;
    return;
  }
  if (typeof data.tick === "number") {
    if (c.firstTick === null) c.firstTick = data.tick;
    c.lastTick = data.tick;
  }
  if (topic === "/timings" && typeof data.wall_ms === "number") out.maxWallMs = Math.max(out.maxWallMs, data.wall_ms);
  if (topic === "/camera" && c.count === 1) {
    out.firstImage = { width: data.width, height: data.height, encoding: data.encoding, step: data.step,
      dataBytes: Buffer.from(data.data, "base64").length };
  }
}

async function indexed() {
  const fd = fs.openSync(file, "r");
  const size = BigInt(fs.fstatSync(fd).size);
  const readable = {
    size: async () => size,
    read: async (offset, length) => {
      const buf = Buffer.alloc(Number(length));
      fs.readSync(fd, buf, 0, Number(length), Number(offset));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    },
  };
  const reader = await McapIndexedReader.Initialize({ readable });
  const out = { mode, library: reader.header.library, profile: reader.header.profile, schemas: {}, channels: {},
    messageCount: 0, maxWallMs: 0, metadata: {}, chunks: reader.chunkIndexes.length, schemaErrors: [] };
  for (const [id, ch] of reader.channelsById) {
    const schema = reader.schemasById.get(ch.schemaId);
    out.schemas[schema.name] = schema.encoding;
    try {
      const js = JSON.parse(decoder.decode(schema.data));
      if (js.title !== schema.name || js.type !== "object") out.schemaErrors.push(schema.name + ": title or type");
    } catch (e) {
      out.schemaErrors.push(schema.name + ": " + e.message);
    }
    out.channels[ch.topic] = Object.assign({ schema: schema.name, messageEncoding: ch.messageEncoding }, channelStats());
  }
  const byId = new Map([...reader.channelsById].map(([id, ch]) => [id, ch.topic]));
  for await (const msg of reader.readMessages({ validateCrcs: true })) noteMessage(out, byId.get(msg.channelId), msg);
  for await (const m of reader.readMetadata()) out.metadata[m.name] = Object.fromEntries(m.metadata);
  const stats = reader.statistics;
  out.statistics = { messageCount: Number(stats.messageCount), channelCount: stats.channelCount,
    chunkCount: stats.chunkCount, channelMessageCounts: Object.fromEntries([...stats.channelMessageCounts]
      .map(([id, n]) => [byId.get(id), Number(n)])) };
  fs.closeSync(fd);
  return out;
}

function stream() {
  const reader = new McapStreamReader({ validateCrcs: true });
  reader.append(new Uint8Array(fs.readFileSync(file)));
  const out = { mode, schemas: {}, channels: {}, messageCount: 0, maxWallMs: 0, metadata: {}, messageIndexes: 0, footer: false };
  const schemas = new Map();
  const topics = new Map();
  for (let r; (r = reader.nextRecord()) !== undefined;) {
    switch (r.type) {
      case "Header": out.library = r.library; out.profile = r.profile; break;
      case "Schema": schemas.set(r.id, r); out.schemas[r.name] = r.encoding; break;
      case "Channel":
        topics.set(r.id, r.topic);
        if (out.channels[r.topic]) break; // the summary repeats the channels
        out.channels[r.topic] = Object.assign({ schema: schemas.get(r.schemaId).name, messageEncoding: r.messageEncoding },
          channelStats());
        break;
      case "Message": noteMessage(out, topics.get(r.channelId), r); break;
      case "Metadata": out.metadata[r.name] = Object.fromEntries(r.metadata); break;
      case "MessageIndex": out.messageIndexes++; break;
      case "Footer": out.footer = true; break;
      default: break;
    }
  }
  out.done = reader.done();
  out.bytesRemaining = reader.bytesRemaining();
  return out;
}

(async () => {
  const out = mode === "stream" ? stream() : await indexed();
  process.stdout.write(JSON.stringify(out) + "\n");
})().catch((e) => {
  process.stderr.write("mcap-read-error: " + (e && e.message ? e.message : String(e)) + "\n");
  process.exit(3);
});
