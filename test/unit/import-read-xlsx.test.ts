import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { generateLedger } from "../../bench/ledger.js";
import { readXlsx } from "../../src/imports/read/read-xlsx.js";
import { excelDate, isDateFormat, parseDateStyles, parseSharedStrings, parseSheet } from "../../src/imports/read/xlsx-parts.js";
import { readZip } from "../../src/imports/read/zip-entries.js";

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

describe("reading an .xlsx without exceljs's reader", () => {
  it("reads a generated ledger cell for cell as exceljs's workbook reader does", async () => {
    const file = await generateLedger(1500, 5);
    const mine = await readXlsx(file, "ledger.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const theirs: { number: number; cells: unknown[] }[] = [];
    wb.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
      theirs.push({ number: row.number, cells: (row.values as unknown[]).slice(1).map((v) => v ?? null) });
    });
    expect(mine.rows.length).toBe(1503);
    expect(mine.rows).toEqual(theirs);
  });

  it("shared and inline rich text, entities, Excel escapes, phonetic guides, booleans, errors and ISO dates", () => {
    const shared = parseSharedStrings(
      `<sst><si><t>A&amp;B &lt;有限公司&gt;</t></si><si><r><t>苏州</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 恒锐</t></r><rPh><t>スー</t></rPh></si><si/><si><t>x_x000D_y&#20013;&#x6587;</t></si></sst>`,
    );
    expect(shared).toEqual(["A&B <有限公司>", "苏州 恒锐", "", "x\ry中文"]);
    const sheet = parseSheet(
      `<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><r><t>行</t></r><r><t>内</t></r></is></c>` +
        `<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="d"><v>2025-01-03T00:00:00</v></c><c r="G2" s="1"/></row>` +
        `<row r="5"><c r="B5" t="str"><f>A2&amp;""</f><v>苏州 恒锐</v></c><c r="C5"><f>1+1</f></c></row></sheetData>` +
        `<mergeCells count="1"><mergeCell ref="A7:B8"/></mergeCells></worksheet>`,
      { sharedStrings: shared, dateStyles: [], date1904: false },
    );
    expect(sheet.rows).toEqual([
      { number: 2, cells: ["苏州 恒锐", null, "行内", true, "#N/A", new Date(Date.UTC(2025, 0, 3))] },
      { number: 5, cells: [null, "苏州 恒锐"] },
    ]);
    expect(sheet.formulaCells).toBe(1);
    expect(sheet.formulasWithoutResult).toEqual(["C5"]);
    expect(sheet.merges).toEqual(["A7:B8"]);
  });

  it("tells date styles from number styles, built-in (Chinese ones too) and custom, in both date systems", () => {
    const styles = parseDateStyles(
      `<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
        `<numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00;[Red]\\-&quot;¥&quot;#,##0.00"/><numFmt numFmtId="166" formatCode="[$-F800]dddd"/></numFmts>` +
        `<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="31"/><xf numFmtId="164"><alignment/></xf><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    );
    expect(styles).toEqual([false, true, true, true, false, false]);
    expect(isDateFormat('0.00"天"')).toBe(false);
    expect(excelDate(45660, false)).toEqual(new Date(Date.UTC(2025, 0, 3)));
    expect(excelDate(44198, true)).toEqual(new Date(Date.UTC(2025, 0, 3)));
    const cells = parseSheet(`<sheetData><row><c s="1"><v>45660</v></c><c s="5"><v>12.5</v></c></row></sheetData>`, {
      sharedStrings: [],
      dateStyles: styles,
      date1904: false,
    }).rows[0];
    expect(cells).toEqual({ number: 1, cells: [new Date(Date.UTC(2025, 0, 3)), 12.5] });
  });

  it("refuses a damaged zip with the reason", async () => {
    const good = await generateLedger(50);
    expect(() => readZip(good.subarray(0, 100))).toThrow(/zip directory/);
    const damaged = Buffer.from(good);
    const middle = Math.floor(good.length / 2);
    damaged.fill(7, middle, middle + 64);
    await expect(readXlsx(damaged, "bad.xlsx")).rejects.toMatchObject({ messageKey: "import.file_corrupt", field: "file" });
  });
});
