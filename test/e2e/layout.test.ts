// Every role's board and the orders list, on a phone (390×844), a tablet (768×1024) and a desktop
// (1440×900), in Chinese and English, and the order drawer with its action bar and a part shipment's form
// on the phone and the tablet: the page never scrolls sideways, no box scrolls sideways, no two pieces of
// text print over each other, and no column squeezes its words to one character per line.
// One browser, one page per viewport, one sign-in (admin opens every board and is offered every action);
// pages change inside the app (no reload), the language through its own switch.
import { sql } from "kysely";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { replan } from "../../src/planning/replan.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { inDays } from "../support/helpers.js";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";
import { hasChromium, sharedChromium } from "./support/browser.js";
import { layoutProblems } from "./support/layout-check.js";

const PAGES = ["sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "admin"].map((r) => `/board/${r}`).concat("/orders");
const VIEWPORTS = [
  { width: 390, height: 844, drawer: true },
  { width: 768, height: 1024, drawer: true },
  { width: 1440, height: 900, drawer: false },
];
const LANGS = ["zh-CN", "en-US"] as const;
/** The open drawer covers the page: only what it shows is checked. */
const DRAWER = ".ant-drawer-content-wrapper";

/**
 * A day's worth of work on every board: orders in each stage, late and held ones for the warehouse, pins and
 * tasks from the rules. Answers a ready order of two lines, partly shipped, for the drawer.
 */
async function fillBoards(t: TestApp): Promise<string> {
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
  const res = await t.api("POST", "/api/orders", {
    as: "sales",
    body: {
      customer: "C-B1",
      requestedDate: inDays(9),
      lines: [
        { sku: "TT-200", qty: 40 },
        { sku: "PM-HOUSING", qty: 12 },
      ],
    },
  });
  const partly = res.body.orderNo as string;
  await move(partly, toReady);
  const shipped = await t.api("POST", `/api/orders/${partly}/shipments`, {
    as: "warehouse",
    body: { carrier: "顺丰速运", trackingNo: "SF1029384756", lines: [{ line: 1, qty: 25 }] },
  });
  expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
  await replan(t.database.db, "system", "start");
  return partly;
}

/** Moves to `path` inside the app, as its menu does: no reload, the session and bundle stay. */
async function go(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState({}, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** Waits until no request but the live stream has been open for 200 ms (networkidle waits 500 ms and counts the stream). */
function quietNetwork(page: Page) {
  const open = new Set<unknown>();
  let last = Date.now();
  const start = (r: { url(): string }) => {
    if (!r.url().includes("/api/events/stream")) open.add(r);
    last = Date.now();
  };
  const end = (r: unknown) => {
    open.delete(r);
    last = Date.now();
  };
  page.on("request", start);
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  return async () => {
    while (open.size || Date.now() - last < 200) await page.waitForTimeout(50);
  };
}

async function settle(page: Page, path: string, quiet: () => Promise<void>) {
  const testId = path === "/orders" ? "orders-table" : `board-${path.split("/").pop()}`;
  await page.getByTestId(testId).waitFor();
  await quiet();
  // Boards fill in after their first fetch; wait until the refresh button stops spinning.
  await page.waitForFunction(() => !document.querySelector(".ant-btn-loading, .ant-spin-spinning"));
}

describe.skipIf(!hasChromium)("layout on phone, tablet and desktop, both languages", () => {
  it("has no sideways scroll, overprinted or squeezed text on any board, the orders list or the order drawer and its actions", {
    timeout: 1_800_000,
  }, async () => {
    const t = await startTestApp();
    const browser = await sharedChromium();
    try {
      const partly = await fillBoards(t);
      const found: string[] = [];
      let clock = Date.now();
      const check = async (page: Page, where: string, within?: string) => {
        const problems = await layoutProblems(page, within);
        for (const p of problems) found.push(`${where}: ${p.kind} ${p.detail}`);
        console.log(`layout ${where}: ${problems.length} problems (${Date.now() - clock} ms)`);
        clock = Date.now();
      };
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport, locale: "zh-CN" });
        const page = await context.newPage();
        const quiet = quietNetwork(page);
        await page.goto(`${t.url}/login`);
        await page.fill("#username", "admin");
        await page.fill("#password", TEST_PASSWORD);
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/board\//);
        for (const lang of LANGS) {
          if (lang !== "zh-CN") await page.getByTestId("lang-switch").click();
          for (const path of PAGES) {
            await go(page, path);
            await settle(page, path, quiet);
            await check(page, `${viewport.width}px ${lang} ${path}`);
          }
          if (!viewport.drawer) continue;
          // The orders list is open: the drawer of a partly shipped order, its action bar, then the ship form by line.
          await page.getByText(partly, { exact: true }).first().click();
          const drawer = page.getByTestId("order-drawer");
          await drawer.getByTestId("order-actions").getByTestId("action-ship").waitFor();
          await drawer.getByTestId("partly-shipped").waitFor();
          await settle(page, "/orders", quiet);
          await check(page, `${viewport.width}px ${lang} drawer`, DRAWER);
          await drawer.getByTestId("action-ship").click();
          await drawer.getByTestId("action-lines").waitFor();
          await check(page, `${viewport.width}px ${lang} drawer ship form`, DRAWER);
          await page.keyboard.press("Escape");
          await drawer.waitFor({ state: "hidden" });
        }
        await context.close();
      }
      expect(found).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
