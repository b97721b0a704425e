import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let orderNo: string;
let otherOrderNo: string;

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.url}${path}`, { headers });
  return { status: res.status, html: await res.text(), type: res.headers.get("content-type") ?? "", csp: res.headers.get("content-security-policy") ?? "" };
};
const pathOf = (url: string) => new URL(url).pathname;

async function moveTo(no: string, steps: [string, "planner" | "warehouse"][]) {
  for (const [to, as] of steps) expect((await t.api("POST", `/api/orders/${no}/transitions`, { as, body: { to } })).status).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp();
  const created = await t.api("POST", "/api/orders", {
    as: "sales",
    body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 2 }], requestedDate: "2099-03-01" },
  });
  orderNo = created.body.orderNo;
  const patched = await t.api("PATCH", `/api/orders/${orderNo}`, {
    as: "planner",
    headers: { "if-match": String(created.body.version) },
    body: { promisedDate: "2099-03-05" },
  });
  expect(patched.status).toBe(200);
  const other = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 9 }], note: "秘密备注" } });
  otherOrderNo = other.body.orderNo;
});
afterAll(() => t?.close());

describe("customer status link", () => {
  it("sales creates a link; the public page shows this order's stage and promised date, in Chinese by default, and nothing of another order", async () => {
    const link = await t.api("POST", `/api/orders/${orderNo}/status-link`, { as: "sales", body: {} });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(new RegExp(`^${t.url}/s/\\d+\\.[A-Za-z0-9_-]{43}$`));
    const days = (Date.parse(link.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const zh = await page(pathOf(link.body.url));
    expect(zh.status).toBe(200);
    expect(zh.type).toContain("text/html");
    expect(zh.csp).toContain("default-src 'none'");
    expect(zh.html).toContain(orderNo);
    expect(zh.html).toContain('<dd id="stage" data-status="confirmed">已确认</dd>');
    expect(zh.html).toContain('<dd id="promised">2099-03-05</dd>');
    expect(zh.html).toContain("压力传感器 PS-100");
    expect(zh.html).not.toContain(otherOrderNo);
    expect(zh.html).not.toContain("C-A1");
    expect(zh.html).not.toContain("2501.00"); // no amounts

    expect((await page(`${pathOf(link.body.url)}?lang=en`)).html).toContain(">Confirmed</dd>");
    expect((await page(pathOf(link.body.url), { "accept-language": "en-GB,en;q=0.8" })).html).toContain(">Confirmed</dd>");

    const view = await t.api("GET", `/api/orders/${orderNo}`, { as: "engineering" });
    expect(view.body.statusLink).toMatchObject({ id: link.body.id, url: link.body.url, expiresAt: link.body.expiresAt, opens: 3 });
    expect((await t.api("GET", `/api/orders/${otherOrderNo}`)).body.statusLink).toBeNull();
  });

  it("shows the shipment's tracking once shipped, and the stage follows the order", async () => {
    const link = await t.api("POST", `/api/orders/${orderNo}/status-link`, { as: "service", body: { expiresInDays: 7 } });
    const early = await t.api("POST", `/api/orders/${orderNo}/shipments`, { as: "warehouse", body: { carrier: "顺丰速运", trackingNo: "SF1000" } });
    expect(early.status).toBe(422);
    expect(early.body.error.reason).toBe("order.no_shipment_yet");
    await moveTo(orderNo, [
      ["scheduled", "planner"],
      ["in_production", "planner"],
      ["ready", "planner"],
    ]);
    const shipment = await t.api("POST", `/api/orders/${orderNo}/shipments`, { as: "warehouse", body: { carrier: "顺丰速运", trackingNo: "SF1234567890" } });
    expect(shipment.status).toBe(201);
    await moveTo(orderNo, [["shipped", "warehouse"]]);
    const en = await page(`${pathOf(link.body.url)}?lang=en`);
    expect(en.html).toContain('data-status="shipped">Shipped</dd>');
    expect(en.html).toContain("SF1234567890");
    expect(en.html).toContain("顺丰速运");
    expect((await t.api("GET", `/api/orders/${orderNo}/shipments`, { as: "service" })).body.shipments).toHaveLength(1);
  });

  it("a new link replaces the earlier one; revoked, expired, tampered and unknown links are refused and reveal nothing", async () => {
    const first = await t.api("POST", `/api/orders/${otherOrderNo}/status-link`, { as: "service", body: {} });
    const second = await t.api("POST", `/api/orders/${otherOrderNo}/status-link`, { as: "service", body: {} });
    const replaced = await page(pathOf(first.body.url));
    expect(replaced.status).toBe(410);
    expect((await page(pathOf(second.body.url))).status).toBe(200);

    const token = pathOf(second.body.url).slice(3);
    const [id, sig] = token.split(".");
    const tampered = [
      `${id}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`,
      `${Number(id) + 1}.${sig}`,
      `${Number(id) - 1}.${sig}`,
      "999999.x",
      "garbage",
    ];
    for (const bad of tampered) {
      const res = await page(`/s/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(res.html).not.toMatch(/DH\d{11}/);
      expect(res.html).toContain("此链接无效");
    }

    const revoke = await t.api("DELETE", `/api/orders/${otherOrderNo}/status-link`, { as: "sales" });
    expect(revoke.body).toEqual({ revoked: 1 });
    const revoked = await page(pathOf(second.body.url), { "accept-language": "en" });
    expect(revoked.status).toBe(410);
    expect(revoked.html).toContain("expired or was withdrawn");
    expect(revoked.html).not.toContain(otherOrderNo);
    expect(revoked.html).not.toContain("秘密备注");
    expect((await t.api("GET", `/api/orders/${otherOrderNo}`)).body.statusLink).toBeNull();

    const third = await t.api("POST", `/api/orders/${otherOrderNo}/status-link`, { as: "service", body: {} });
    await t.database.db
      .updateTable("status_links")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", third.body.id)
      .execute();
    const expired = await page(pathOf(third.body.url));
    expect(expired.status).toBe(410);
    expect(expired.html).not.toContain(otherOrderNo);
  });

  it("refuses bad input and unknown orders, and only sales, service and admin make links", async () => {
    const bad = await t.api("POST", `/api/orders/${orderNo}/status-link`, { as: "sales", body: { expiresInDays: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("expiresInDays");
    const unknown = await t.api("POST", "/api/orders/DH20990101999/status-link", { as: "sales", body: {} });
    expect(unknown.status).toBe(404);
    expect((await t.api("POST", `/api/orders/${orderNo}/status-link`, { as: "planner", body: {} })).status).toBe(403);
    expect((await t.api("POST", `/api/orders/${orderNo}/status-link`, { as: "anonymous", body: {} })).status).toBe(401);
  });

  it("rate-limits the public page per client", async () => {
    let limited = 0;
    for (let i = 0; i < 70 && !limited; i++) if ((await page("/s/1.nothing")).status === 429) limited = i;
    expect(limited).toBeGreaterThan(40);
  });
});
