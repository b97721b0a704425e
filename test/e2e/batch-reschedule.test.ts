// Batch reschedule from the planner board in three steps: tick → 批量改期 → date.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

/** The planner's steps: each tick, the button, the date (one field) and the confirmation; their count. */
async function rescheduleOnScreen(page: Page, orderNos: string[], due: string): Promise<number> {
  let steps = 0;
  const table = page.getByTestId("to-schedule");
  for (const no of orderNos) {
    await table.locator("tr", { hasText: no }).locator(".ant-checkbox-input").check();
    steps++;
  }
  await page.getByTestId("batch-reschedule").click();
  steps++;
  await page.getByTestId("reschedule-date").click();
  await page.keyboard.type(due);
  await page.keyboard.press("Enter");
  steps++;
  await page.locator(".ant-modal-footer .ant-btn-primary").click();
  steps++;
  return steps;
}

describe.skipIf(!hasChromium)("batch reschedule in headless Chromium", () => {
  const app = useBrowserApp();
  const due = plantDay(new Date(Date.now() + 30 * 86_400_000));
  const create = async (customer: string, sku = "TT-200", qty = 1) =>
    (await app.t.api("POST", "/api/orders", { as: "sales", body: { customer, lines: [{ sku, qty }] } })).body.orderNo as string;

  it("ticks three orders, presses 批量改期, enters a date, and shows each order's new promise, kitting and the shortage changes", {
    timeout: 180_000,
  }, async () => {
    const orderNos = [await create("C-A1", "PS-100", 50), await create("C-B1", "PS-100", 50), await create("C-C1")];
    // Customer service keeps its board open: the orders that moved last, with their promised dates.
    const service = await app.signIn("service");
    const recent = service.getByTestId("service-recent");
    await recent.getByText(orderNos[0]).waitFor();
    const page = await app.signIn("planner");
    // Three ticks, 批量改期, the date, confirm: the seed's "3 steps" (tick → batch change date → date).
    expect(await rescheduleOnScreen(page, orderNos, due)).toBe(orderNos.length + 3);
    const result = page.getByTestId("reschedule-result");
    for (const no of orderNos) await result.getByText(no).waitFor();
    expect(await result.locator("tbody tr").count()).toBe(3);
    // The reply of the real route: each row shows its new promised date; the API agrees.
    for (const no of orderNos) {
      const order = await app.t.api("GET", `/api/orders/${no}`, { as: "planner" });
      // A planner moves the promise, not what the customer asked (decision 0051): never before the new date.
      expect(order.body.promisedDate >= due, `${no}: promised ${order.body.promisedDate}, due ${due}`).toBe(true);
      expect(await result.locator("tr", { hasText: no }).textContent()).toContain(order.body.promisedDate);
    }
    expect(await page.getByTestId("reschedule-shortages").textContent()).toMatch(/缺料变化|缺料没有变化/);
    // Service's open board shows each new promise without a reload.
    for (const no of orderNos) {
      const order = await app.t.api("GET", `/api/orders/${no}`, { as: "service" });
      await recent.locator("tr", { hasText: no }).getByText(order.body.promisedDate).waitFor({ timeout: 5000 });
    }
    await closePage(page);
    await closePage(service);
  });

  it("a refused batch names the order that cannot move and changes nothing", async () => {
    const orderNos = [await create("C-A1"), await create("C-B1")];
    const page = await app.signIn("planner");
    const table = page.getByTestId("to-schedule");
    for (const no of orderNos) await table.locator("tr", { hasText: no }).locator(".ant-checkbox-input").check();
    // Cancelled by sales after the planner ticked it: the board drops the row, the batch still holds it.
    await app.t.api("POST", `/api/orders/${orderNos[1]}/transitions`, { as: "sales", body: { to: "cancelled", reason: "客户取消" } });
    await table.getByText(orderNos[1]).waitFor({ state: "detached" });
    await page.getByTestId("batch-reschedule").click();
    await page.getByTestId("reschedule-date").click();
    await page.keyboard.type(due);
    await page.keyboard.press("Enter");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    const refused = page.getByTestId("reschedule-refused");
    await refused.waitFor();
    expect(await refused.locator("tr", { hasText: orderNos[1] }).textContent()).toContain("不能改期");
    expect(await refused.locator("tr", { hasText: orderNos[0] }).textContent()).toContain("未修改");
    const untouched = await app.t.api("GET", `/api/orders/${orderNos[0]}`, { as: "planner" });
    expect(untouched.body.version).toBe(1);
    await closePage(page);
  });
});
