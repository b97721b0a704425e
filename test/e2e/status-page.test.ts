// The customer's view: an order's status link opened in headless Chromium, without signing in; a
// tampered or expired link is refused and shows nothing of any order.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { hasChromium, sharedChromium } from "./support/browser.js";

let t: TestApp;
let browser: Browser;
let orderNo: string;
let link: string;

beforeAll(async () => {
  t = await startTestApp();
  browser = await sharedChromium();
  const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 2 }], note: "内部备注" } });
  orderNo = created.body.orderNo;
  for (const to of ["scheduled", "in_production"]) {
    expect((await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "planner", body: { to } })).status).toBe(200);
  }
  const made = await t.api("POST", `/api/orders/${orderNo}/status-link`, { as: "service", body: {} });
  expect(made.status).toBe(201);
  link = made.body.url;
});
afterAll(async () => {
  await t?.close();
});

async function open(url: string, locale: "zh-CN" | "en-US" = "zh-CN") {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const response = await page.goto(url);
  const text = (await page.locator("body").textContent()) ?? "";
  await context.close();
  return { status: response?.status(), text };
}

describe.skipIf(!hasChromium)("customer status page in a browser", () => {
  it("shows the order's stage to anyone holding the link, in Chinese or English", async () => {
    const zh = await open(link);
    expect(zh.status).toBe(200);
    expect(zh.text).toContain(orderNo);
    expect(zh.text).toContain("生产中");
    expect(zh.text).not.toContain("内部备注");
    const en = await open(link, "en-US");
    expect(en.text).toContain("In production");
  });

  it("a tampered or expired link is refused and reveals nothing", async () => {
    const tampered = await open(`${link.slice(0, -2)}${link.endsWith("AA") ? "BB" : "AA"}`);
    expect(tampered.status).toBe(404);
    expect(tampered.text).toContain("此链接无效");
    expect(tampered.text).not.toMatch(/DH\d{11}/);

    await t.database.db
      .updateTable("status_links")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("order_no", "=", orderNo)
      .execute();
    const expired = await open(link, "en-US");
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("expired or was withdrawn");
    expect(expired.text).not.toContain(orderNo);
  });
});
