// Connects to live telemetry with Foxglove's own @foxglove/ws-protocol client, subscribes to every
// advertised channel and reports, as JSON, how many messages each channel delivered. It stops when
// `want` channels have delivered or after `ms` milliseconds. For TelemetryNodeTest.
// Usage: node telemetry-client.cjs ws://127.0.0.1:PORT [ms=5000] [want=8]
"use strict";
const { FoxgloveClient } = require("@foxglove/ws-protocol");
const WebSocket = require("ws");

const url = process.argv[2];
const ms = Number(process.argv[3] || 5000);
const want = Number(process.argv[4] || 8);
const start = Date.now();
const decoder = new TextDecoder();
const out = { server: null, advertised: [], channels: {}, jsonErrors: 0, elapsedMs: null };
const topicBySub = new Map();

const client = new FoxgloveClient({ ws: new WebSocket(url, [FoxgloveClient.SUPPORTED_SUBPROTOCOL]) });
function finish() {
  out.elapsedMs = Date.now() - start;
  process.stdout.write(JSON.stringify(out) + "\n");
  client.close();
  process.exit(0);
}
client.on("serverInfo", (info) => { out.server = info.name; });
client.on("advertise", (channels) => {
  for (const ch of channels) {
    out.advertised.push({ topic: ch.topic, schemaName: ch.schemaName, encoding: ch.encoding });
    topicBySub.set(client.subscribe(ch.id), ch.topic);
  }
});
client.on("message", ({ subscriptionId, data }) => {
  const topic = topicBySub.get(subscriptionId);
  try {
    JSON.parse(decoder.decode(data));
  } catch (e) {
    out.jsonErrors++;
  }
  out.channels[topic] = (out.channels[topic] || 0) + 1;
  if (Object.keys(out.channels).length >= want) finish();
});
client.on("error", (e) => {
  process.stderr.write("telemetry-error: " + (e && e.message ? e.message : String(e)) + "\n");
  process.exit(3);
});
setTimeout(finish, ms);
