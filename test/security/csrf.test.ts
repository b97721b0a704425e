// Cross-site request forgery: with the session cookie but from another site's page, no change goes
// through, JSON or multipart (the findings: an import committed, stock set from a file, a warranty card
// issued); the app's own pages, an allowed origin and scripts without browser headers still work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowCounts } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { postVisit, TINY_PNG } from "../support/visits.js";
import { LEDGER_HEADER, workbook } from "../support/workbooks.js";

let t: TestApp;
const EVIL = "https://evil.example";
const ALLOWED = "https://portal.example.com";
beforeAll(async () => {
  t = await startTestApp({ config: { allowedOrigins: [ALLOWED] } });
  const imported = await t.api("POST", "/api/equipment/import", {
    as: "service",
    body: { rows: [{ serial: "CS-0001", sku: "PS-100", customer: "C-A1", site: "苏州", installedOn: "2025-06-01", warrantyUntil: "2099-06-01" }] },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
});
afterAll(() => t?.close());

const TABLES = ["orders", "import_batches", "history_orders", "inventory_sync_batches", "service_visits", "warranty_cards", "customers"] as const;
const onHand = async () =>
  (await t.database.db.selectFrom("inventory_balances").select(["sku", "location", "on_hand"]).orderBy("sku").orderBy("location").execute()).map((r) => ({
    ...r,
    on_hand: String(r.on_hand),
  }));
const order = { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] };

async function ledgerForm() {
  const file = await workbook([{ name: "2025", rows: [LEDGER_HEADER, ["CS-1", "常州精测自动化有限公司", "2025-03-05", "", "", "100", "", "", "已交货", ""]] }]);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)]), "ledger.xlsx");
  return form;
}

async function stockForm() {
  const file = await workbook([
    {
      name: "库存",
      rows: [
        ["物料编码", "库位", "库存数量"],
        ["PM-CHIP", "WH-MAIN", 900],
      ],
    },
  ]);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)]), "wms.xlsx");
  return form;
}

describe("a change requested from another site", () => {
  it.each([
    ["Origin", { origin: EVIL }],
    ["Referer without Origin", { referer: `${EVIL}/attack.html` }],
    ["Origin null (sandboxed frame)", { origin: "null" }],
    ["a sibling subdomain", { origin: "https://intranet.evil.example" }],
    ["Sec-Fetch-Site cross-site without Origin", { "sec-fetch-site": "cross-site" }],
  ])("is refused with 403 when named by %s (JSON)", async (_what, headers) => {
    const before = await rowCounts(t.database.db, TABLES);
    const res = await t.api("POST", "/api/orders", { as: "sales", body: order, headers });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", reason: "request.cross_site" });
    expect(await rowCounts(t.database.db, TABLES)).toEqual(before);
  });

  it("is refused for every multipart route: an import, a stock file, a service visit", async () => {
    const before = await rowCounts(t.database.db, TABLES);
    const stockBefore = await onHand();
    const headers = { origin: EVIL };
    const imported = await t.api("POST", "/api/imports", { as: "sales", form: await ledgerForm(), headers });
    const stock = await t.api("POST", "/api/inventory/sync/file", { as: "warehouse", form: await stockForm(), headers });
    const form = new FormData();
    form.append("parts", JSON.stringify([{ sku: "PM-CHIP", qty: 1 }]));
    form.append("photo", new Blob([new Uint8Array(TINY_PNG)], { type: "image/png" }), "p.png");
    const visit = await t.api("POST", "/api/equipment/CS-0001/visits", { as: "engineering", form, headers });
    expect([imported.status, stock.status, visit.status]).toEqual([403, 403, 403]);
    expect(await rowCounts(t.database.db, TABLES)).toEqual(before);
    expect(await onHand()).toEqual(stockBefore);
  });

  it("is refused for PATCH, PUT and DELETE, and for sign-in (login CSRF)", async () => {
    const headers = { origin: EVIL };
    expect((await t.api("PATCH", "/api/customers/C-A1", { as: "sales", body: { name: "x" }, headers: { ...headers, "if-match": "1" } })).status).toBe(403);
    expect((await t.api("PUT", "/api/calendar/work-centres/WC-ASM", { as: "planner", body: { shifts: 1 }, headers })).status).toBe(403);
    expect((await t.api("DELETE", "/api/views/1", { as: "sales", headers })).status).toBe(403);
    const login = await t.api("POST", "/api/auth/login", { as: "anonymous", body: { username: "sales", password: "test-password" }, headers });
    expect(login.status).toBe(403);
    expect(login.headers.get("set-cookie")).toBeNull();
  });

  it("reads are not affected", async () => {
    expect((await t.api("GET", "/api/orders", { as: "sales", headers: { origin: EVIL } })).status).toBe(200);
  });
});

describe("a change from the app itself", () => {
  it("goes through from the server's own origin, an allowed origin, and without browser headers", async () => {
    const own = await t.api("POST", "/api/orders", { as: "sales", body: order, headers: { origin: t.url, "sec-fetch-site": "same-origin" } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const referer = await t.api("POST", "/api/orders", { as: "sales", body: order, headers: { referer: `${t.url}/orders/new` } });
    expect(referer.status).toBe(201);
    const portal = await t.api("POST", "/api/orders", { as: "sales", body: order, headers: { origin: ALLOWED } });
    expect(portal.status).toBe(201);
    const script = await t.api("POST", "/api/orders", { as: "sales", body: order });
    expect(script.status).toBe(201);
  });

  it("multipart from the app's own page commits as before", async () => {
    const stock = await t.api("POST", "/api/inventory/sync/file", { as: "warehouse", form: await stockForm(), headers: { origin: t.url } });
    expect(stock.status, JSON.stringify(stock.body)).toBe(200);
    const visit = await postVisit(t, "CS-0001", { parts: JSON.stringify([{ sku: "PM-CHIP", qty: 1 }]) }, { bytes: TINY_PNG, type: "image/png" });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  });
});
