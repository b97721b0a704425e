// A generated year of hand-kept order ledger: mixed date and amount spellings, customer-name variants,
// multi-line orders, a title row and a total row. Shared by the import benchmark and the crash test.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { DB } from "../src/core/db/schema.js";
import { createRng } from "../src/demo/random.js";

export const LEDGER_CUSTOMERS = 300;

const customerName = (i: number) => `测试${String(i).padStart(3, "0")}精密仪器有限公司`;

export async function seedLedgerCustomers(db: Kysely<DB>) {
  const rows = Array.from({ length: LEDGER_CUSTOMERS }, (_, i) => ({
    code: `LC-${String(i).padStart(4, "0")}`,
    name: customerName(i),
    grade: "B",
    credit_limit: "100000.00",
    open_receivables: "0.00",
  }));
  await db
    .insertInto("customers")
    .values(rows)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}

/**
 * `rows` data rows. `inlineStrings` writes each text in its cell (as openpyxl's and xlsxwriter's streaming
 * modes do) instead of a shared-string table; `stored` zips the parts without compression, so the file on
 * disk is as large as its XML (the test of a 50 MB upload uses both).
 */
export async function generateLedger(rows: number, seed = 11, options: { inlineStrings?: boolean; stored?: boolean } = {}): Promise<Buffer> {
  const rng = createRng(seed);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => sink.on("end", resolve));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: !options.inlineStrings,
    // archiver's option (exceljs passes `zip` through; its typings omit it).
    ...(options.stored ? { zip: { store: true } } : {}),
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  const ws = writer.addWorksheet("2025");
  ws.addRow(["2025年销售订单台账"]).commit();
  ws.addRow(["订单号", "客户名称", "下单日期", "交货日期", "实际交货日期", "金额（元）", "产品型号", "数量", "状态", "备注"]).commit();
  let order = 0;
  let written = 0;
  while (written < rows) {
    order++;
    const c = Math.floor(rng.next() * LEDGER_CUSTOMERS);
    const variant = rng.next();
    const name = variant < 0.7 ? customerName(c) : variant < 0.85 ? customerName(c).replace("有限公司", "有限责任公司") : ` ${customerName(c)}　`;
    const day = 1 + Math.floor(rng.next() * 330);
    const ordered = new Date(Date.UTC(2025, 0, day));
    const due = new Date(ordered.getTime() + (3 + Math.floor(rng.next() * 40)) * 86_400_000);
    const delivered = new Date(Math.max(ordered.getTime(), due.getTime() + (Math.floor(rng.next() * 10) - 6) * 86_400_000));
    const d = (date: Date, style: number) => {
      const [y, m, dd] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      return style === 0
        ? date
        : style === 1
          ? `${y}/${m}/${dd}`
          : style === 2
            ? `${y}年${m}月${dd}日`
            : `${y}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
    };
    const lines = rng.next() < 0.3 ? 2 : 1;
    for (let l = 0; l < lines && written < rows; l++) {
      const fen = 10_000 + Math.floor(rng.next() * 5_000_000);
      const style = Math.floor(rng.next() * 4);
      const amount =
        style === 0
          ? fen / 100
          : style === 1
            ? `¥${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`
            : style === 2
              ? `${(fen / 100).toFixed(2)}元`
              : `${(fen / 100).toFixed(2)}`;
      const dateStyle = Math.floor(rng.next() * 4);
      ws.addRow([
        `LD2025${String(order).padStart(6, "0")}`,
        name,
        d(ordered, dateStyle),
        d(due, dateStyle),
        d(delivered, dateStyle),
        amount,
        rng.next() < 0.5 ? "PS-100" : "TT-200",
        `${1 + Math.floor(rng.next() * 200)}件`,
        "已交货",
        "",
      ]).commit();
      written++;
    }
  }
  ws.addRow(["合计"]).commit();
  ws.commit();
  await writer.commit();
  await done;
  return Buffer.concat(chunks);
}
