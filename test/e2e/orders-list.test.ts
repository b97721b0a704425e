// The orders list in a real browser: keyboard search, a saved view, inline edit and the Excel export.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

describe.skipIf(!hasChromium)("the orders list in headless Chromium", () => {
  const app = useBrowserApp();

  it("searches from the keyboard, saves the view, edits a note inline and exports what it shows", async () => {
    const created = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", note: "导出测试", lines: [{ sku: "TT-200", qty: 4 }] } });
    await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", note: "别的单", lines: [{ sku: "TT-200", qty: 1 }] } });
    const orderNo: string = created.body.orderNo;
    const page = await app.signIn("sales", { path: "/orders" });
    const table = page.getByTestId("orders-table");
    await table.getByText(orderNo).waitFor();

    await page.keyboard.press("/");
    await page.keyboard.type("导出测试");
    await page.keyboard.press("Enter");
    await table.getByText("别的单").waitFor({ state: "detached" });
    expect(await table.locator("tbody tr.ant-table-row").count()).toBe(1);

    // Enter opens the selected row.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Enter");
    await page.getByTestId("order-drawer").getByTestId("order-owner").waitFor();
    await page.keyboard.press("Escape");

    await page.getByTestId("save-view").click();
    await page.fill("#view-name", "导出视图");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    await page.getByText("已保存视图「导出视图」").waitFor();
    const views = await app.t.api("GET", "/api/views?list=orders", { as: "sales" });
    expect(views.body.views).toMatchObject([{ name: "导出视图", filter: { q: "导出测试" } }]);

    await table.locator(".ant-typography-edit").first().click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("客户要求蓝色外壳");
    await page.keyboard.press("Enter");
    await page.getByText("已保存", { exact: true }).waitFor();
    const order = await app.t.api("GET", `/api/orders/${orderNo}`, { as: "sales" });
    expect(order.body).toMatchObject({ note: "客户要求蓝色外壳", version: 2 });

    // The view still filters on the old note: show every order again, then export.
    await page.getByTestId("orders-search").locator("input").fill("");
    await page.keyboard.press("Enter");
    await table.getByText("别的单").waitFor();
    const download = page.waitForEvent("download");
    await page.getByTestId("export-excel").click();
    const file = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("订单号");
    const numbers = sheet.getColumn(1).values.slice(2);
    expect(numbers).toContain(orderNo);
    expect(numbers).toHaveLength(2);
    await closePage(page);
  });
});
