// Fresh, migrated databases for benchmarks, and small timing helpers.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/core/db/connect.js";
import { migrateToLatest } from "../src/core/db/migrate.js";

export type BenchDb = "pglite" | "postgres";
export const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A server database carries its URL, for benchmarks' raw driver-level baselines. */
export type BenchDatabase = Database & { url?: string };

/** `name` gets BENCH_DB_SUFFIX appended, so benchmarks run side by side on one server do not drop each other's. */
export async function freshDatabase(kind: BenchDb, baseName: string): Promise<BenchDatabase> {
  const name = `${baseName}${process.env.BENCH_DB_SUFFIX ?? ""}`;
  if (kind === "pglite") {
    // On disk, as the app keeps it (./data): PGlite's in-memory file system copies a file whenever it grows.
    const dataDir = await mkdtemp(join(tmpdir(), "lvyue-bench-"));
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database.db);
    return { ...database, close: () => database.close().finally(() => rm(dataDir, { recursive: true, force: true })) };
  }
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 8 });
  await migrateToLatest(database.db);
  return { ...database, url: url.toString() };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface Figure {
  bench: string;
  db: string;
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Runs bench/load-client.mjs in its own process: POSTs each body once, `clients` at a time (or each kiosk's
 * `lanes` in order); timing, status counts, replies and each request's latency. With `until`, the clients go
 * round the bodies again until it settles. With `rate`, an open loop on a timetable (load-client.mjs): `rate`
 * requests a second in all, `total` of them (or until `until` settles when `total` is 0), each request's
 * latency counted from its scheduled send time.
 */
export async function runLoadClient(
  spec:
    | { url: string; path: string; cookie: string; bodies: string[]; clients: number; rate?: number; total?: number }
    | { url: string; cookie: string; lanes: { path: string; body: string; key: string }[][] },
  until?: Promise<unknown>,
) {
  const script = new URL("./load-client.mjs", import.meta.url).pathname;
  const dir = await mkdtemp(join(tmpdir(), "lvyue-load-"));
  try {
    await writeFile(join(dir, "spec.json"), JSON.stringify({ ...spec, untilStdinEnds: until !== undefined }));
    const running = promisify(execFile)(process.execPath, [script, join(dir, "spec.json")], { maxBuffer: 1 << 28 });
    if (until) await until.finally(() => running.child.stdin?.end());
    const { stdout } = await running;
    // biome-ignore lint/suspicious/noExplicitAny: the replies are whatever the API answered
    return JSON.parse(stdout) as { ms: number; statuses: Record<string, number>; latencies: number[]; replies: any[] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
