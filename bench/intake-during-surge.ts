// The floor intake must keep (issue 14): single orders, 20 clients at once through the full HTTP path,
// while a bulk surge runs on the same server; beside the same clients on a quiet server. Latency per
// request as the clients see it (p50, p99), and the surge's time while the single orders come in.
//
// Two kinds of load (decision 0075). Closed loop: each client sends its next order as soon as the last
// was answered, no think time, so the figure is the server's saturation (p50 ≈ 20 ÷ throughput), not what
// a person or a feed waits at the product's load. Open loop: the 20 clients send on a timetable, `rate`
// orders a second together (20 and 50, hundreds of times the seed's peak of 12,000 orders in 3 days), each
// latency counted from the request's scheduled send time, so a slow answer is not hidden by the client
// sending less (no coordinated omission). Each open-loop rate runs on a quiet server for QUIET_S seconds
// and during a surge of its own (new batch ids, the same orders).
import { benchServer, intakeDatabase } from "./intake-single.js";
import { type BenchDb, type Figure, fmt, percentile, runLoadClient, timed } from "./support.js";
import { bulk, surgeOrders } from "./surge.js";

const WARM_UP = 300;
const QUIET = 1000;
const QUIET_S = 20;

export async function benchIntakeDuringSurge(kind: BenchDb, surgeCount: number, clients = 20, rates = [20, 50]): Promise<Figure[]> {
  const database = await intakeDatabase(kind, "lvyue_bench_mixed");
  const all = await surgeOrders(database, surgeCount + WARM_UP + QUIET);
  const surge = all.slice(0, surgeCount);
  const singles = all.slice(surgeCount).map((o) => JSON.stringify(o));
  const server = await benchServer(database);
  const post = (bodies: string[], n: number, until?: Promise<unknown>, open?: { rate: number; total: number }) =>
    runLoadClient({ url: server.url, path: "/api/orders", cookie: server.cookie, bodies, clients: n, ...open }, until);
  await post(singles.slice(0, WARM_UP), 1);
  const quiet = await post(singles.slice(WARM_UP), clients);
  const surgeRun = timed(() => bulk(database, surge, "mixed"));
  const during = await post(singles.slice(WARM_UP), clients, surgeRun);
  const surged = await surgeRun;
  const open: { rate: number; quiet: typeof quiet; during: typeof quiet; surgeMs: number }[] = [];
  for (const rate of rates) {
    const quietOpen = await post(singles.slice(WARM_UP), clients, undefined, { rate, total: rate * QUIET_S });
    const openSurge = timed(() => bulk(database, surge, `open${rate}`));
    const duringOpen = await post(singles.slice(WARM_UP), clients, openSurge, { rate, total: 0 });
    open.push({ rate, quiet: quietOpen, during: duringOpen, surgeMs: (await openSurge).ms });
  }
  await server.close();
  await database.close();
  for (const run of [quiet, during, ...open.flatMap((o) => [o.quiet, o.during])]) {
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
    ...open.map((o) => ({
      bench: `single orders, ${clients} clients on a timetable of ${o.rate} orders/s in all (open loop), during a bulk surge of ${fmt(surgeCount)} orders (${fmt(o.surgeMs / 1000, 1)} s)`,
      db: kind,
      figure: `p99 ms (p50 ${fmt(p(o.during, 50), 1)}), ${fmt(o.during.latencies.length)} orders`,
      value: fmt(p(o.during, 99), 1),
      baseline: `quiet server, same timetable for ${QUIET_S} s: p99 ${fmt(p(o.quiet, 99), 1)} ms, p50 ${fmt(p(o.quiet, 50), 1)} ms`,
      ratio: `×${fmt(p(o.during, 99) / p(o.quiet, 99), 2)}`,
    })),
  ];
}
