import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { LEDGER_HEADER, upload, workbook } from "../support/workbooks.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
  for (const [customer, qty] of [
    ["C-A1", 50],
    ["C-A1", 2],
    ["C-B1", 3],
  ] as const) {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer, lines: [{ sku: "PS-100", qty }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(() => t?.close());

async function download(path: string, as: "sales" | "admin" | "planner" | "warehouse" = "sales") {
  const res = await t.fetch("GET", path, { as });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; .*filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheet = wb.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, header: rows[0], rows: rows.slice(1) };
}

describe("Excel exports", () => {
  it("exports the order list with the list's filters and Chinese headers", async () => {
    const all = await download("/api/orders/export");
    expect(all.name).toBe("订单");
    expect(all.header.slice(0, 3)).toEqual(["订单号", "客户编码", "状态"]);
    const list = await t.api("GET", "/api/orders?limit=500", { as: "sales" });
    expect(all.rows.map((r) => r[0])).toEqual(list.body.orders.map((o: { orderNo: string }) => o.orderNo));
    const a1 = await download("/api/orders/export?customer=C-A1", "warehouse");
    expect(a1.rows).toHaveLength(2);
    expect(a1.rows.every((r) => r[1] === "C-A1")).toBe(true);
    const amount = a1.header.indexOf("金额(元)");
    expect(a1.rows.map((r) => r[amount]).sort()).toEqual([2501, 62525]);
    const bad = await t.api("GET", "/api/orders/export?status=nonsense", { as: "sales" });
    expect(bad.status).toBe(400);
  });

  it("exports the legacy-order history", async () => {
    const ledger = await workbook([
      {
        name: "2025",
        rows: [
          LEDGER_HEADER,
          ["EX-1", "苏州恒锐机电有限公司", "2025-01-03", "2025-01-20", "2025-01-19", "¥1,000.00", "PS-100", "1", "已交货", ""],
          ["EX-2", "无锡华光仪表有限公司", "2025-02-03", "2025-02-20", "2025-02-25", "2000", "TT-200", "2", "已交货", "迟交"],
        ],
      },
    ]);
    const imported = await upload(t, ledger, "ex.xlsx");
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const file = await download("/api/history/export?customer=C-B1", "planner");
    expect(file.header).toContain("实际交货日期");
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0].slice(0, 3)).toEqual(["EX-2", "C-B1", "无锡华光仪表有限责任公司"]);
    expect(file.rows[0][file.header.indexOf("是否准时")]).toBe("否");
    expect(file.rows[0][file.header.indexOf("下单日期")]).toEqual(new Date("2025-02-03T00:00:00Z"));
  });

  it("exports the customer master with its delivery statistics", async () => {
    const file = await download("/api/customers/export?grade=A");
    expect(file.name).toBe("客户");
    expect(file.header.slice(0, 3)).toEqual(["客户编码", "客户名称", "等级"]);
    expect(file.rows.map((r) => r[0])).toEqual(["C-A1"]);
    expect(file.rows[0][file.header.indexOf("信用额度(元)")]).toBe(2000000);
  });

  it("exports the rules' action log", async () => {
    const logged = await t.database.db.selectFrom("rule_actions").select("id").execute();
    expect(logged.length).toBeGreaterThan(0);
    const file = await download("/api/rules/actions/export", "planner");
    expect(file.name).toBe("规则执行日志");
    expect(file.header.slice(0, 4)).toEqual(["时间", "订单号", "规则编号", "规则名称"]);
    expect(file.rows).toHaveLength(logged.length);
    expect((await t.fetch("GET", "/api/rules/actions/export", { as: "sales" })).status).toBe(403);
  });
});
