// Purchasing in the loop, in the browser: the board's top proposal becomes a purchase order in one click,
// the supplier's date is confirmed on the board, and the sales board shows the order's promise moving.
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { partAndProduct, supplierFor } from "../support/purchasing.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";
import { layoutProblems } from "./support/layout-check.js";

describe.skipIf(!hasChromium)("purchasing in headless Chromium", () => {
  const app = useBrowserApp();

  it("turns the top shortage into a purchase order, confirms a later date, and the sales board shows the promise move", { timeout: 180_000 }, async () => {
    const t = app.t;
    const { part, product } = await partAndProduct(t, "E2E", { lead: 30 });
    await supplierFor(t, "S-E2E", part, { name: "常州精工配件有限公司", items: [{ sku: part, priceFen: 1800, preferred: true, leadTimeDays: 12 }] });
    const placed = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", rush: true, lines: [{ sku: product, qty: 10 }] } });
    expect(placed.status).toBe(201);
    const orderNo = placed.body.orderNo as string;
    const promised = placed.body.promise.date as string;
    expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);

    const page = await app.signIn("purchasing");
    const top = page.getByTestId("proposal-group-0");
    await top.getByText("常州精工配件有限公司").waitFor();
    expect(await top.textContent()).toContain(orderNo);
    await top.getByTestId("accept-0").click();
    await page.getByText(/已下采购单 PO\d{8}-\d{4}/).waitFor();
    const orders = (await t.api("GET", `/api/purchase-orders?orderNo=${orderNo}`, { as: "purchasing" })).body.orders;
    expect(orders).toHaveLength(1);
    const poNo = orders[0].poNo as string;
    expect(orders[0].lines[0]).toMatchObject({ sku: part, qty: 10, state: "unconfirmed", orderNo });

    // The supplier answers: five days later than asked (more than the material buffer absorbs).
    const supplierDate = addDays(orders[0].lines[0].requestedDate, 5);

    const waiting = page.getByTestId("unconfirmed");
    await waiting.getByTestId(`confirm-${poNo}-1`).click();
    await page.getByTestId("confirm-date").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(supplierDate);
    await page.keyboard.press("Enter");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    await page.getByText(new RegExp(`受影响订单：.*${orderNo}`)).waitFor();
    await waiting.getByTestId(`confirm-${poNo}-1`).waitFor({ state: "detached" });
    const line = (await t.api("GET", `/api/purchase-orders/${poNo}`, { as: "purchasing" })).body.lines[0];
    expect(line).toMatchObject({ state: "confirmed", confirmedDate: supplierDate });
    // The toasts fade; then nothing on the board overlaps or overflows, on a desktop and on a phone.
    await page.locator(".ant-message-notice").first().waitFor({ state: "detached", timeout: 10_000 });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await page.waitForTimeout(500);
      expect(await layoutProblems(page), `purchasing board at ${width}px`).toEqual([]);
    }
    await closePage(page);

    // Sales sees the promise the plan can no longer keep, with the date it now gives.
    const order = (await t.api("GET", `/api/orders/${orderNo}`, { as: "sales" })).body;
    expect(order.promise.state).toBe("at_risk");
    expect(order.promise.plannedDate >= supplierDate).toBe(true);
    const sales = await app.signIn("sales");
    const risk = sales.getByTestId("promises-at-risk");
    const row = risk.locator("tr, .ant-list-item", { hasText: orderNo }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain(promised);
    expect(await risk.getByTestId(`planned-${orderNo}`).textContent()).toBe(order.promise.plannedDate);
    await closePage(sales);
  });
});
