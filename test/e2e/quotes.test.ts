// Sales quotes an inquiry, revises it, sends both versions, converts the first, and sees the order with
// the quote's promise; the quote screens hold together on a phone (390 px).
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { closePage, hasChromium, signIn, useBrowserApp } from "./support/browser.js";
import { layoutProblems } from "./support/layout-check.js";

describe.skipIf(!hasChromium)("quotes in headless Chromium", () => {
  const app = useBrowserApp();

  it("sales quotes, revises, sends, converts a version and sees the order with the quote's promise", async () => {
    const page = await signIn(app.browser, app.t.url, "sales");
    await page.goto(`${app.t.url}/quotes`);
    await page.getByTestId("quote-new").click();
    await page.locator("#customer").click();
    await page.locator("#customer").fill("C-A1");
    await page.keyboard.press("Enter");
    const requested = addDays(plantDay(new Date()), 30);
    await page.locator("#requestedDate").click();
    await page.keyboard.type(requested);
    await page.keyboard.press("Enter");
    await page.locator("#lines_0_sku").click();
    await page.locator("#lines_0_sku").fill("PS-100");
    await page.keyboard.press("Enter");
    await page.locator("#lines_0_qty").fill("10");
    await page.getByTestId("quote-save").click();
    await page.waitForURL(/\/quotes\/BJ\d+$/);
    const quoteNo = (await page.getByTestId("quote-no").textContent()) ?? "";
    expect(quoteNo).toMatch(/^BJ\d{11}$/);

    const v1 = page.getByTestId("quote-version-1");
    await v1.getByTestId("quote-send").click();
    await v1.getByTestId("quote-status-sent").waitFor();

    // Revise: V2 from V1 with twice the quantity, then send it too.
    await v1.getByTestId("quote-revise").click();
    await page.getByTestId("quote-editor").waitFor();
    await page.locator("#lines_0_qty").fill("20");
    await page.getByTestId("quote-save").click();
    const v2 = page.getByTestId("quote-version-2");
    await v2.getByTestId("quote-status-draft").waitFor();
    await page.getByTestId("quote-diff").getByText("数量 10 → 20").waitFor();
    await v2.getByTestId("quote-send").click();
    await v2.getByTestId("quote-status-sent").waitFor();
    // V1 is what the customer holds: unchanged.
    expect(await v1.getByTestId("version-price").textContent()).toBe("¥1,940.00");

    // The customer buys V1.
    const quoted = (await app.t.api("GET", `/api/quotes/${quoteNo}`, { as: "sales" })).body;
    const promise = quoted.versions[0].promise.date;
    await v1.getByTestId("quote-convert").click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    const orderLine = page.getByTestId("quote-order");
    await orderLine.waitFor();
    const after = (await app.t.api("GET", `/api/quotes/${quoteNo}`, { as: "sales" })).body;
    expect(after.status).toBe("won");
    expect(await page.getByTestId("quote-order-no").textContent()).toBe(`已转订单 ${after.orderNo}`);
    expect(await page.getByTestId("quote-order-promise").textContent()).toBe(`订单承诺交期 ${promise}`);
    await v2.getByTestId("quote-status-superseded").waitFor();
    const order = (await app.t.api("GET", `/api/orders/${after.orderNo}`, { as: "sales" })).body;
    expect(order).toMatchObject({ promisedDate: promise, lines: [expect.objectContaining({ sku: "PS-100", qty: 10, unitPrice: "194.00" })] });
    await closePage(page);

    // The same quote and the list on a phone.
    const phone = await signIn(app.browser, app.t.url, "sales", { width: 390, height: 844 });
    for (const path of [`/quotes/${quoteNo}`, "/quotes"]) {
      await phone.goto(`${app.t.url}${path}`);
      await phone.getByTestId(path === "/quotes" ? "quotes-list" : "quote-version-1").waitFor();
      await phone.waitForTimeout(300);
      expect(await layoutProblems(phone), path).toEqual([]);
    }
    await closePage(phone);
  });
});
