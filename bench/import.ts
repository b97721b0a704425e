// The data bridge: a generated 32,000-row ledger imported whole (read, clean, match, one-transaction
// commit) beside a bare exceljs streaming read of the same file, in the same run.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { runImport } from "../src/imports/run-import.js";
import { generateLedger, seedLedgerCustomers } from "./ledger.js";
import { type BenchDb, type Figure, fmt, freshDatabase, timed } from "./support.js";

async function bareRead(buffer: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let cells = 0;
  for await (const sheet of reader) for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) cells += (row.values as unknown[]).length;
  return cells;
}

export async function benchImport(kind: BenchDb, rows: number): Promise<Figure[]> {
  const file = await generateLedger(rows);
  const database = await freshDatabase(kind, "lvyue_bench_import");
  try {
    await seedLedgerCustomers(database.db);
    const read = await timed(() => bareRead(file));
    const request = { buffer: file, fileName: "ledger.xlsx", kind: "orders" as const, lang: "zh" as const };
    const principal = { kind: "user" as const, id: 0, name: "bench", roles: ["admin" as const] };
    const dry = await timed(() => runImport(database.db, principal, { ...request, dryRun: true }));
    const commit = await timed(() => runImport(database.db, principal, { ...request, dryRun: false }));
    if (commit.result.valid !== rows)
      throw new Error(`expected ${rows} valid rows, got ${commit.result.valid}: ${JSON.stringify(commit.result.errors.slice(0, 3))}`);
    const orders = commit.result.create.orders;
    const figure = (name: string, ms: number): Figure => ({
      bench: "import",
      db: kind,
      figure: name,
      value: `${fmt(ms / 1000, 2)} s`,
      baseline: `${fmt(read.ms / 1000, 2)} s bare exceljs read`,
      ratio: `x${fmt(ms / read.ms, 2)}`,
    });
    return [figure(`dry run, ${fmt(rows)} rows`, dry.ms), figure(`commit, ${fmt(rows)} rows → ${fmt(orders)} orders (target < 10 s)`, commit.ms)];
  } finally {
    await database.close();
  }
}
