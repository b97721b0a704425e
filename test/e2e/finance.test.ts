// Finance from its board (issue 22): an invoice request for a delivered order and the tax platform's
// workbook downloaded in at most 3 steps; a bank statement imported on the board releases the order a
// credit limit held, and the held list drops it without a reload. Also the board at a phone's width.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { usccCheckChar } from "../../src/finance/model/tax-ids.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";
import { layoutProblems } from "./support/layout-check.js";

const LIVE_MS = 10_000;

describe.skipIf(!hasChromium)("finance closes the order from its board (headless Chromium)", () => {
  const app = useBrowserApp();
  const api = (method: string, path: string, as: "finance" | "planner" | "warehouse" | "sales", body?: unknown) => app.t.api(method, path, { as, body });
  beforeAll(async () => {
    await installDefaultRules(app.t.database.db);
    const body17 = "91320211750123456";
    expect(
      (
        await api("PUT", "/api/items/TT-200/invoicing", "finance", {
          taxCode: "1090511030000000000",
          taxRate: 13,
          invoiceName: "*仪器仪表*温度变送器",
          unit: "台",
        })
      ).status,
    ).toBe(200);
    const profile = await api("PUT", "/api/customers/C-B1/invoicing", "finance", {
      buyerName: "无锡华光仪表有限责任公司",
      taxId: `${body17}${usccCheckChar(body17)}`,
      defaultType: "special",
    });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
  });

  async function deliveredOrder() {
    const placed = await api("POST", "/api/orders", "sales", { customer: "C-B1", lines: [{ sku: "TT-200", qty: 3 }] });
    const orderNo = placed.body.orderNo as string;
    for (const [to, as] of [
      ["scheduled", "planner"],
      ["in_production", "planner"],
      ["ready", "warehouse"],
    ] as const) {
      expect((await api("POST", `/api/orders/${orderNo}/transitions`, as, { to })).status).toBe(200);
    }
    expect((await api("POST", `/api/orders/${orderNo}/shipments`, "warehouse", { carrier: "顺丰速运", trackingNo: `SF${orderNo.slice(-6)}` })).status).toBe(
      201,
    );
    for (const to of ["shipped", "delivered"]) expect((await api("POST", `/api/orders/${orderNo}/transitions`, "warehouse", { to })).status).toBe(200);
    return orderNo;
  }

  it("makes the invoice request for a delivered order and downloads the workbook in 2 steps", async () => {
    const orderNo = await deliveredOrder();
    const finance = await app.signIn("finance");
    let steps = 0;
    const row = finance.getByTestId(`invoice-${orderNo}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("¥2,697.00");
    await finance.getByTestId(`request-invoice-${orderNo}`).click();
    steps++;
    const link = finance.getByTestId("download-workbook");
    await link.waitFor();
    const [download] = await Promise.all([finance.waitForEvent("download"), link.click()]);
    steps++;
    expect(steps).toBeLessThanOrEqual(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["1-发票基本信息", "2-发票明细信息"]);
    const detail = workbook.getWorksheet("2-发票明细信息");
    expect(detail?.getRow(4).getCell(8).value).toBe("2697.00");
    // The order left the list of shipments waiting for invoicing and its request waits for the platform.
    await row.waitFor({ state: "detached" });
    expect(await finance.getByTestId("requested").textContent()).toContain("无锡华光仪表有限责任公司");
    await closePage(finance);
  });

  it("a bank statement imported on the board releases the order held for credit; the held list drops it live", async () => {
    const placed = await api("POST", "/api/orders", "sales", { customer: "C-C1", lines: [{ sku: "TT-200", qty: 2 }] });
    expect(placed.body.status).toBe("on_hold");
    const orderNo = placed.body.orderNo as string;
    const finance = await app.signIn("finance");
    const held = finance.getByTestId(`held-${orderNo}`);
    await held.waitFor();
    expect(await held.textContent()).toContain("¥120,000.00");
    const csv = [
      "交易日期,对方户名,对方账号,借方金额,贷方金额,交易流水号,摘要",
      '2026-12-02 09:30:00,常州精测自动化有限公司,6222000012345678,,"30,000.00",E2E0001,货款',
    ].join("\r\n");
    await finance.getByTestId("import-statement-file").setInputFiles({ name: "工商银行对账单.csv", mimeType: "text/csv", buffer: iconv.encode(csv, "gbk") });
    await held.waitFor({ state: "detached", timeout: LIVE_MS });
    await finance.getByText(/放行 1 单/).waitFor();
    expect((await api("GET", `/api/orders/${orderNo}`, "finance")).body.status).toBe("confirmed");
    await closePage(finance);
  });

  it("keeps a customer's invoicing profile from the customer list; a bad 纳税人识别号 is named on its field", async () => {
    const finance = await app.signIn("finance");
    await finance.getByRole("menuitem").filter({ hasText: "客户" }).click();
    await finance.getByTestId("invoicing-C-D1").click();
    const form = finance.getByTestId("invoicing-form");
    await form.getByTestId("invoicing-tax-id").waitFor();
    await form.getByTestId("invoicing-tax-id").fill("91320211750123450");
    await finance.getByTestId("invoicing-save").click();
    await form.getByText(/纳税人识别号 .* 无效/).waitFor();
    await form.getByTestId("invoicing-tax-id").fill("320611123456789");
    await finance.getByTestId("invoicing-save").click();
    await form.waitFor({ state: "detached" });
    const saved = (await api("GET", "/api/customers/C-D1/invoicing", "finance")).body;
    expect(saved.profile).toMatchObject({ buyerName: "南通小额贸易有限公司", taxId: "320611123456789", defaultType: "normal" });
    await closePage(finance);
  });

  it("fits a phone: nothing overflows the finance board at 390 px", async () => {
    const phone = await app.signIn("finance", { width: 390, height: 844 });
    await phone.getByTestId("to-invoice").waitFor();
    expect(await layoutProblems(phone)).toEqual([]);
    if (process.env.FINANCE_SHOTS) {
      await phone.screenshot({ path: `${process.env.FINANCE_SHOTS}/finance-390.png`, fullPage: true });
      const desk = await app.signIn("finance");
      await desk.getByTestId("to-invoice").waitFor();
      await desk.screenshot({ path: `${process.env.FINANCE_SHOTS}/finance-1440.png`, fullPage: true });
      await closePage(desk);
    }
    await closePage(phone);
  });
});
