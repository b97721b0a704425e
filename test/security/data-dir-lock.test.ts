// The embedded data directory belongs to one process (the finding: `lvyue token create` while the
// server ran wrote the same PGlite directory from a second process, and its token worked only after a
// restart). A second process is refused, names the owner and says how to do it through the API; a
// token made through the API works at once.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/core/db/connect.js";
import { DataDirLocked, LOCK_FILE, lockDataDir } from "../../src/core/db/data-dir-lock.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let dir: string;
let t: TestApp;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lvyue-lock-"));
  t = await startTestApp({ seed: false });
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the embedded data directory", () => {
  it("refuses `lvyue token create` from a second process while the server holds it, naming the server and the API", { timeout: 90_000 }, async () => {
    const lock = lockDataDir(dir);
    lock.describe("http://127.0.0.1:3999");
    try {
      const run = promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli.ts", "token", "create", "--name", "wms"], {
        env: { ...process.env, LVYUE_DATA_DIR: dir, DATABASE_URL: "" },
      });
      const failed = (await run.then(
        () => undefined,
        (e) => e,
      )) as { code: number; stderr: string; stdout: string };
      expect(failed?.code).toBe(2);
      expect(failed.stderr).toContain(`pid ${process.pid}`);
      expect(failed.stderr).toContain("POST http://127.0.0.1:3999/api/tokens");
      expect(failed.stdout).not.toMatch(/lvt_/);
    } finally {
      lock.release();
    }
  });

  it("refuses a second open in this process too, and frees the directory on release", async () => {
    const lock = lockDataDir(dir);
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLocked);
    lock.release();
    const again = lockDataDir(dir);
    again.release();
  });

  it("takes over a lock whose process is gone (kill -9, power cut)", async () => {
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, at: new Date().toISOString() }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    lock.release();
  });
});

describe("POST /api/tokens", () => {
  it("answers a token once that works at once, stores only its hash, and is for admins only", async () => {
    expect((await t.api("POST", "/api/tokens", { as: "planner", body: { name: "wms" } })).status).toBe(403);
    const res = await t.api("POST", "/api/tokens", { body: { name: "wms" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: "wms", roles: ["integration"] });
    const stored = await t.database.db.selectFrom("api_tokens").select(["token_hash", "created_by"]).where("name", "=", "wms").execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(res.body.token);
    expect(stored[0].created_by).toBe("admin");
    const used = await t.api("GET", "/api/items", { token: res.body.token });
    expect(used.status).toBe(200);
    const bad = await t.api("POST", "/api/tokens", { body: { name: "x", roles: ["root"] } });
    expect(bad.status).toBe(400);
  });
});
