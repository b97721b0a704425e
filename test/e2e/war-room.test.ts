// The war room in a real browser: sign in per role, live boards, quick order entry, the ask box, rules.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../support/test-app.js";
import { closePage, fillSignIn, hasChromium, signInThroughPage, useBrowserApp } from "./support/browser.js";

const toReady = async (t: TestApp, orderNo: string) => {
  for (const [to, as] of [
    ["scheduled", "planner"],
    ["in_production", "planner"],
    ["ready", "warehouse"],
  ] as const) {
    const res = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
};

describe.skipIf(!hasChromium)("the war room in headless Chromium", () => {
  const app = useBrowserApp();

  it("serves the app for browser paths and keeps JSON 404s for unknown API paths", async () => {
    const page = await fetch(`${app.t.url}/board/sales`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await app.t.api("GET", "/api/nowhere", { as: "anonymous", headers: { accept: "text/html,application/json" } });
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe("not_found");
  });

  it("signs each role in to its own board, in Chinese, one after another on one browser", async () => {
    const titles: Record<string, string> = {
      sales: "销售看板",
      service: "客服看板",
      planner: "计划看板",
      purchasing: "采购看板",
      warehouse: "仓库看板",
      engineering: "技术看板",
      finance: "财务看板",
      admin: "管理看板",
    };
    // Each person signs out for the next, as at a shared terminal: one page load for all eight.
    const first = Object.keys(titles)[0];
    const page = await signInThroughPage(app.browser, app.t.url, first);
    for (const [role, title] of Object.entries(titles)) {
      if (role !== first) {
        await page.getByRole("button", { name: "退出" }).click();
        await page.waitForURL(/\/login$/);
        await fillSignIn(page, role);
      }
      expect(page.url()).toContain(`/board/${role}`);
      await page.getByTestId(`board-${role}`).getByRole("heading", { name: title }).waitFor();
    }
    await closePage(page);
  });

  it("refuses a wrong password with the server's message", async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.t.url}/login`);
    await page.fill("#username", "sales");
    await page.fill("#password", "wrong-password");
    await page.keyboard.press("Enter");
    await page.getByTestId("sign-in-error").waitFor();
    expect(await page.getByTestId("sign-in-error").textContent()).toContain("用户名或密码");
    await context.close();
  });

  it("shows an order made ready through the API on an open warehouse board within a second, no reload", async () => {
    const page = await app.signIn("warehouse");
    await page.getByTestId("waves").waitFor();
    await page.locator(".ant-badge-status-success").waitFor();
    const created = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 3 }] } });
    await toReady(app.t, created.body.orderNo);
    const changedAt = Date.now();
    await page.getByTestId("waves").getByText(created.body.orderNo).waitFor({ timeout: 1000 });
    expect(Date.now() - changedAt).toBeLessThan(1000);
    await closePage(page);
  });

  it("takes an order from the sales quick entry and shows it live on the service board", async () => {
    const service = await app.signIn("service");
    await service.locator(".ant-badge-status-success").waitFor();
    const sales = await app.signIn("sales");
    await sales.locator("#customer").click();
    await sales.locator("#customer").fill("C-A1");
    await sales.keyboard.press("Enter");
    await sales.locator("#lines_0_sku").click();
    await sales.locator("#lines_0_sku").fill("TT-200");
    await sales.keyboard.press("Enter");
    await sales.locator("#lines_0_qty").fill("5");
    await sales.getByTestId("quick-submit").click();
    const result = sales.getByTestId("quick-result");
    await result.waitFor();
    const orderNo = /DH\d{11,}/.exec((await result.textContent()) ?? "")?.[0];
    expect(orderNo).toBeDefined();
    // The promise is computed on intake (planning) and shown with the order number.
    expect(await result.textContent()).toMatch(/承诺交期：\d{4}-\d{2}-\d{2}/);
    await service.getByTestId("service-recent").getByText(orderNo!).waitFor({ timeout: 1000 });
    await closePage(sales);
    await closePage(service);
  });

  it("finds an order on the service board and shows its stage, owner and timeline", async () => {
    const created = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-C1", note: "蓝色外壳", lines: [{ sku: "TT-200", qty: 1 }] } });
    const page = await app.signIn("service");
    await page.getByTestId("service-search").locator("input").fill("蓝色外壳");
    await page.keyboard.press("Enter");
    await page.getByTestId("service-results").getByText(created.body.orderNo).click();
    const drawer = page.getByTestId("order-drawer");
    await drawer.getByTestId("order-owner").waitFor();
    expect(await drawer.getByTestId("order-owner").textContent()).toBe("计划");
    expect(await drawer.getByTestId("order-timeline").textContent()).toContain("创建");
    await closePage(page);
  });

  it("answers the ask box with the order's stage and the person responsible", async () => {
    const created = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    await toReady(app.t, created.body.orderNo);
    const page = await app.signIn("service");
    await page.locator(".ask input").fill(`查订单${created.body.orderNo}状态`);
    await page.keyboard.press("Enter");
    const answer = page.getByTestId("ask-answer");
    await answer.waitFor();
    const text = await answer.textContent();
    expect(text).toContain("待发货");
    expect(text).toContain("孙仓管");
    await closePage(page);
  });

  it("answers 今天还能接多少单 and 哪些物料缺料 in the browser, from planning", async () => {
    const page = await app.signIn("planner");
    const answer = page.getByTestId("ask-answer");
    await page.locator(".ask input").fill("今天还能接多少单");
    await page.keyboard.press("Enter");
    await answer.getByText(/今天还能接 \d+\+? 单标准单|今天各产品系列都接不下/).waitFor();
    await page.locator(".ask input").fill("哪些物料缺料");
    await page.keyboard.press("Enter");
    await answer.getByText(/当前计划(缺料 \d+ 种|没有缺料)|还没有排产计划/).waitFor();
    await closePage(page);
  });

  it("lets admin switch a rule off, which the API then reports as a new version", async () => {
    const rule = {
      name: "浏览器测试规则",
      trigger: { event: "order.created" },
      condition: { "==": [{ var: "customer.grade" }, "C"] },
      actions: [{ type: "add_tag", tag: "C级" }],
    };
    const created = await app.t.api("POST", "/api/rules", { body: rule });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await app.signIn("admin");
    await page.getByTestId("manage-rules").click();
    const toggle = page.getByRole("switch", { name: rule.name });
    await toggle.click();
    await page.getByText("已停用").first().waitFor();
    const after = await app.t.api("GET", `/api/rules/${created.body.id}`);
    expect(after.body).toMatchObject({ enabled: false, version: 2 });
    await closePage(page);
  });

  it("switches to English and back", async () => {
    const page = await app.signIn("sales");
    await page.getByTestId("lang-switch").click();
    await page.getByRole("heading", { name: "Sales board" }).waitFor();
    await page.getByTestId("lang-switch").click();
    await page.getByRole("heading", { name: "销售看板" }).waitFor();
    await closePage(page);
  });
});
