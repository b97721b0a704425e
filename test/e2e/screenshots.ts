// Saves a PNG of every board and list, in Chinese and English, at 1440×900, 1024×768 and 390×844 (a phone), into
// docs/screenshots/ — over the demo plant, as a user would see it. Run: npm run screenshots
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import type { Page } from "playwright-core";
import { buildApp } from "../../src/app.js";
import { DEMO_USERS } from "../../src/core/auth/roles.js";
import { upsertUser } from "../../src/core/auth/store.js";
import { readConfig } from "../../src/core/config.js";
import { openDatabase } from "../../src/core/db/connect.js";
import { migrateToLatest } from "../../src/core/db/migrate.js";
import type { DB } from "../../src/core/db/schema.js";
import { addDays } from "../../src/demo/dates.js";
import { loadDemoEngineeringChange } from "../../src/demo/engineering-change.js";
import { loadDemoPlant } from "../../src/demo/load-demo-plant.js";
import { GO_LIVE_DAYS_AGO } from "../../src/demo/master-changes.js";
import { takeDemoQuotes } from "../../src/demo/take-demo-quotes.js";
import { takeMorningOrders } from "../../src/demo/take-morning-orders.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { replan } from "../../src/planning/replan.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { TEST_PASSWORD } from "../support/test-app.js";
import { messyLedger } from "../support/workbooks.js";
import { closePage, hasChromium, launchChromium, signIn } from "./support/browser.js";

const OUT = path.resolve("docs/screenshots");
type Size = readonly [number, number];
const SIZES: Size[] = [
  [1440, 900],
  [1024, 768],
  [390, 844],
];
/** The field-service pages are used on phones. */
const FIELD_SIZES: Size[] = [
  [390, 844],
  [1024, 768],
];
/** A demo unit with service visits, found once the demo plant is loaded. */
let visitedSerial = "";
const ONLY = process.env.SCREENSHOT_PAGES?.split(",");
const LANGS = (process.env.SCREENSHOT_LANGS?.split(",") ?? ["zh-CN", "en-US"]) as ("zh-CN" | "en-US")[];
const GO_LIVE = addDays(plantDay(new Date()), -GO_LIVE_DAYS_AGO);
const PAGES: { name: string; user: string; path: string; prepare?: (page: Page) => Promise<void>; fullPage?: boolean; sizes?: Size[] }[] = [
  ...DEMO_USERS.map((u) => ({ name: `board-${u.username}`, user: u.username, path: `/board/${u.username}` })),
  { name: "orders", user: "service", path: "/orders" },
  { name: "quotes", user: "sales", path: "/quotes" },
  {
    name: "quote",
    user: "sales",
    path: "/quotes",
    fullPage: true,
    // The quote the customer bought V1 of while V2 was live: both versions, the diff and the order.
    prepare: async (page) => {
      const quoteNo = await page.evaluate(async () => {
        const res = await fetch("/api/quotes?status=won");
        const body = (await res.json()) as { quotes: { quoteNo: string; versions: unknown[] }[] };
        return body.quotes.find((q) => q.versions.length > 1)?.quoteNo ?? body.quotes[0]?.quoteNo;
      });
      await page.goto(`${new URL(page.url()).origin}/quotes/${quoteNo}`);
      await page.getByTestId("quote-order").waitFor();
    },
  },
  {
    name: "order-drawer",
    user: "finance",
    path: "/orders",
    prepare: async (page) => {
      await page.getByTestId("orders-table").locator("a, button[data-testid^=order-link-]").first().click();
      await page.getByTestId("order-timeline").waitFor();
    },
  },
  {
    name: "order-drawer-ship",
    user: "warehouse",
    path: "/orders",
    // A ready order of several pieces: the warehouse's action bar and the ship form, a quantity per line.
    prepare: async (page) => {
      const orderNo = await page.evaluate(async () => {
        const list = await (await fetch("/api/orders?status=ready&limit=100")).json();
        for (const o of list.orders as { orderNo: string }[]) {
          const view = await (await fetch(`/api/orders/${o.orderNo}`)).json();
          if (view.lines.length > 1) return o.orderNo as string;
        }
        return (list.orders[0]?.orderNo as string) ?? "";
      });
      await page.getByTestId("orders-search").locator("input").fill(orderNo);
      await page.keyboard.press("Enter");
      await page.getByText(orderNo, { exact: true }).first().click();
      await page.getByTestId("action-ship").click();
      await page.getByTestId("action-form-ship").waitFor();
    },
  },
  { name: "rules", user: "admin", path: "/rules" },
  {
    name: "ecn",
    user: "engineering",
    path: "/board/engineering",
    fullPage: true,
    prepare: async (page) => {
      await page.getByTestId("ecns-in-progress").getByRole("link", { name: /^ECN-/ }).first().click();
      await page.getByTestId("impact-rows").waitFor();
    },
  },
  {
    name: "rule-editor",
    user: "admin",
    path: "/rules",
    prepare: async (page) => {
      await page.getByTestId("rules-table").getByRole("button").nth(1).click();
      await page.getByTestId("condition-editor").waitFor();
    },
  },
  { name: "imports", user: "sales", path: "/imports", prepare: (page) => dryRunLedger(page) },
  {
    name: "imports-errors",
    user: "sales",
    path: "/imports",
    prepare: async (page) => {
      await dryRunLedger(page);
      await page.getByTestId("row-errors").scrollIntoViewIfNeeded();
    },
  },
  {
    name: "imports-committed",
    user: "sales",
    path: "/imports",
    prepare: async (page) => {
      // Order numbers of their own, so that the other screenshots still show a ledger not yet imported.
      await dryRunLedger(page, "已提交台账.xlsx", `C${++commits}`);
      await page.getByTestId("commit").click();
      await page.locator("[data-testid=import-progress][data-percent='100']").waitFor();
      await page.getByTestId("import-progress").scrollIntoViewIfNeeded();
    },
  },
  // The management page over the demo's year, before/after its go-live: the whole page, and one drill-down.
  { name: "management", user: "admin", path: `/management?by=month&pivot=${GO_LIVE}`, fullPage: true },
  {
    name: "management-drill",
    user: "admin",
    path: `/management?by=month&pivot=${GO_LIVE}`,
    prepare: async (page) => {
      await page.getByTestId("figure-dwell-scheduling").click();
      await page.getByTestId("drill-table").locator("tbody tr.ant-table-row").first().waitFor();
    },
  },
  ...fieldPages(),
  ...masterPages(),
];

/** Quick order with its preview, and the master-data pages: desktop and phone. */
function masterPages() {
  const sizes: Size[] = [
    [1440, 900],
    [390, 844],
  ];
  const quickOrder = async (page: Page) => {
    const customer = await firstHeldCustomer(page);
    await page.locator("#customer").click();
    await page.locator("#customer").fill(customer);
    await page.keyboard.press("Enter");
    await page.locator("#lines_0_sku").click();
    await page.locator("#lines_0_sku").fill("PS-");
    await page.keyboard.press("Enter");
    await page.locator("#lines_0_qty").fill("3");
    await page.getByTestId("quick-params").locator(".ant-checkbox-input").first().check();
    await page.getByTestId("order-preview").waitFor();
    await page.getByTestId("quick-consequences").scrollIntoViewIfNeeded();
  };
  return [
    { name: "quick-order-preview", user: "sales", path: "/board/sales", prepare: quickOrder, sizes },
    { name: "customers", user: "finance", path: "/master/customers", sizes, prepare: shown("customers") },
    {
      name: "customer-edit",
      user: "finance",
      path: "/master/customers",
      sizes,
      prepare: async (page: Page) => {
        await shown("customers")(page);
        await page.locator("[data-testid^=edit-]").first().click();
        await page.getByTestId("customer-form").waitFor();
        await page.locator("#creditLimit").fill("880000");
      },
    },
    { name: "stock", user: "warehouse", path: "/master/stock", sizes, prepare: shown("stock") },
    {
      name: "stock-adjust",
      user: "warehouse",
      path: "/master/stock",
      sizes,
      prepare: async (page: Page) => {
        await shown("stock")(page);
        await page.locator("[data-testid^=adjust-]").first().click();
        await page.getByTestId("adjust-qty").waitFor();
      },
    },
    { name: "calendar", user: "planner", path: "/master/calendar", sizes, prepare: shown("centres") },
    { name: "users", user: "admin", path: "/master/users", sizes, prepare: shown("users") },
  ];
}

/** Waits for a list to have its first record (a page loads its session, then its data). */
function shown(testId: string) {
  return async (page: Page) => {
    await page.getByTestId(testId).locator("[data-key], [data-row-key], .ant-table-row").first().waitFor({ timeout: 60_000 });
  };
}

/** A customer already over its credit limit (the quick order's preview then shows the hold). */
async function firstHeldCustomer(page: Page): Promise<string> {
  const { customers } = (await page.evaluate(() => fetch("/api/customers?limit=500").then((r) => r.json()))) as {
    customers: { code: string; creditHeadroom: string; grade: string }[];
  };
  return customers.find((c) => c.creditHeadroom.startsWith("-") && c.grade !== "D")?.code ?? customers[0].code;
}

let commits = 0;

/** The import screen after a dry run of a messy ledger generated here. */
async function dryRunLedger(page: Page, name = "销售台账2025.xlsx", prefix?: string) {
  const buffer = await messyLedger(40, prefix);
  await page.locator(".ant-upload input[type=file]").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
  await page.getByTestId("dry-run").click();
  await page.getByTestId("import-report").waitFor();
}

function fieldPages() {
  const unit = async (page: Page) => {
    await page.getByTestId("unit-search").locator("input").fill(visitedSerial);
    await page.getByTestId("unit-search").locator("input").press("Enter");
    await page.getByTestId("unit-card").waitFor();
  };
  const visit = async (page: Page) => {
    await page.goto(`${page.url().split("/service")[0]}/service/visit?serial=${visitedSerial}`);
    await page.getByTestId("visit-form").waitFor();
    await page.getByTestId("parts-picker").locator("input[type=checkbox]").first().check();
  };
  return [
    { name: "service-lookup", user: "engineering", path: "/service/lookup", prepare: unit, sizes: FIELD_SIZES },
    { name: "service-visit", user: "engineering", path: "/service/visit", prepare: visit, sizes: FIELD_SIZES },
    {
      name: "service-visit-done",
      user: "engineering",
      path: "/service/visit",
      sizes: FIELD_SIZES,
      prepare: async (page: Page) => {
        await visit(page);
        await page.getByTestId("visit-notes").fill("密封圈老化渗漏，已更换 / seal replaced");
        await page.getByTestId("photo-input").setInputFiles({ name: "work.png", mimeType: "image/png", buffer: await page.screenshot() });
        await page.getByTestId("visit-submit").click();
        await page.getByTestId("warranty-link").waitFor();
      },
    },
  ];
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Boards and lists fill in after their first fetch (slow on a busy machine): wait for their spinners to stop.
  await page.waitForFunction(() => !document.querySelector(".ant-btn-loading, .ant-spin-spinning, .ant-table-placeholder .ant-spin"), undefined, {
    timeout: 60_000,
  });
  // ECharts animates its first paint.
  await page.waitForTimeout(1200);
}

/** A few T+3 rush orders of grade-A customers taken in through the API, so rules pin and alert as on a real day. */
async function rushOrders(db: Kysely<DB>, url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "sales", password: TEST_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  const customers = await db.selectFrom("customers").select("code").where("grade", "=", "A").orderBy("code").limit(4).execute();
  const items = await db.selectFrom("items").select("sku").where("kind", "=", "finished").orderBy("sku").limit(4).execute();
  const due = plantDay(new Date(Date.now() + 3 * 86_400_000));
  for (const [i, c] of customers.entries()) {
    const res = await fetch(`${url}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ customer: c.code, rush: true, tags: ["T+3"], requestedDate: due, lines: [{ sku: items[i % items.length].sku, qty: 2 }] }),
    });
    if (res.status !== 201) console.warn(`rush order for ${c.code}: ${res.status} ${await res.text()}`);
  }
}

async function main() {
  if (!hasChromium) throw new Error("needs /usr/bin/chromium (apt-get install -y chromium fonts-noto-cjk)");
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  for (const user of DEMO_USERS) await upsertUser(database.db, { ...user, password: TEST_PASSWORD });
  await loadDemoPlant(database.db);
  await installDefaultRules(database.db);
  await takeMorningOrders(database.db);
  await takeDemoQuotes(database.db);
  await loadDemoEngineeringChange(database.db);
  const app = await buildApp({
    db: database.db,
    kind: database.kind,
    // Every page signs in afresh (a person's first look at it): far more sign-ins from one address than the
    // throttle lets a real client make in its window.
    config: { ...readConfig({}), logLevel: "silent", loginAttemptsPerAddress: 10_000 },
    version: "screenshots",
    listen: database.listen,
  });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  await rushOrders(database.db, url);
  // The server's background re-planner is not running here: plan once, as it would at start.
  await replan(database.db, "system", "start");
  const visited = await database.db
    .selectFrom("service_visits")
    .select("serial")
    .groupBy("serial")
    .orderBy(sql`count(*)`, "desc")
    .orderBy("serial")
    .executeTakeFirst();
  visitedSerial = visited?.serial ?? "";
  const browser = await launchChromium();
  await mkdir(OUT, { recursive: true });
  try {
    for (const lang of LANGS) {
      for (const [width, height] of [...SIZES, ...FIELD_SIZES.filter((s) => !SIZES.some((x) => x[0] === s[0]))]) {
        for (const p of PAGES.filter((x) => (!ONLY || ONLY.includes(x.name)) && (x.sizes ?? SIZES).some((s) => s[0] === width))) {
          const page = await signIn(browser, url, p.user, { lang, width, height });
          if (!page.url().endsWith(p.path)) await page.goto(`${url}${p.path}`);
          await settle(page);
          if (p.prepare) {
            await p.prepare(page);
            await settle(page);
          }
          const file = path.join(OUT, `${p.name}-${lang}-${width}x${height}.png`);
          await page.screenshot({ path: file, fullPage: p.fullPage });
          console.log(file);
          await closePage(page);
        }
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await database.close();
  }
}

await main();
