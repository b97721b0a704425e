// The import screen in a real browser: a messy workbook made here with exceljs is dry-run from the keyboard,
// its row errors are shown and downloaded as Excel, then it is committed with a progress bar to 100%
// and the imported orders appear in the history.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { messyLedger } from "../support/workbooks.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

describe.skipIf(!hasChromium)("the import screen in headless Chromium", () => {
  const app = useBrowserApp();

  it("dry-runs a messy ledger, shows and downloads its row errors, commits with progress to 100% and shows the history", async () => {
    const page = await app.signIn("sales");
    await page.getByRole("menuitem", { name: "数据导入" }).click();
    await page.waitForURL(/\/imports$/);
    await page.locator(".ant-upload input[type=file]").setInputFiles({
      name: "销售台账2025.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await messyLedger(3000),
    });
    await page.getByTestId("chosen-file").getByText("销售台账2025.xlsx", { exact: false }).waitFor();
    await page.keyboard.press("Alt+KeyD");

    // The report: counts, the customer-name variants matched to one customer, every row error.
    const report = page.getByTestId("import-report");
    await report.waitFor();
    expect(await page.getByTestId("count-rows").locator(".ant-statistic-content-value").textContent()).toBe("3,006");
    expect(await page.getByTestId("count-invalid").locator(".ant-statistic-content-value").textContent()).toBe("1");
    expect(await page.getByTestId("count-duplicates").locator(".ant-statistic-content-value").textContent()).toBe("1");
    const matches = page.getByTestId("customer-matches");
    await matches.getByText("苏州恒锐机电有限责任公司", { exact: true }).waitFor();
    await matches.getByText("苏州恒锐机电有限公司", { exact: true }).waitFor();
    const mapping = page.getByTestId("mapping-table");
    expect(await mapping.locator("[data-field=orderNo]").textContent()).toContain("订单号");
    await page.getByTestId("import-sheet").getByText("2025").waitFor();

    const errors = page.getByTestId("row-errors");
    const shown = await errors
      .locator("tbody tr.ant-table-row")
      .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("td")).map((td) => (td.textContent ?? "").trim())));
    const api = await app.t.api("GET", "/api/imports", { as: "sales" });
    expect(api.body.imports).toEqual([]); // the dry run wrote nothing
    expect(shown.map((r) => [r[0], r[1]])).toEqual([
      ["6", "客户名称"],
      ["6", "下单日期"],
      ["6", "数量"],
      ["6", "金额(元)"],
      ["6", "状态"],
    ]);
    expect(shown[1][3]).toContain("2025-02-30");

    // The row errors as Excel: the same rows, with the column and the reason.
    const download = page.waitForEvent("download");
    await page.keyboard.press("Alt+KeyE");
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("导入错误_销售台账2025.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await saved.path());
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["行号", "列", "字段", "内容", "原因"]);
    const downloaded = sheet.getSheetValues().slice(2) as unknown[][];
    expect(downloaded.map((r) => [String(r[1]), r[2], r[5]])).toEqual(shown.map((r) => [r[0], r[1], r[3]]));

    // Commit: the progress bar goes up to 100% and the new orders show in the history.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector("[data-testid=import-progress]");
        const percent = Number(bar?.getAttribute("data-percent"));
        if (bar && seen.at(-1) !== percent) seen.push(percent);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-percent"] });
    });
    await page.getByTestId("commit").click();
    await page.locator("[data-testid=import-progress][data-percent='100'][data-phase=done]").waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await page.getByTestId("import-done").getByText("新建订单 3004 个").waitFor();
    await page.getByTestId("past-imports").getByText("销售台账2025.xlsx").waitFor();
    const history = page.getByTestId("history-orders");
    const newest = await app.t.api("GET", "/api/history?limit=1", { as: "sales" });
    expect(newest.body.orders[0]).toMatchObject({ orderedOn: "2025-06-28", customer: { name: "常州精测自动化有限公司" } });
    await history.getByText(newest.body.orders[0].orderNo).waitFor();
    const stored = await app.t.api("GET", "/api/history?q=LD25102", { as: "sales" });
    expect(stored.body.orders).toMatchObject([{ orderNo: "LD25102", customer: { name: "苏州恒锐机电有限公司" }, dueOn: "2025-01-25", onTime: false }]);
    await closePage(page);
  });
});
