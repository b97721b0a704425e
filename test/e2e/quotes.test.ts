// Sales quotes an inquiry, revises it, sends both versions, converts the first, and sees the order with
// the quote's promise; the quote screens hold together on a phone (390 px).
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";
import { layoutProblems } from "./support/layout-check.js";

describe.skipIf(!hasChromium)("quotes in headless Chromium", () => {
  const app = useBrowserApp();

  it("sales quotes, revises, sends, converts a version and sees the order with the quote's promise", async () => {
    const page = await app.signIn("sales", { path: "/quotes" });
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
    const paths = [`/quotes/${quoteNo}`, "/quotes"];
    const phone = await app.signIn("sales", { width: 390, height: 844, path: paths[0] });
    for (const path of paths) {
      if (path !== paths[0]) await phone.goto(`${app.t.url}${path}`);
      await phone.getByTestId(path === "/quotes" ? "quotes-list" : "quote-version-1").waitFor();
      await phone.waitForTimeout(300);
      expect(await layoutProblems(phone), path).toEqual([]);
    }
    await closePage(phone);
  });

  for (const width of [1440, 390]) {
    it(`sends a version holding its date, shows the hold in plant time and releases it when the quote is lost (${width} px)`, async () => {
      const created = await app.t.api("POST", "/api/quotes", {
        as: "sales",
        body: { customer: "C-A1", title: "恒锐 压力传感器询价（保留交期）", lines: [{ sku: "PS-100", qty: 30 }] },
      });
      expect(created.status).toBe(201);
      const quoteNo = created.body.quoteNo as string;
      const page = await app.signIn("sales", { width, height: 900, path: `/quotes/${quoteNo}` });
      const v1 = page.getByTestId("quote-version-1");
      await v1.getByTestId("quote-send-hold").click();
      const held = v1.getByTestId("version-hold");
      await held.waitFor();
      const hold = (await app.t.api("GET", `/api/quotes/${quoteNo}`, { as: "sales" })).body.versions[0].hold;
      expect(hold).toMatchObject({ status: "held", heldDate: created.body.versions[0].promise.date });
      const cst = new Date(Date.parse(hold.expiresAt) + 8 * 3_600_000).toISOString();
      const text = (await held.textContent()) ?? "";
      expect(text).toBe(`已保留 ${hold.heldDate}（物料与产能），${cst.slice(5, 10)} ${cst.slice(11, 16)} 到期`);
      // No internal ids on the screen: the hold is a date and an expiry, not a number.
      const holdId = (await app.t.database.db.selectFrom("quote_versions").select("promise_hold_id").where("quote_no", "=", quoteNo).executeTakeFirstOrThrow())
        .promise_hold_id;
      expect(await v1.textContent()).not.toMatch(new RegExp(`promise-hold|#${holdId}\\b`));
      await held.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/quote-hold-${width}.png` });
      expect(await layoutProblems(page)).toEqual([]);

      await page.getByTestId("quote-lose").click();
      await page.locator(".ant-modal .ant-btn-primary").click();
      await held.getByText("的保留已释放").waitFor();
      await closePage(page);
    });
  }
});
