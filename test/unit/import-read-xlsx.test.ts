import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/imports/read/read-xlsx.js";

const HANZI = "苏州恒锐机电有限公司无锡华光仪表常州精测自动化南通贸易压力传感器温度变送器校准证书不锈钢壳体";

describe("readXlsx", () => {
  it("keeps every Chinese character whole across the reader's chunk boundaries", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.addRow(["订单号", "客户名称", "备注"]);
    for (let i = 0; i < 4000; i++) {
      const text = Array.from({ length: 9 + (i % 7) }, (_, k) => HANZI[(i * 7 + k * 3) % HANZI.length]).join("");
      ws.addRow([`LD${i}`, text, `¥${i}元 ${text}`]);
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const data = await readXlsx(buffer, "big.xlsx");
    expect(data.sheets).toEqual(["台账"]);
    expect(data.rows).toHaveLength(4001);
    const broken = data.rows.filter((r) => r.cells.some((c) => typeof c === "string" && c.includes("\ufffd")));
    expect(broken.map((r) => r.number)).toEqual([]);
    expect(data.rows[4000].cells[2]).toMatch(/^¥3999元 /);
  });

  it("reads dates as dates, numbers as numbers and formulas from their cached result", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("2025");
    ws.addRow(["日期", "金额", "公式"]);
    ws.addRow([new Date(Date.UTC(2025, 0, 3)), 12.5, { formula: "B2*2", result: 25 }]);
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    const data = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()), "t.xlsx");
    expect(data.rows[1].cells).toEqual([new Date(Date.UTC(2025, 0, 3)), 12.5, 25]);
    expect(data.formulaCells).toBe(1);
  });
});
