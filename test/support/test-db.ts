// Each test file gets its own database, cloned from a migrated template made once per run.
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { type Database, openDatabase } from "../../src/core/db/connect.js";

export const TEMPLATE_DUMP = path.resolve(".cache/test/pglite-template.tar.gz");
/** The browser tests' own copy, so their global setup never rewrites the dump other projects are reading. */
export const E2E_TEMPLATE_DUMP = path.resolve(".cache/test/pglite-e2e-template.tar.gz");
// Databases are named after the checkout, so test runs from several clones on one server never drop
// each other's databases.
export const DB_PREFIX = `lvyue_${createHash("sha1").update(process.cwd()).digest("hex").slice(0, 8)}`;
export const TEMPLATE_DB = `${DB_PREFIX}_template`;
export const serverUrl = () => process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const testDbKind = () => (process.env.LVYUE_TEST_DB === "postgres" ? "postgres" : "pglite");

export function urlForDatabase(name: string) {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (testDbKind() === "pglite") {
    const dump = await readFile(process.env.LVYUE_TEST_DUMP === "e2e" ? E2E_TEMPLATE_DUMP : TEMPLATE_DUMP);
    return openDatabase({ loadDataDir: new Blob([dump]) });
  }
  const name = `${DB_PREFIX}_t_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
  await sql.raw(`create database ${name} template ${TEMPLATE_DB}`).execute(admin.db);
  await admin.close();
  const url = urlForDatabase(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 12 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const cleanup = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(cleanup.db);
      await cleanup.close();
    },
  };
}
