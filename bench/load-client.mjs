// A load client in its own process (as an EDI feed or a browser would be), so that the client's
// work does not share the server's event loop. Usage: node load-client.mjs <json spec>
// spec: {url, path, cookie, body, count, clients}; prints {ms, statuses}.
const spec = JSON.parse(process.argv[2]);
let next = 0;
const statuses = {};
const start = performance.now();
await Promise.all(
  Array.from({ length: spec.clients }, async () => {
    while (next < spec.count) {
      next++;
      const res = await fetch(`${spec.url}${spec.path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: spec.cookie },
        body: spec.body,
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      await res.arrayBuffer();
    }
  }),
);
process.stdout.write(JSON.stringify({ ms: performance.now() - start, statuses }));
