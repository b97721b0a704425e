// Every role's board and the orders list, on a phone (390×844) and a desktop (1440×900), in Chinese and
// English, over the demo plant: the page never scrolls sideways, no box scrolls sideways, no two pieces
// of text print over each other, and no column squeezes its words to one character per line.
// One browser, one page per viewport, one sign-in (admin opens every board).
import { sql } from "kysely";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { replan } from "../../src/planning/replan.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { inDays } from "../support/helpers.js";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";
import { hasChromium, launchChromium } from "./support/browser.js";
import { layoutProblems } from "./support/layout-check.js";

const PAGES = ["sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "admin"].map((r) => `/board/${r}`).concat("/orders");
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];
const LANGS = ["zh-CN", "en-US"] as const;

/** A day's worth of work on every board: orders in each stage, late and held ones for the warehouse, pins and tasks from the rules. */
async function fillBoards(t: TestApp) {
  await installDefaultRules(t.database.db);
  const place = async (customer: string, sku: string, qty: number, days: number, extra: Record<string, unknown> = {}) => {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer, requestedDate: inDays(days), lines: [{ sku, qty }], ...extra } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.orderNo as string;
  };
  const move = async (orderNo: string, steps: [to: string, as: "planner" | "warehouse" | "sales", reason?: string][]) => {
    for (const [to, as, reason] of steps) {
      const res = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to, reason } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  };
  const toReady: [string, "planner" | "warehouse"][] = [
    ["scheduled", "planner"],
    ["in_production", "planner"],
    ["ready", "warehouse"],
  ];
  // C-C1 is over its credit limit: the rules hold its orders, which the finance board shows.
  const customers = ["C-A1", "C-B1", "C-A1", "C-B1", "C-C1", "C-C1"];
  const ready: string[] = [];
  for (const [i, c] of customers.entries()) {
    const orderNo = await place(c, i % 2 ? "TT-200" : "PS-100", 2 + i, 5 + i, i === 0 ? { rush: true, tags: ["T+3"] } : {});
    if (i < 4) {
      await move(orderNo, toReady);
      ready.push(orderNo);
    }
  }
  await place("C-A1", "PS-100", 300, 3, { rush: true, tags: ["T+3"] });
  await place("C-C1", "PS-100", 80, 12);
  // Two ready orders whose promise has passed (late shipments), one held after production.
  await t.database.db
    .updateTable("orders")
    .set({ promised_date: sql`${inDays(-2)}::date` })
    .where("order_no", "in", ready.slice(0, 2))
    .execute();
  await move(ready[2], [["on_hold", "sales", "客户要求暂缓发货，等待新的收货地址"]]);
  await replan(t.database.db, "system", "start");
}

async function settle(page: Page, path: string) {
  const testId = path === "/orders" ? "orders-table" : `board-${path.split("/").pop()}`;
  await page.getByTestId(testId).waitFor();
  await page.waitForLoadState("networkidle");
  // Boards fill in after their first fetch; wait until the refresh button stops spinning.
  await page.waitForFunction(() => !document.querySelector(".ant-btn-loading, .ant-spin-spinning"));
}

describe.skipIf(!hasChromium)("layout on phone and desktop, both languages", () => {
  it("has no sideways scroll, overprinted or squeezed text on any board or the orders list", { timeout: 900_000 }, async () => {
    const t = await startTestApp();
    const browser = await launchChromium();
    try {
      await fillBoards(t);
      const found: string[] = [];
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport, locale: "zh-CN" });
        const page = await context.newPage();
        await page.goto(`${t.url}/login`);
        await page.fill("#username", "admin");
        await page.fill("#password", TEST_PASSWORD);
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/board\//);
        for (const lang of LANGS) {
          await page.evaluate((l) => localStorage.setItem("lvyue.lang", l), lang);
          for (const path of PAGES) {
            await page.goto(`${t.url}${path}`);
            await settle(page, path);
            for (const p of await layoutProblems(page)) found.push(`${viewport.width}px ${lang} ${path}: ${p.kind} ${p.detail}`);
          }
        }
        await context.close();
      }
      expect(found).toEqual([]);
    } finally {
      await browser.close();
      await t.close();
    }
  });
});
