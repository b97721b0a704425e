// Each role does its work from its own board, without typing an address: finance releases a credit hold,
// the warehouse ships a pick wave, service sends a status link the customer opens signed out, engineering
// approves a review. Each counts its steps (clicks + fields filled) and watches another role's open page
// change without a reload.
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { inDays } from "../support/helpers.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

/** Counts what the person does: each click and each field filled is one step. */
function stepCounter() {
  let steps = 0;
  return {
    click: async (target: Locator) => {
      await target.click();
      steps++;
    },
    fill: async (target: Locator, text: string) => {
      await target.fill(text);
      steps++;
    },
    get count() {
      return steps;
    },
  };
}

// Live changes arrive within a second on a quiet machine; the margin is for a loaded CI box.
const LIVE_MS = 10_000;

describe.skipIf(!hasChromium)("every role acts from its board (headless Chromium)", () => {
  const app = useBrowserApp();
  beforeAll(async () => {
    await installDefaultRules(app.t.database.db);
  });
  const place = async (body: Record<string, unknown>) => {
    const res = await app.t.api("POST", "/api/orders", { as: "sales", body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { orderNo: string; status: string; version: number };
  };
  const move = async (orderNo: string, to: string, as: "planner" | "warehouse") =>
    expect((await app.t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to } })).status).toBe(200);
  const openDrawer = async (page: Page, orderNo: string) => {
    await page.getByTestId(`order-link-${orderNo}`).first().click();
    await page.getByTestId("order-actions").waitFor();
  };

  it("finance releases a credit hold in 2 steps, seeing the exposure; the planner's board gets the order at once", async () => {
    const held = await place({ customer: "C-C1", lines: [{ sku: "TT-200", qty: 1 }] });
    expect(held.status).toBe("on_hold");
    const planner = await app.signIn("planner");
    const toSchedule = planner.getByTestId("to-schedule");
    await toSchedule.waitFor();
    expect(await toSchedule.textContent()).not.toContain(held.orderNo);

    const finance = await app.signIn("finance");
    const steps = stepCounter();
    await steps.click(finance.getByTestId("waiting").getByTestId(`order-link-${held.orderNo}`));
    const exposure = finance.getByTestId("credit-exposure");
    await exposure.waitFor();
    expect(await exposure.textContent()).toContain("¥100,000.00");
    expect(await finance.getByTestId("credit-headroom").textContent()).toMatch(/^-¥/);
    await steps.click(finance.getByTestId("action-release"));
    await finance.getByTestId("action-release").waitFor({ state: "detached" });
    expect(steps.count).toBe(2);
    expect((await app.t.api("GET", `/api/orders/${held.orderNo}`, { as: "finance" })).body.status).toBe("confirmed");
    await toSchedule.getByText(held.orderNo).waitFor({ timeout: LIVE_MS });
    await closePage(finance);
    await closePage(planner);
  });

  it("the warehouse ships a pick wave with a tracking number each; the service board shows them shipped at once", async () => {
    const due = inDays(20);
    const orders = [
      await place({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] }),
      await place({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 2 }] }),
    ];
    for (const o of orders) {
      const order = (await app.t.api("GET", `/api/orders/${o.orderNo}`, { as: "planner" })).body;
      const patched = await app.t.api("PATCH", `/api/orders/${o.orderNo}`, {
        as: "planner",
        body: { promisedDate: due },
        headers: { "if-match": String(order.version) },
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      await move(o.orderNo, "scheduled", "planner");
      await move(o.orderNo, "in_production", "planner");
      await move(o.orderNo, "ready", "warehouse");
    }
    const service = await app.signIn("service");
    const recent = service.getByTestId("service-recent");
    for (const o of orders) await recent.locator("tr", { hasText: o.orderNo }).getByText("待发货").waitFor();

    const warehouse = await app.signIn("warehouse");
    const steps = stepCounter();
    const wave = warehouse.locator(".ant-collapse-item", { hasText: due });
    await steps.click(wave.getByTestId("ship-wave"));
    await steps.fill(warehouse.getByTestId("wave-carrier"), "顺丰速运");
    for (const [i, o] of orders.entries()) await steps.fill(warehouse.getByTestId(`wave-tracking-${o.orderNo}`), `SF10000000${i}`);
    await steps.click(warehouse.getByTestId("ship-wave-ok"));
    await warehouse.getByTestId("ship-wave-form").waitFor({ state: "detached" });
    await wave.waitFor({ state: "detached" });
    expect(steps.count).toBe(5);
    for (const [i, o] of orders.entries()) {
      expect((await app.t.api("GET", `/api/orders/${o.orderNo}`, { as: "warehouse" })).body.status).toBe("shipped");
      const shipments = (await app.t.api("GET", `/api/orders/${o.orderNo}/shipments`, { as: "warehouse" })).body.shipments;
      expect(shipments).toEqual([expect.objectContaining({ carrier: "顺丰速运", trackingNo: `SF10000000${i}` })]);
      await recent.locator("tr", { hasText: o.orderNo }).getByText("已发货").waitFor({ timeout: LIVE_MS });
    }
    await closePage(warehouse);
    await closePage(service);
  });

  it("service sends a status link in 2 steps and the customer opens it signed out; sales' open drawer shows the link at once", async () => {
    const { orderNo } = await place({ customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] });
    await move(orderNo, "scheduled", "planner");
    await move(orderNo, "in_production", "planner");
    const sales = await app.signIn("sales");
    await sales.getByRole("menuitem").filter({ hasText: "订单列表" }).click();
    await sales.getByTestId("orders-table").getByText(orderNo).click();
    await sales.getByTestId("order-actions").waitFor();
    expect(await sales.getByTestId("status-link").count()).toBe(0);

    const service = await app.signIn("service");
    const steps = stepCounter();
    await steps.click(service.getByTestId("service-recent").getByTestId(`order-link-${orderNo}`));
    await steps.click(service.getByTestId("action-sendStatusLink"));
    const url = await service.getByTestId("status-link-url").getAttribute("href");
    expect(steps.count).toBe(2);
    expect(url).toMatch(/\/s\/[\w.-]+$/);
    await service.getByTestId("action-revokeStatusLink").waitFor();

    // The customer: a fresh browser with no session, on a phone.
    const customer = await app.browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
    const page = await customer.newPage();
    const response = await page.goto(url as string);
    expect(response?.status()).toBe(200);
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).toContain(orderNo);
    expect(text).toContain("生产中");
    await customer.close();

    await sales.getByTestId("status-link-url").waitFor({ timeout: LIVE_MS });
    expect(await sales.getByTestId("status-link-url").getAttribute("href")).toBe(url);
    await closePage(service);
    await closePage(sales);
  });

  it("engineering approves a review task in 2 steps from its inbox; the planner's open drawer offers scheduling at once", async () => {
    const { orderNo } = await place({ customer: "C-A1", lines: [{ sku: "PS-100", qty: 1, params: { pressureRating: "10MPa", calibrationCert: true } }] });
    const planner = await app.signIn("planner");
    await planner.getByTestId("to-schedule").getByText(orderNo).waitFor();
    await openDrawer(planner, orderNo);
    expect(await planner.getByTestId("action-schedule").count()).toBe(0);

    const engineering = await app.signIn("engineering");
    const review = (await app.t.api("GET", `/api/tasks?mine=1&status=open&orderNo=${orderNo}`, { as: "engineering" })).body.tasks.find(
      (x: { review: boolean }) => x.review,
    );
    const steps = stepCounter();
    await steps.click(engineering.getByTestId(`task-open-${review.id}`));
    await steps.click(engineering.getByTestId("outcome-approve"));
    await engineering.getByTestId(`task-${review.id}`).waitFor({ state: "detached" });
    expect(steps.count).toBe(2);

    await planner.getByTestId("action-schedule").waitFor({ timeout: LIVE_MS });
    await planner.getByTestId("action-schedule").click();
    await planner.getByTestId("action-schedule").waitFor({ state: "detached" });
    expect((await app.t.api("GET", `/api/orders/${orderNo}`, { as: "planner" })).body.status).toBe("scheduled");
    await closePage(engineering);
    await closePage(planner);
  });
});
