// Control characters and broken text are refused in one place (400 naming the field) wherever they
// come in: a JSON body (values and keys), a query, a path parameter, a multipart field; in a batch only
// the order that holds one is refused; the static files answer 4xx, never 500, to what they refuse.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { readConfig } from "../../src/core/config.js";
import { rowCounts } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { postVisit, TINY_PNG } from "../support/visits.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const imported = await t.api("POST", "/api/equipment/import", {
    as: "service",
    body: { rows: [{ serial: "IH-0001", sku: "PS-100", customer: "C-A1", site: "苏州", installedOn: "2025-06-01", warrantyUntil: "2099-06-01" }] },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
});
afterAll(() => t?.close());

const order = (extra: Record<string, unknown> = {}) => ({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }], ...extra });
const TABLES = ["orders", "order_lines", "order_events", "customers", "service_visits"] as const;

describe("control characters", () => {
  it.each([
    ["a NUL in a body field", { note: "a\u0000b" }, "note"],
    ["a bell in a nested field", { tags: ["ok", "x\u0007"] }, "tags[1]"],
    ["a NUL in an object key", { lines: [{ sku: "TT-200", qty: 1, params: { "pro\u0000to": "HART" } }] }, "lines[0].params.pro?to"],
    ["a lone surrogate", { note: "\ud800" }, "note"],
    ["an escape sequence", { note: "\u001b[2J" }, "note"],
  ])("refuses %s with 400 naming the field, writing nothing", async (_what, extra, field) => {
    const before = await rowCounts(t.database.db, TABLES);
    const res = await t.api("POST", "/api/orders", { as: "sales", body: order(extra), headers: { "accept-language": "en" } });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid", reason: "field.control_char", field });
    expect(res.body.error.message).toContain(field);
    expect(await rowCounts(t.database.db, TABLES)).toEqual(before);
  });

  it("keeps tabs and line breaks, which notes legitimately hold", async () => {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: order({ note: "第一行\n\t第二行\r\n" }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it("refuses them in a query value and a path parameter", async () => {
    const query = await t.api("GET", "/api/orders?q=%00");
    expect(query.status).toBe(400);
    expect(query.body.error.field).toBe("q");
    const param = await t.api("GET", "/api/items/TT%00200");
    expect(param.status).toBe(400);
    expect(param.body.error.field).toBe("sku");
    const customer = await t.api("PATCH", "/api/customers/C-A%01", { body: { name: "x" }, headers: { "if-match": "1" } });
    expect(customer.status).toBe(400);
    expect(customer.body.error.field).toBe("code");
  });

  it("in a batch, refuses only the order that holds one", async () => {
    const res = await t.api("POST", "/api/orders/bulk", {
      as: "sales",
      body: { batchId: "hygiene-1", orders: [order(), order({ note: "bad\u0000" }), order({ lines: [{ sku: "TT\u0000", qty: 1 }] }), order()] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ received: 4, accepted: 2, rejected: 2 });
    expect(res.body.results[1]).toMatchObject({ status: "rejected", error: { reason: "field.control_char", field: "orders[1].note" } });
    expect(res.body.results[2].error.field).toBe("orders[2].lines[0].sku");
    expect(res.body.results[3].orderNo).toMatch(/^DH/);
  });

  it("refuses them in a multipart field", async () => {
    const before = await rowCounts(t.database.db, TABLES);
    const parts = JSON.stringify([{ sku: "PM-CHIP", qty: 1 }]);
    const res = await postVisit(t, "IH-0001", { parts, notes: "换\u0000芯片" }, { bytes: TINY_PNG, type: "image/png" });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe("notes");
    expect(await rowCounts(t.database.db, TABLES)).toEqual(before);
  });
});

describe("static files of the web app", () => {
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "lvyue-web-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>t</title>");
    writeFileSync(path.join(dir, "assets", "app.js"), "1");
    app = await buildApp({ db: t.database.db, kind: t.database.kind, config: { ...readConfig({}), logLevel: "silent" }, version: "t", webDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["/assets/%00", 400],
    ["/assets/app.js%00.png", 400],
    ["/assets/..%2f..%2fetc%2fpasswd", 404],
    ["/assets/..%5c..%5cpackage.json", 404],
    ["/assets/%ff", 400],
    ["/assets/%E0%A4%A", 400],
  ])("%s answers %i in the API's error shape", async (url, status) => {
    const res = await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toMatch(/invalid|malformed|not_found/);
  });

  it("still serves the build", async () => {
    expect((await app.inject({ method: "GET", url: "/assets/app.js" })).statusCode).toBe(200);
  });
});
