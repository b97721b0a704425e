// A load client in its own process (as an EDI feed or a browser would be), so that the client's
// work does not share the server's event loop. Usage: node load-client.mjs <spec.json>
// spec: {url, path, cookie, bodies (one request body each, sent in order), clients, untilStdinEnds?}; prints
// {ms, statuses, replies, latencies} where replies[i] is the JSON answer to bodies[i] and latencies are each
// request's milliseconds. With untilStdinEnds the clients go round the bodies again until stdin ends. Or
// spec: {url, cookie, lanes}: one client per lane (a kiosk), each sending its own requests {path, body, key}
// in order (key: the Idempotency-Key header).
// With `rate` (requests per second, all clients together) the clients send on a timetable instead of as
// fast as answers come (an open loop): client c sends its k-th request at start + (c / clients + k) ×
// clients / rate seconds, and a request's latency counts from its scheduled time, so a slow answer that
// delays the client's next send is charged to that request too (no coordinated omission). Without
// untilStdinEnds it sends `bodies.length` requests in all (going round the bodies as needed).
import { readFileSync } from "node:fs";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
if (spec.lanes) {
  const statuses = {};
  const refusals = [];
  const start = performance.now();
  await Promise.all(
    spec.lanes.map(async (lane) => {
      for (const r of lane) {
        const res = await fetch(`${spec.url}${r.path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: spec.cookie, "idempotency-key": r.key },
          body: r.body,
        });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const text = await res.text();
        if (res.status >= 300 && refusals.length < 5) refusals.push(text);
      }
    }),
  );
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, statuses, replies: refusals }));
  process.exit(0);
}
let stopped = !spec.untilStdinEnds;
if (spec.untilStdinEnds) {
  process.stdin.resume();
  process.stdin.on("end", () => {
    stopped = true;
  });
}
let next = 0;
const statuses = {};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const replies = new Array(spec.bodies.length);
const latencies = [];
const start = performance.now();
const interval = spec.rate ? (1000 * spec.clients) / spec.rate : 0;
const total = spec.total ?? spec.bodies.length;
await Promise.all(
  Array.from({ length: spec.clients }, async (_, c) => {
    for (let k = 0; next < total || !stopped; k++) {
      const i = next++ % spec.bodies.length;
      let sent = performance.now();
      if (spec.rate) {
        sent = start + (c / spec.clients + k) * interval;
        const wait = sent - performance.now();
        if (wait > 0) await sleep(wait);
      }
      const res = await fetch(`${spec.url}${spec.path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: spec.cookie },
        body: spec.bodies[i],
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      replies[i] = await res.text();
      latencies.push(performance.now() - sent);
    }
  }),
);
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, statuses, latencies, replies: replies.map((r) => JSON.parse(r)) }));
