import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLedger, seedLedgerCustomers } from "../../bench/ledger.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { testDbKind } from "../support/test-db.js";
import { countRows, upload } from "../support/workbooks.js";

// A process that dies mid-commit needs a database outside it: the PostgreSQL server.
describe.skipIf(testDbKind() !== "postgres")("an import killed mid-commit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedLedgerCustomers(t.database.db);
  });
  afterAll(() => t?.close());

  it("leaves none of its rows, and the same file then imports whole", async () => {
    const ledger = await generateLedger(6000, 5);
    const file = path.join(tmpdir(), `lvyue-crash-${process.pid}.xlsx`);
    await writeFile(file, ledger);
    const before = await countRows(t);
    const url = (t.database as { url?: string }).url!;
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve("test/support/import-child.ts"), url, file], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        if (String(d).includes("written")) resolve();
      });
      child.on("exit", () => reject(new Error(`child ended before writing: ${stderr}`)));
    });
    // Some rows are inserted, in a transaction not yet committed.
    const inFlight = await t.database.db
      .selectFrom("pg_stat_activity" as never)
      .select("state" as never)
      .where("datname" as never, "=", url.split("/").pop() as never)
      .where("state" as never, "=", "idle in transaction" as never)
      .execute();
    expect(inFlight.length).toBeGreaterThan(0);
    child.kill("SIGKILL");
    expect(await exit).toBe("SIGKILL");

    // The server rolls the dead connection's transaction back.
    let after = await countRows(t);
    for (let i = 0; i < 50 && after.orders !== before.orders; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await countRows(t);
    }
    expect(after).toEqual(before);

    const res = await upload(t, ledger, "ledger.xlsx");
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.valid).toBe(6000);
    const whole = await countRows(t);
    expect(whole.orders - before.orders).toBe(res.body.create.orders);
    expect(whole.lines - before.lines).toBe(6000);
    expect(whole.imports - before.imports).toBe(1);
  }, 180_000);
});
