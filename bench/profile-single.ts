// Profiling aid (not a figure): a bench server on a fresh database, 300 warm-up single orders from one
// client, then N orders from 20 closed-loop clients, optionally while a bulk surge runs; writes a CPU
// profile of that window only and counts the statements sent per order (PostgreSQL).
// `npx tsx bench/profile-single.ts [pglite|postgres] [orders] [surge] [profile.cpuprofile]`.
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import pg from "pg";
import { benchServer, intakeDatabase } from "./intake-single.js";
import { percentile, runLoadClient, timed } from "./support.js";
import { bulk, surgeOrders } from "./surge.js";

const kind = (process.argv[2] ?? "postgres") as "pglite" | "postgres";
const n = Number(process.argv[3] ?? 1000);
const surgeCount = Number(process.argv[4] ?? 0);
const out = process.argv[5];
const statements = new Map<string, number>();
let counting = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text;
    const key = (text ?? "?").replace(/\s+/g, " ").slice(0, 110);
    statements.set(key, (statements.get(key) ?? 0) + 1);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
const database = await intakeDatabase(kind, "lvyue_bench_profile");
const all = await surgeOrders(database, 300 + n + surgeCount);
const singles = all.slice(0, 300 + n).map((o) => JSON.stringify(o));
const server = await benchServer(database);
await runLoadClient({ url: server.url, path: "/api/orders", cookie: server.cookie, bodies: singles.slice(0, 300), clients: 1 });
/** CPU seconds used so far by the PostgreSQL server's processes (Linux /proc), to split the cost per order. */
function postgresCpuS() {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100;
}
const session = new Session();
if (out) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
}
counting = !surgeCount;
const cpu0 = process.cpuUsage();
const pg0 = postgresCpuS();
const surgeRun = surgeCount ? timed(() => bulk(database, all.slice(300 + n), "prof")) : undefined;
const run = await runLoadClient({ url: server.url, path: "/api/orders", cookie: server.cookie, bodies: singles.slice(300), clients: 20 }, surgeRun);
const cpu = process.cpuUsage(cpu0);
const pgCpu = postgresCpuS() - pg0;
counting = false;
if (out) {
  const { profile } = await session.post("Profiler.stop");
  await writeFile(out, JSON.stringify(profile));
}
const lat = [...run.latencies].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    kind,
    orders: lat.length,
    ms: Math.round(run.ms),
    perSec: Math.round((lat.length / run.ms) * 1000),
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    serverCpuMsPerOrder: (cpu.user + cpu.system) / 1000 / lat.length,
    userMsPerOrder: cpu.user / 1000 / lat.length,
    postgresCpuMsPerOrder: (pgCpu * 1000) / lat.length,
    surgeS: surgeRun ? (await surgeRun).ms / 1000 : undefined,
    statuses: run.statuses,
  }),
);
for (const [text, count] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(count / lat.length).toFixed(2)}/order  ${text}`);
await server.close();
await database.close();
