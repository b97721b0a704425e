// The tax platform's batch-issue workbook for 1,000 invoice lines (50 invoices × 20 lines), written by
// finance's exporter (layout by header name, every cell text, instructions merged, bold headers) beside a
// bare exceljs write of exactly the same cells (addRow, writeBuffer): the price of the layout and styles.
import ExcelJS from "exceljs";
import { DEFAULT_LAYOUT, type ExportInvoice, workbookRows } from "../src/finance/model/fapiao-layout.js";
import { writeFapiaoWorkbook } from "../src/finance/write-fapiao-workbook.js";
import { type Figure, fmt, percentile } from "./support.js";

function invoices(lines: number, perInvoice = 20): ExportInvoice[] {
  return Array.from({ length: Math.ceil(lines / perInvoice) }, (_, i) => ({
    serial: `LY20261202${String(i + 1).padStart(6, "0")}`,
    type: i % 3 ? "normal" : "special",
    red: false,
    reversesInvoiceNo: null,
    taxIncluded: true,
    buyer: {
      name: `无锡华光仪表有限责任公司${i}`,
      taxId: "91320211750123456X",
      address: "无锡市新吴区长江路 8 号",
      phone: "0510-85201234",
      bankName: "中国工商银行无锡新区支行",
      bankAccount: "1103021209000123456",
      email: "",
    },
    note: "",
    lines: Array.from({ length: Math.min(perInvoice, lines - i * perInvoice) }, (_, j) => ({
      name: `*仪器仪表*温度变送器 TT-${j}`,
      taxCode: "1090511030000000000",
      unit: "台",
      qty: 1 + (j % 7),
      unitPrice: "899",
      amountFen: BigInt(89_900 * (1 + (j % 7))),
      taxRate: 13,
    })),
  }));
}

async function bare(rows: ReturnType<typeof workbookRows>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of rows) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const cells of sheet.rows) ws.addRow(cells);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function benchFapiao(lines = 1000, runs = 7): Promise<Figure[]> {
  const data = invoices(lines);
  const ours: number[] = [];
  const base: number[] = [];
  let size = 0;
  let baseSize = 0;
  // One warm-up of each, then alternate so both see the same machine.
  await writeFapiaoWorkbook(DEFAULT_LAYOUT, data);
  await bare(workbookRows(DEFAULT_LAYOUT, data));
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    size = (await writeFapiaoWorkbook(DEFAULT_LAYOUT, data)).length;
    ours.push(performance.now() - start);
    const rows = workbookRows(DEFAULT_LAYOUT, data);
    start = performance.now();
    baseSize = (await bare(rows)).length;
    base.push(performance.now() - start);
  }
  ours.sort((a, b) => a - b);
  base.sort((a, b) => a - b);
  const median = (xs: number[]) => percentile(xs, 50);
  return [
    {
      bench: "fapiao",
      db: "-",
      figure: `${lines} invoice lines → workbook, median of ${runs} (ms)`,
      value: fmt(median(ours)),
      baseline: `${fmt(median(base))} (bare exceljs, same cells)`,
      ratio: (median(ours) / median(base)).toFixed(2),
    },
    { bench: "fapiao", db: "-", figure: "file size (bytes)", value: fmt(size), baseline: fmt(baseSize), ratio: (size / baseSize).toFixed(2) },
  ];
}
