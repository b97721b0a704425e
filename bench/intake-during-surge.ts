// The floor intake must keep (issue 14): single orders, 20 clients at once through the full HTTP path,
// while a bulk surge runs on the same server; beside the same clients on a quiet server. Latency per
// request as the clients see it (p50, p99), and the surge's time while the single orders come in.
import { benchServer, intakeDatabase } from "./intake-single.js";
import { type BenchDb, type Figure, fmt, percentile, runLoadClient, timed } from "./support.js";
import { bulk, surgeOrders } from "./surge.js";

const WARM_UP = 300;
const QUIET = 1000;

export async function benchIntakeDuringSurge(kind: BenchDb, surgeCount: number, clients = 20): Promise<Figure[]> {
  const database = await intakeDatabase(kind, "lvyue_bench_mixed");
  const all = await surgeOrders(database, surgeCount + WARM_UP + QUIET);
  const surge = all.slice(0, surgeCount);
  const singles = all.slice(surgeCount).map((o) => JSON.stringify(o));
  const server = await benchServer(database);
  const post = (bodies: string[], n: number, until?: Promise<unknown>) =>
    runLoadClient({ url: server.url, path: "/api/orders", cookie: server.cookie, bodies, clients: n }, until);
  await post(singles.slice(0, WARM_UP), 1);
  const quiet = await post(singles.slice(WARM_UP), clients);
  const surgeRun = timed(() => bulk(database, surge, "mixed"));
  const during = await post(singles.slice(WARM_UP), clients, surgeRun);
  const surged = await surgeRun;
  await server.close();
  await database.close();
  for (const run of [quiet, during]) {
    if (Object.keys(run.statuses).some((s) => s !== "201")) throw new Error(`intake failed: ${JSON.stringify(run.statuses)}`);
  }
  const p = (run: typeof quiet, q: number) =>
    percentile(
      [...run.latencies].sort((a, b) => a - b),
      q,
    );
  return [
    {
      bench: `single orders, ${clients} clients, during a bulk surge of ${fmt(surgeCount)} orders`,
      db: kind,
      figure: `p99 ms (p50 ${fmt(p(during, 50), 1)}), ${fmt(during.latencies.length)} orders`,
      value: fmt(p(during, 99), 1),
      baseline: `quiet server: p99 ${fmt(p(quiet, 99), 1)} ms, p50 ${fmt(p(quiet, 50), 1)} ms`,
      ratio: `×${fmt(p(during, 99) / p(quiet, 99), 2)}`,
    },
    {
      bench: `bulk surge of ${fmt(surgeCount)} orders while ${clients} clients send single orders`,
      db: kind,
      figure: "whole surge s",
      value: fmt(surged.ms / 1000, 1),
      baseline: `${fmt(surgeCount / (surged.ms / 1000))} orders/s`,
      ratio: "",
    },
  ];
}
