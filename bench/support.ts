// Fresh, migrated databases for benchmarks, and small timing helpers.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/core/db/connect.js";
import { migrateToLatest } from "../src/core/db/migrate.js";

export type BenchDb = "pglite" | "postgres";
export const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function freshDatabase(kind: BenchDb, name: string): Promise<Database> {
  if (kind === "pglite") {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return database;
  }
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 8 });
  await migrateToLatest(database.db);
  return database;
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

/** Runs bench/load-client.mjs in its own process and returns its timing and status counts. */
export async function runLoadClient(spec: { url: string; path: string; cookie: string; body: string; count: number; clients: number }) {
  const script = new URL("./load-client.mjs", import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, [script, JSON.stringify(spec)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as { ms: number; statuses: Record<string, number> };
}
