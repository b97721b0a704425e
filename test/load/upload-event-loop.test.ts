// Heavy work off the event loop, at issue 19's size: while a 50 MB workbook (the largest upload the server
// takes) is dry-run through the HTTP route, /api/health and the import's progress keep answering within
// 100 ms at the 99th percentile (the workbook is read and checked on a worker thread; the rows are received
// and planned in batches with turns for other requests between).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLedger, seedLedgerCustomers } from "../../bench/ledger.js";
import { OFF_THREAD_BYTES } from "../../src/imports/read/read-off-thread.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

/** Data rows: ledger rows with inline strings in a stored (uncompressed) zip, about 478 bytes each. */
const ROWS = 104_000;

let t: TestApp;
let ledger: Buffer;
const dir = mkdtempSync(join(tmpdir(), "lvyue-50mb-"));
const path = join(dir, "ledger-2025.xlsx");
beforeAll(async () => {
  ledger = await generateLedger(ROWS, 7, { inlineStrings: true, stored: true });
  writeFileSync(path, ledger);
  // The default limit (LVYUE_IMPORT_MAX_BYTES, 50 MiB): the file must fit under it as it is.
  t = await startTestApp({ seed: false });
  await seedLedgerCustomers(t.database.db);
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The upload comes from another process, as a browser's would: building and sending a 50 MB form in this
 * process would count the client's own work as the server's stall.
 */
const UPLOADER = `
const [url, cookie, path] = process.argv.slice(1);
(async () => {
  const form = new FormData();
  form.append("file", await require("node:fs").openAsBlob(path), "ledger-2025.xlsx");
  const res = await fetch(url, { method: "POST", body: form, headers: { cookie } });
  process.stdout.write(JSON.stringify({ status: res.status, body: await res.json() }));
})();`;

function uploadFromAnotherProcess(url: string, cookie: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["-e", UPLOADER, url, cookie, path], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message} ${stderr}`)) : resolve(JSON.parse(stdout)),
    ),
  );
}

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1];

// On PGlite only: there the database runs on the server's own thread too, the harder case.
describe.skipIf(process.env.LVYUE_TEST_DB !== "pglite")("a 50 MB workbook dry-run (PGlite)", () => {
  it("keeps /api/health and the import's progress under 100 ms at p99 while it is read and checked", { timeout: 240_000 }, async () => {
    expect(ledger.length).toBeGreaterThan(48 * 1024 * 1024);
    expect(ledger.length).toBeLessThan(50 * 1024 * 1024);
    expect(ledger.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const cookie = await t.cookie("admin");
    // The same polling with nothing else on this server: what the machine alone costs. On a quiet machine
    // its p99 is a few ms; on a 2-core machine shared with other work it was 135 ms before any upload.
    // It runs after the browser tests: until their Chromium and databases have wound down the machine is
    // not quiet (a full run once measured idle p99 18.6 ms and a 224 ms progress poll). So the idle probe
    // is repeated, up to five times, until the idle server answers health in under 15 ms at p99.
    let idleHealth: number[] = [];
    let idleProgress: number[] = [];
    for (let round = 0; round < 5 && (round === 0 || p99(idleHealth) >= 15); round++) {
      idleHealth = [];
      idleProgress = [];
      for (let i = 0; i < 60; i++) {
        let at = performance.now();
        await (await fetch(`${t.url}/api/health`)).arrayBuffer();
        idleHealth.push(performance.now() - at);
        at = performance.now();
        await (await fetch(`${t.url}/api/imports/progress/not-started`, { headers: { cookie } })).arrayBuffer();
        idleProgress.push(performance.now() - at);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const started = performance.now();
    let done = false;
    const importing = uploadFromAnotherProcess(`${t.url}/api/imports?dryRun=1&progress=big-dry-run`, cookie).finally(() => {
      done = true;
    });
    const health: number[] = [];
    const progress: number[] = [];
    let lastPercent = 0;
    // Bounded: at most 4 minutes of polling (the test's timeout), one health check and one progress poll
    // every 50 ms.
    while (!done && performance.now() - started < 230_000) {
      let at = performance.now();
      const res = await fetch(`${t.url}/api/health`);
      await res.arrayBuffer();
      health.push(performance.now() - at);
      expect(res.status).toBe(200);
      at = performance.now();
      const p = await fetch(`${t.url}/api/imports/progress/big-dry-run`, { headers: { cookie } });
      const body = (await p.json()) as { percent?: number };
      progress.push(performance.now() - at);
      // 404 until the upload has arrived and the run started; then its percent only grows.
      if (p.status === 200) {
        expect(body.percent).toBeGreaterThanOrEqual(lastPercent);
        lastPercent = body.percent ?? lastPercent;
      } else expect(p.status).toBe(404);
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await importing;
    const took = performance.now() - started;
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    // The title and total rows are not data; every ledger row is read and valid.
    expect(res.body).toMatchObject({ dryRun: true, rows: ROWS, valid: ROWS, invalid: 0 });
    console.log(
      `dry run of ${(ledger.length / 1e6).toFixed(1)} MB (${ROWS} rows) took ${(took / 1000).toFixed(1)} s; ` +
        `${health.length} health checks p99 ${p99(health).toFixed(1)} ms (worst ${Math.max(...health).toFixed(1)}); ` +
        `progress p99 ${p99(progress).toFixed(1)} ms; idle server before: health p99 ${p99(idleHealth).toFixed(1)} ms, progress p99 ${p99(idleProgress).toFixed(1)} ms`,
    );
    expect(health.length).toBeGreaterThan(20);
    // Issue 19: p99 under 100 ms during the dry run (before the work was given turns, it held health for
    // 654 ms). The idle figures above are logged to tell a busy machine from a slow server.
    expect(p99(health)).toBeLessThan(100);
    expect(p99(progress)).toBeLessThan(100);
  });
});
