// Quick order entry shows the promise while the lines are typed, before anything is saved.
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

describe.skipIf(!hasChromium)("quick order entry with the promise, in headless Chromium", () => {
  const app = useBrowserApp();

  it("shows the promise date, whether the requested date holds and the binding constraint before the order is placed", async () => {
    const count = async () => (await app.t.api("GET", "/api/orders?limit=500", { as: "sales" })).body.orders.length as number;
    const before = await count();
    const page = await app.signIn("sales");
    await page.locator("#customer").click();
    await page.locator("#customer").fill("C-A1");
    await page.keyboard.press("Enter");
    const requested = addDays(plantDay(new Date()), 3);
    await page.locator("#requestedDate").click();
    await page.keyboard.type(requested);
    await page.keyboard.press("Enter");
    await page.locator("#lines_0_sku").click();
    await page.locator("#lines_0_sku").fill("PS-100");
    await page.keyboard.press("Enter");
    await page.locator("#lines_0_qty").fill("50");

    // The promise planning gives for the same order through the API (which saves nothing).
    const expected = await app.t.api("POST", "/api/promise", {
      as: "sales",
      body: { customer: "C-A1", requestedDate: requested, lines: [{ sku: "PS-100", qty: 50 }] },
    });
    expect(expected.status, JSON.stringify(expected.body)).toBe(200);
    const preview = page.getByTestId("promise-preview");
    await preview.getByTestId("promise-date").getByText(expected.body.earliestDate).waitFor();
    const holds = await preview.getByTestId("promise-holds").textContent();
    expect(holds).toBe(expected.body.feasible ? `要求交期 ${requested} 可以满足` : `要求交期 ${requested} 无法满足`);
    expect(await preview.getByTestId("promise-binding").textContent()).toMatch(/^约束：/);
    expect(await preview.getByTestId("promise-explanation").textContent()).toBe(expected.body.explanation);
    expect(await count()).toBe(before);

    // A changed quantity asks again: 1 piece is promised no later than 50.
    await page.locator("#lines_0_qty").fill("1");
    const one = await app.t.api("POST", "/api/promise", {
      as: "sales",
      body: { customer: "C-A1", requestedDate: requested, lines: [{ sku: "PS-100", qty: 1 }] },
    });
    await preview.getByTestId("promise-explanation").getByText(one.body.explanation, { exact: true }).waitFor();

    await page.getByTestId("quick-submit").click();
    await page.getByTestId("quick-result").waitFor();
    expect(await count()).toBe(before + 1);
    await closePage(page);
  });

  for (const width of [1440, 390]) {
    it(`holds the promised date for some hours, shows its expiry, and takes the order into the held slot (${width} px)`, async () => {
      const page = await app.signIn("sales", { width, height: width > 500 ? 900 : 844 });
      await page.locator("#customer").click();
      await page.locator("#customer").fill("C-A1");
      await page.keyboard.press("Enter");
      await page.locator("#lines_0_sku").click();
      await page.locator("#lines_0_sku").fill("PS-100");
      await page.keyboard.press("Enter");
      await page.locator("#lines_0_qty").fill("40");
      const expected = await app.t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 40 }] } });
      await page.getByTestId("promise-preview").getByTestId("promise-date").getByText(expected.body.earliestDate).waitFor();
      await page.getByTestId("hold-hours").fill("2");
      await page.getByTestId("hold-place").click();
      const state = page.getByTestId("hold-state");
      await state.waitFor();
      // The date held is the promise at the moment of holding (late in the plant's day it may be a day on).
      const holds = (await app.t.api("GET", "/api/promise/holds", { as: "sales" })).body.holds;
      expect(holds).toHaveLength(1);
      const held = holds[0];
      expect(held.heldDate >= expected.body.earliestDate).toBe(true);
      const hours = (Date.parse(held.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(1.9);
      expect(hours).toBeLessThanOrEqual(2);
      const cst = new Date(Date.parse(held.expiresAt) + 8 * 3_600_000).toISOString();
      expect(await state.textContent()).toContain(`已保留交期 ${held.heldDate}，${cst.slice(5, 10)} ${cst.slice(11, 16)} 到期`);
      await page.getByTestId("promise-hold").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/quick-promise-hold-${width}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      await page.getByTestId("hold-convert").click();
      await page.getByTestId("quick-result").waitFor();
      await state.getByText("已转为订单").waitFor();
      const after = (await app.t.api("GET", "/api/promise/holds", { as: "sales" })).body.holds;
      expect(after.some((h: { id: number }) => h.id === held.id)).toBe(false);
      const text = await page.getByTestId("quick-result").textContent();
      expect(text).toContain(held.heldDate);
      await closePage(page);
    });
  }
});
