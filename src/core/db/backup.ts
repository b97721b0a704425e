// Backups of the one database: the embedded one as PGlite's own data-directory dump (a .tar.gz), a
// server as pg_dump's custom format (pg_dump/pg_restore must be installed, of the server's version or newer).
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "./connect.js";
import { lockDataDir } from "./data-dir-lock.js";
import { migrateToLatest } from "./migrate.js";

export type BackupSource = { databaseUrl: string } | { pglite: PGlite };
export type RestoreTarget = { databaseUrl: string } | { dataDir: string };

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error) =>
      reject((error as NodeJS.ErrnoException).code === "ENOENT" ? new Error(`${command} is not installed (it comes with the PostgreSQL client tools)`) : error),
    );
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/** Writes a backup of the database to `file`; answers its size in bytes. */
export async function backupDatabase(source: BackupSource, file: string): Promise<number> {
  if ("databaseUrl" in source) await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${source.databaseUrl}`]);
  else await writeFile(file, new Uint8Array(await (await source.pglite.dumpDataDir("gzip")).arrayBuffer()));
  return (await stat(file)).size;
}

/**
 * Restores a backup made by backupDatabase, then applies the migrations of this version (a backup of an
 * older release comes back upgraded). A server database is replaced in one transaction; an embedded data
 * directory is rebuilt beside the old one, which is kept as `<dir>.before-restore-<time>`.
 */
export async function restoreDatabase(file: string, target: RestoreTarget): Promise<{ kept?: string }> {
  if ("databaseUrl" in target) {
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", `--dbname=${target.databaseUrl}`, file]);
    const database = await openDatabase({ databaseUrl: target.databaseUrl, poolSize: 1 });
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    return {};
  }
  const { dataDir } = target;
  // The lock refuses while a server (or any lvyue command) has the directory open.
  const lock = lockDataDir(dataDir);
  const fresh = `${dataDir}.restoring`;
  try {
    await rm(fresh, { recursive: true, force: true });
    const database = await openDatabase({ dataDir: fresh, loadDataDir: new Blob([new Uint8Array(await readFile(file))]) });
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    const hasData = readdirSync(dataDir).some((name) => name !== "lvyue.lock");
    const kept = hasData ? `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}` : undefined;
    lock.release();
    if (kept) await rename(dataDir, kept);
    else await rm(dataDir, { recursive: true, force: true });
    await rename(fresh, dataDir);
    return { kept };
  } catch (error) {
    lock.release();
    if (existsSync(fresh)) await rm(fresh, { recursive: true, force: true });
    throw error;
  }
}
