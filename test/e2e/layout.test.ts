// Every role's board and the orders list, on a phone (390×844) and a desktop (1440×900), in Chinese and
// English, over the demo plant: the page never scrolls sideways, no box scrolls sideways, no two pieces
// of text print over each other, and no column squeezes its words to one character per line.
// One browser, one page per viewport, one sign-in (admin opens every board).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadDemoPlant } from "../../src/demo/load-demo-plant.js";
import { replan } from "../../src/planning/replan.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";
import { hasChromium, launchChromium } from "./support/browser.js";
import { layoutProblems } from "./support/layout-check.js";

const PAGES = ["sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "admin"].map((r) => `/board/${r}`).concat("/orders");
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];
const LANGS = ["zh-CN", "en-US"] as const;

async function settle(page: Page, path: string) {
  const testId = path === "/orders" ? "orders-table" : `board-${path.split("/").pop()}`;
  await page.getByTestId(testId).waitFor();
  await page.waitForLoadState("networkidle");
  // Boards fill in after their first fetch; wait until the refresh button stops spinning.
  await page.waitForFunction(() => !document.querySelector(".ant-btn-loading, .ant-spin-spinning"));
}

describe.skipIf(!hasChromium)("layout on phone and desktop, both languages", () => {
  let t: TestApp;

  it("has no sideways scroll, overprinted or squeezed text on any board or the orders list", { timeout: 600_000 }, async () => {
    t = await startTestApp({ seed: false });
    const browser = await launchChromium();
    try {
      await loadDemoPlant(t.database.db);
      await installDefaultRules(t.database.db);
      await replan(t.database.db, "system", "start");
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
