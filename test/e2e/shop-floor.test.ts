// The shop floor in a real browser: an operator scans an operation's QR code on a 390×844 phone,
// reports it finished in at most three taps, and the planner's open production board shows it live.
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { closePage, hasChromium, signIn, useBrowserApp } from "./support/browser.js";

describe.skipIf(!hasChromium)("the shop floor in headless Chromium", () => {
  const app = useBrowserApp();

  it("reports an operation from a phone in three taps after the scan; the planner's board shows it within a second", async () => {
    const t = app.t;
    const created = await t.api("POST", "/api/orders", {
      as: "sales",
      body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 30 }], requestedDate: addDays(plantDay(new Date()), 30) },
    });
    expect(created.status).toBe(201);
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    expect((await t.api("POST", `/api/orders/${created.body.orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } })).status).toBe(200);
    const list = await t.api("GET", "/api/work-centres/WC-ASM/dispatch", { as: "production" });
    const op = list.body.operations.find((o: { orderNo: string }) => o.orderNo === created.body.orderNo);
    expect(op).toBeDefined();

    const board = await signIn(app.browser, t.url, "planner");
    await board.goto(`${t.url}/board/production`);
    await board.getByTestId("production-recent").waitFor();
    await board.locator(".ant-badge-status-success").waitFor();

    const phone = await signIn(app.browser, t.url, "production", { width: 390, height: 844 });
    // The scan: the QR code opens the operation's page.
    await phone.goto(`${t.url}/shop-floor/op/${op.operationId}`);
    await phone
      .getByTestId("operation-sheet")
      .waitFor()
      .catch(async (e) => {
        await phone.screenshot({ path: "test-results/shop-floor-phone-failed.png" });
        throw e;
      });
    let taps = 0;
    await phone.getByTestId("op-finish").click();
    taps++;
    await phone.getByTestId("op-good").waitFor();
    expect(await phone.getByRole("spinbutton", { name: "合格数" }).inputValue()).toBe("30");
    const reportedAt = Date.now();
    await phone.getByTestId("op-confirm").click();
    taps++;
    // The planner's open board shows the report within a second of the tap, without a reload.
    await board.getByTestId("production-recent").getByText(`${created.body.orderNo}-1`).waitFor({ timeout: 1000 });
    expect(Date.now() - reportedAt).toBeLessThan(1000);
    await phone.getByText("已完工").first().waitFor();
    expect(taps).toBeLessThanOrEqual(3);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: "test-results/shop-floor-phone.png" });
    await board.screenshot({ path: "test-results/production-board.png", fullPage: true });
    const order = await t.api("GET", `/api/orders/${created.body.orderNo}`, { as: "service" });
    expect(order.body.workOrders[0].operations[0]).toMatchObject({ status: "done", good: 30 });
    await closePage(phone);
    await closePage(board);
  }, 240_000);
});
