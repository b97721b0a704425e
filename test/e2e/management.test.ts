// The management page in a real browser over a hand-built history whose figures are known
// (test/fixtures/outcome-history.ts): all five indicators, trends, drill-downs that list the same
// orders as the API, the keyboard, the before/after pivot and the Excel export.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runHandRules, seedOutcomeHistory } from "../fixtures/outcome-history.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

const PERIOD = "from=2026-03-01&to=2026-03-31";
const INDICATORS = ["dwell", "onTime", "rules", "autonomy", "agreement"];

describe.skipIf(!hasChromium)("the management page in headless Chromium", () => {
  const app = useBrowserApp();

  it("shows the five indicators with trends, and a figure drills down to the orders the API lists", async () => {
    await seedOutcomeHistory(app.t.database.db);
    await runHandRules(app.t);
    const api = (await app.t.api("GET", `/api/metrics/outcomes?${PERIOD}`, { as: "planner" })).body;
    const page = await app.signIn("planner");
    // Every signed-in person reaches the page from the menu.
    await page.getByRole("menuitem", { name: "经营指标" }).click();
    await page.waitForURL(/\/management/);
    await page.goto(`${app.t.url}/management?${PERIOD}&by=week`);
    for (const key of INDICATORS) await page.getByTestId(`indicator-${key}`).waitFor();
    for (const key of INDICATORS) await page.getByTestId(`section-${key}`).waitFor();
    expect(await page.getByTestId("indicator-dwell").textContent()).toContain("阶段停留时长");
    // Sales acceptance median: 0, 1, 2, 3 h → 1.5 h, as the API says.
    expect(api.dwell.stages[0]).toMatchObject({ stage: "sales_acceptance", medianHours: 1.5 });
    expect(await page.getByTestId("figure-dwell-sales_acceptance").textContent()).toBe("1.5 h");
    expect(await page.getByTestId("figure-onTime").textContent()).toBe(`${Math.round(api.onTime.onTimeRate * 1000) / 10}%`);
    expect(await page.getByTestId("figure-agreement").textContent()).toBe("0");

    // Trend charts are drawn, with the period's weeks and their points.
    const trend = page.getByTestId("trend-dwell");
    await trend.locator("svg").first().waitFor();
    expect(Number(await trend.getAttribute("data-points"))).toBeGreaterThan(0);
    expect(await trend.locator("svg text").allTextContents()).toContain("2026-W10");
    expect(Number(await page.getByTestId("trend-onTime").getAttribute("data-points"))).toBeGreaterThan(0);
    expect(Number(await page.getByTestId("trend-autonomy").getAttribute("data-points"))).toBeGreaterThan(0);
    // The rule execution rate per week (W10 and W11: execution and success rate each) and the agreement of
    // the orders created in each week (W10, W11).
    const trends = (await app.t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=week`)).body;
    expect(trends.ruleExecution.map((r: { bucket: string }) => r.bucket)).toEqual(["2026-W10", "2026-W11", "2026-W12"]);
    const rules = page.getByTestId("trend-rules");
    await rules.locator("svg").first().waitFor();
    // W12 (after the hand-built history) has one evaluation that no rule should have fired on: no rate to draw.
    expect(Number(await rules.getAttribute("data-points"))).toBe(4);
    expect(await rules.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["2026-W11", "执行率", "成功率", "行业平均 76.2%"]));
    const agreement = page.getByTestId("trend-agreement");
    await agreement.locator("svg").first().waitFor();
    expect(Number(await agreement.getAttribute("data-points"))).toBe(2);
    expect(await agreement.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["2026-W10", "2026-W11", "当前一致率"]));

    // Drill-down: the sales-acceptance median lists the API's orders, longest first.
    await page.getByTestId("figure-dwell-sales_acceptance").click();
    const drill = page.getByTestId("drill-drawer");
    await drill.getByTestId("drill-table").locator("tbody tr.ant-table-row").first().waitFor();
    const listed = await drill.locator("tbody tr.ant-table-row td:first-child").allTextContents();
    const behind = await app.t.api("GET", `/api/metrics/outcomes/dwell/sales_acceptance/orders?${PERIOD}&limit=20`);
    expect(listed).toEqual(behind.body.orders.map((o: { orderNo: string }) => o.orderNo));
    expect(listed).toEqual(["DH20260303001", "DH20260310001", "DH20260302001", "DH20260309001"]);
    // An order number opens the order.
    await drill.getByTestId("order-link-DH20260303001").click();
    await page.getByTestId("order-drawer").getByTestId("order-owner").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("order-drawer").waitFor({ state: "hidden" });
    await drill.locator(".ant-drawer-close").click();
    await drill.waitFor({ state: "hidden" });

    // From the keyboard: a figure is a button; Enter opens the deliveries behind the on-time rate.
    await page.getByTestId("figure-onTime").focus();
    await page.keyboard.press("Enter");
    await drill.getByTestId("drill-table").locator("tbody tr.ant-table-row").first().waitFor();
    const deliveries = await app.t.api("GET", `/api/metrics/outcomes/on-time/orders?${PERIOD}&limit=20`);
    expect(await drill.locator("tbody tr.ant-table-row td:first-child").allTextContents()).toEqual(
      deliveries.body.orders.map((o: { orderNo: string }) => o.orderNo),
    );
    await page.keyboard.press("Escape");
    await drill.waitFor({ state: "hidden" });
    await closePage(page);
  });

  it("opens a chart point's orders, compares before and after a pivot, and exports the figures", async () => {
    const page = await app.signIn("admin", { lang: "en-US", path: `/management?${PERIOD}&by=week&pivot=2026-03-09` });
    await page.getByTestId("indicator-agreement").waitFor();
    expect(await page.getByTestId("management").locator("h3").textContent()).toBe("Outcomes, measured by the system");
    const comparison = await page.getByTestId("indicator-dwell").locator(".comparison").first().textContent();
    const api = (await app.t.api("GET", `/api/metrics/outcomes?${PERIOD}&pivot=2026-03-09`)).body;
    expect(comparison).toContain(
      `Before ${api.comparison.before.dwellMedianHours.sales_acceptance} h → After ${api.comparison.after.dwellMedianHours.sales_acceptance} h`,
    );

    // A point of the dwell trend (week 11 of sales acceptance: orders 0309 and 0310) lists that week's orders.
    const trend = page.getByTestId("trend-dwell");
    await trend.locator("svg").first().waitFor();
    const week11 = await app.t.api("GET", "/api/metrics/outcomes/dwell/sales_acceptance/orders?from=2026-03-09&to=2026-03-15");
    await clickPoint(page, "trend-dwell", "2026-W11");
    const drill = page.getByTestId("drill-drawer");
    await drill.getByTestId("drill-table").locator("tbody tr.ant-table-row").first().waitFor();
    expect(await drill.locator(".ant-drawer-title").textContent()).toContain("2026-W11");
    expect(await drill.locator("tbody tr.ant-table-row td:first-child").allTextContents()).toEqual(
      week11.body.orders.map((o: { orderNo: string }) => o.orderNo),
    );
    expect(week11.body.orders.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual(["DH20260309001", "DH20260310001"]);
    await page.keyboard.press("Escape");

    const download = page.waitForEvent("download");
    await page.getByTestId("export-figures").click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await (await download).path());
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Dwell",
      "On time",
      "On time by customer",
      "Rules",
      "Rules by period",
      "Autonomy",
      "Agreement",
      "Agreement by creation",
    ]);
    // The rule execution rate per week as the trend gives it (W11: 1 of 2 expected firings, none succeeded).
    const ruleWeeks = book.getWorksheet("Rules by period")?.getSheetValues().slice(2) as unknown[][];
    expect(ruleWeeks.map((r) => r.slice(1, 7))).toEqual([
      ["2026-W10", 2, 1, 1, 100, 100],
      ["2026-W11", 3, 2, 1, 50, 0],
      ["2026-W12", 1, 0, 0],
    ]);
    const summary = book.worksheets[0];
    const rows = summary.getSheetValues().slice(2) as unknown[][];
    const onTime = rows.find((r) => r[2] === "By due date (%)");
    expect(onTime?.slice(3, 6)).toEqual([
      Math.round(api.onTime.onTimeRate * 1000) / 10,
      Math.round(api.comparison.before.onTimeRate * 1000) / 10,
      Math.round(api.comparison.after.onTimeRate * 1000) / 10,
    ]);
    const agreement = rows.find((r) => r[1] === "Status disagreements");
    expect(agreement?.[3]).toBe(0);
    await closePage(page);
  });
});

/** Clicks a chart point of a bucket: the small symbol drawn straight above the bucket's axis label. */
async function clickPoint(page: import("playwright-core").Page, testId: string, bucket: string) {
  const chart = page.getByTestId(testId);
  const label = await chart.locator("svg text", { hasText: bucket }).boundingBox();
  if (!label) throw new Error(`no axis label ${bucket}`);
  const x = label.x + label.width / 2;
  const symbols = await chart.locator("svg path").evaluateAll((paths, at) => {
    const boxes = paths.map((p) => p.getBoundingClientRect());
    return boxes
      .filter((b) => b.width > 2 && b.width <= 12 && b.height <= 12 && Math.abs(b.x + b.width / 2 - at) < 2)
      .map((b) => [b.x + b.width / 2, b.y + b.height / 2]);
  }, x);
  if (!symbols.length) throw new Error(`no point above ${bucket}`);
  await page.mouse.click(symbols[0][0], symbols[0][1]);
}
