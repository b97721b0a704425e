// A role's day from its board, without typing a URL, counting the steps (clicks + fields) and watching
// another role's open board follow: sales takes an order with parameters and sees before saving that it
// will be held; the planner batch-reschedules a selection on the orders list; admin raises a customer's
// credit limit. One browser and one app for all.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

/** Counts what a person does: each click and each field filled is one step. */
function stepCounter(page: Page) {
  let steps = 0;
  return {
    click: async (locator: ReturnType<Page["locator"]>) => {
      steps++;
      await locator.click();
    },
    /** Types into a field (a search select takes Enter to pick the match). */
    fill: async (locator: ReturnType<Page["locator"]>, text: string, pick = false) => {
      steps++;
      await locator.fill(text);
      if (pick) await page.keyboard.press("Enter");
    },
    get steps() {
      return steps;
    },
  };
}

const yuan = (amount: string) => `¥${Number(amount).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe.skipIf(!hasChromium)("each role's day from its board, in headless Chromium", () => {
  const app = useBrowserApp();
  beforeAll(async () => {
    await installDefaultRules(app.t.database.db);
  });

  it("sales enters an order with parameters, sees the credit hold and the engineering review before saving, saves in 9 steps; finance's board shows it", {
    timeout: 180_000,
  }, async () => {
    const finance = await app.signIn("finance");
    const waiting = finance.getByTestId("board-finance");
    await waiting.waitFor();

    const page = await app.signIn("sales");
    const you = stepCounter(page);
    await you.click(page.locator("#customer"));
    await you.fill(page.locator("#customer"), "C-C1", true);
    await you.click(page.locator("#lines_0_sku"));
    await you.fill(page.locator("#lines_0_sku"), "PS-100", true);
    await you.fill(page.locator("#lines_0_qty"), "3");
    // Typed parameters from the item's definitions: a choice and a tick box, not free text.
    await page.getByTestId("quick-params").waitFor();
    await you.click(page.locator("#lines_0_params_protocol"));
    await you.click(page.locator(".ant-select-item-option", { hasText: "HART" }));
    await you.click(page.locator("#lines_0_params_calibrationCert"));

    // What the same judging code says through the API, to compare the screen with.
    const body = {
      customer: "C-C1",
      lines: [{ sku: "PS-100", qty: 3, params: { pressureRating: "1.6MPa", protocol: "HART", calibrationCert: true, cableLength: 2 } }],
    };
    const expected = (await app.t.api("POST", "/api/orders/preview", { as: "sales", body })).body;
    expect(expected).toMatchObject({ accepted: true, status: "on_hold" });
    const preview = page.locator("[data-testid=order-preview][data-status=on_hold]");
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain(`将被挂起：超信用额度 · 信用额度超出 ${yuan(expected.credit.exceededBy)} · 由财务放行`);
    expect(text).toContain("需要工程评审（非标参数）");
    expect(text).toContain("新建任务「工程评审：〈新单号〉 含非标参数」给 周总工");
    expect(text).toContain("规则「超信用额度拦截」v1");
    expect(await page.getByTestId("quick-submit").textContent()).toContain("将被挂起");
    const before = (await app.t.api("GET", "/api/orders?limit=500", { as: "sales" })).body.orders.length;
    expect(before).toBe(0);

    await you.click(page.getByTestId("quick-submit"));
    const result = page.getByTestId("quick-result");
    await result.waitFor();
    const orderNo = /DH\d{11,}/.exec((await result.textContent()) ?? "")?.[0] ?? "";
    const saved = (await app.t.api("GET", `/api/orders/${orderNo}`, { as: "sales" })).body;
    expect(saved).toMatchObject({ status: "on_hold", holdReason: "超信用额度", nonstandard: true });
    expect(you.steps).toBe(9);

    // Finance's open board lists the held order without a reload.
    await waiting.getByText(orderNo).first().waitFor({ timeout: 5000 });
    await closePage(page);
    await closePage(finance);
  });

  it("admin raises a customer's credit limit with a reason in 5 steps; sales' open board shows the new headroom", { timeout: 180_000 }, async () => {
    const sales = await app.signIn("sales");
    const health = sales.getByTestId("customer-health").locator("tr[data-row-key='C-B1']");
    await health.getByText("¥500,000").waitFor();

    const page = await app.signIn("admin");
    const you = stepCounter(page);
    await you.click(page.getByRole("menuitem", { name: /(^|\s)客户$/ }));
    await you.click(page.getByTestId("edit-C-B1"));
    await you.fill(page.locator("#creditLimit"), "650000");
    await you.fill(page.locator("#reason"), "年度授信复审：回款良好");
    await you.click(page.getByTestId("customer-save"));
    await page.getByTestId("customer-form").waitFor({ state: "hidden" });
    expect(you.steps).toBe(5);

    const customer = (await app.t.api("GET", "/api/customers/C-B1", { as: "finance" })).body;
    expect(customer).toMatchObject({ creditLimit: "650000.00", creditHeadroom: "650000.00" });
    const change = await app.t.database.db
      .selectFrom("master_changes")
      .select(["actor", "change"])
      .where("entity", "=", "customer")
      .where("entity_key", "=", "C-B1")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ actor: "admin", change: { reason: "年度授信复审：回款良好", creditLimit: { from: "500000.00", to: "650000.00" } } });
    // The customer list itself and sales' board follow without a reload.
    await page.getByTestId("customers").locator("[data-key='C-B1']").getByText("¥650,000.00").first().waitFor();
    await health.getByText("¥650,000").waitFor({ timeout: 5000 });
    await closePage(page);
    await closePage(sales);
  });

  it("the planner opens the orders list from her board, ticks two orders, 批量改期, a date: 6 steps; service's open board shows the new promises", {
    timeout: 180_000,
  }, async () => {
    const orderNos: string[] = [];
    for (const customer of ["C-A1", "C-A1"]) {
      const res = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer, lines: [{ sku: "TT-200", qty: 1 }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      orderNos.push(res.body.orderNo);
    }
    const due = plantDay(new Date(Date.now() + 30 * 86_400_000));
    const service = await app.signIn("service");
    const recent = service.getByTestId("service-recent");
    for (const no of orderNos) await recent.getByText(no).waitFor();

    const page = await app.signIn("planner");
    const you = stepCounter(page);
    await you.click(page.getByRole("menuitem", { name: /订单列表/ }));
    const table = page.getByTestId("orders-table");
    for (const no of orderNos) await you.click(table.locator(`tr[data-row-key='${no}'] .ant-checkbox-input`));
    await you.click(page.getByTestId("batch-reschedule"));
    await you.fill(page.getByTestId("reschedule-date"), due, true);
    await you.click(page.locator(".ant-modal-footer .ant-btn-primary"));
    const result = page.getByTestId("reschedule-result");
    for (const no of orderNos) await result.getByText(no).waitFor();
    expect(you.steps).toBe(6);
    // The same use case as the board's: each promise moved to the new date or later, and service sees it live.
    for (const no of orderNos) {
      const order = (await app.t.api("GET", `/api/orders/${no}`, { as: "planner" })).body;
      expect(order.promisedDate >= due, `${no}: promised ${order.promisedDate}, due ${due}`).toBe(true);
      expect(await result.locator("tr", { hasText: no }).textContent()).toContain(order.promisedDate);
      await recent.locator("tr", { hasText: no }).getByText(order.promisedDate).waitFor({ timeout: 5000 });
    }
    // The selection is cleared; the result stays until the planner closes it.
    expect(await table.locator(".ant-checkbox-input:checked").count()).toBe(0);
    await closePage(page);
    await closePage(service);
  });
});
