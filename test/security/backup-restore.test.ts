// Operations: `lvyue backup` / `lvyue restore` bring every order back (embedded: PGlite's data-directory
// dump; server: pg_dump / pg_restore), and today's migrations upgrade a database of the previous release
// with its data intact (the keys of retries sent before the upgrade still replay).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { DEMO_USERS } from "../../src/core/auth/roles.js";
import { upsertUser } from "../../src/core/auth/store.js";
import { readConfig } from "../../src/core/config.js";
import { backupDatabase, restoreDatabase } from "../../src/core/db/backup.js";
import { type Database, openDatabase } from "../../src/core/db/connect.js";
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from "../../src/core/db/migrate.js";
import type { DB } from "../../src/core/db/schema.js";
import { seedSmallPlant } from "../fixtures/small-plant.js";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";
import { DB_PREFIX, openTestDatabase, serverUrl, testDbKind, urlForDatabase } from "../support/test-db.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lvyue-backup-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An empty server database, dropped by close(). */
async function emptyServerDatabase(): Promise<Database & { url: string }> {
  const name = `${DB_PREFIX}_r_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: serverUrl(), poolSize: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const url = urlForDatabase(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
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

const everyOrder = (db: Kysely<DB>) =>
  sql<{ order_no: string; status: string; total_amount: string; lines: number; events: number }>`
    select o.order_no, o.status, o.total_amount::text as total_amount,
           (select count(*) from order_lines l where l.order_no = o.order_no)::int as lines,
           (select count(*) from order_events e where e.order_no = o.order_no)::int as events
      from orders o order by o.order_no`
    .execute(db)
    .then((r) => r.rows);

describe("lvyue backup and restore", () => {
  let t: TestApp;
  afterAll(() => t?.close());

  // Loading a data-directory dump into PGlite takes seconds on a busy 2-core machine: the one slow test here.
  it("restores a populated database into an empty one with every order, line and event", { timeout: 120_000 }, async () => {
    t = await startTestApp();
    for (let i = 1; i <= 6; i++) {
      const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: i % 2 ? "C-B1" : "C-A1", lines: [{ sku: "TT-200", qty: i }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const before = await everyOrder(t.database.db);
    expect(before.length).toBeGreaterThanOrEqual(6);
    const file = path.join(dir, testDbKind() === "pglite" ? "lvyue.tar.gz" : "lvyue.dump");
    const source = t.database as Database & { url?: string };
    const bytes = await backupDatabase(source.url ? { databaseUrl: source.url } : { pglite: source.pglite! }, file);
    expect(bytes).toBeGreaterThan(1000);

    let restored: Database;
    let drop = async () => {};
    if (testDbKind() === "pglite") {
      const dataDir = path.join(dir, "data");
      await restoreDatabase(file, { dataDir });
      restored = await openDatabase({ dataDir });
    } else {
      const empty = await emptyServerDatabase();
      await empty.db.destroy();
      await restoreDatabase(file, { databaseUrl: empty.url! });
      restored = await openDatabase({ databaseUrl: empty.url!, poolSize: 2 });
      drop = () => empty.close();
    }
    try {
      expect(await everyOrder(restored.db)).toEqual(before);
      // And it is a working database at the latest migration.
      expect(await migrateToLatest(restored.db)).toEqual([]);
    } finally {
      await restored.close();
      await drop();
    }
  });
});

describe("upgrading a database of the previous release", () => {
  // The last migration of the previous release (before the 2026-12-02 ones).
  const PREVIOUS_RELEASE = "20261127000000_refuse_statement";

  it("applies today's migrations over its data: orders, lines and retry keys survive and work", { timeout: 60_000 }, async () => {
    expect(MIGRATION_NAMES).toContain(PREVIOUS_RELEASE);
    // A fresh embedded database takes long to create (initdb); the test one, emptied, is the same thing.
    const database = await openTestDatabase();
    try {
      await sql`drop schema public cascade; create schema public`.execute(database.db);
      await migrateTo(database.db, PREVIOUS_RELEASE);
      await seedSmallPlant(database.db);
      for (const user of DEMO_USERS) await upsertUser(database.db, { ...user, password: TEST_PASSWORD });
      // Written as the previous release wrote them: an unscoped Idempotency-Key.
      await sql`
        insert into orders (order_no, customer_code, status, total_amount, idempotency_key, request_hash, source, created_by)
        values ('DH20261120001', 'C-B1', 'confirmed', 2500.00, 'PO-OLD-7', 'h1', 'api', 'sales'),
               ('DH20261120002', 'C-A1', 'scheduled', 899.00, null, null, 'ui', 'sales')`.execute(database.db);
      await sql`
        insert into order_lines (order_no, line_no, sku, qty, unit_price, amount)
        values ('DH20261120001', 1, 'TT-200', 2, 1250.00, 2500.00), ('DH20261120002', 1, 'TT-200', 1, 899.00, 899.00)`.execute(database.db);
      const applied = await migrateToLatest(database.db);
      expect(applied).toEqual(MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf(PREVIOUS_RELEASE) + 1));

      const app = await buildApp({ db: database.db, kind: database.kind, config: { ...readConfig({}), port: 0, logLevel: "silent" }, version: "test" });
      try {
        const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "sales", password: TEST_PASSWORD } });
        const cookie = String(login.headers["set-cookie"]).split(";")[0];
        for (const [orderNo, total] of [
          ["DH20261120001", "2500.00"],
          ["DH20261120002", "899.00"],
        ]) {
          const res = await app.inject({ method: "GET", url: `/api/orders/${orderNo}`, headers: { cookie } });
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json()).toMatchObject({ orderNo, totalAmount: total });
          expect(res.json().lines).toHaveLength(1);
        }
      } finally {
        await app.close();
      }
      const key = await database.db.selectFrom("orders").select("idempotency_key").where("order_no", "=", "DH20261120001").executeTakeFirstOrThrow();
      expect(key.idempotency_key).toBe("order#sales#PO-OLD-7");
    } finally {
      await database.close();
    }
  });
});
