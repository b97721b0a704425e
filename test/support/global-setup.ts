// Migrates a template once per run, with the test users: a PGlite dump, or a template database on the server.
// (Global setup runs in vitest's main process, where a project's `env` is not set: one file each.)
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase } from "../../src/core/db/connect.js";
import { migrateToLatest } from "../../src/core/db/migrate.js";
import { DB_PREFIX, serverUrl, TEMPLATE_DB, TEMPLATE_DUMP, urlForDatabase } from "./test-db.js";
import { addTestUsers } from "./test-users.js";

export async function setupPostgres() {
  const admin = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
  const stale = await sql<{
    datname: string;
  }>`select datname from pg_database where datname like ${`${DB_PREFIX}_%`} or datname like 'lvyue_t_%' or datname = 'lvyue_template'`.execute(admin.db);
  for (const { datname } of stale.rows) await sql.raw(`drop database if exists ${datname} with (force)`).execute(admin.db);
  await sql.raw(`create database ${TEMPLATE_DB}`).execute(admin.db);
  const template = await openDatabase({ databaseUrl: urlForDatabase(TEMPLATE_DB), poolSize: 1 });
  await migrateToLatest(template.db);
  await addTestUsers(template.db);
  await template.close();
  await admin.close();
}

export async function setupPglite(dumpPath = TEMPLATE_DUMP) {
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  await addTestUsers(database.db);
  const dump = await database.pglite!.dumpDataDir("gzip");
  await mkdir(path.dirname(dumpPath), { recursive: true });
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
