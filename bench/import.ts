// The data bridge: a generated 32,000-row ledger imported whole (read, clean, match, one-transaction
// commit) beside a bare exceljs streaming read of the same file, in the same run. Two ways in: a commit
// straight away (cold: it reads the file itself), and a dry run then its commit (the web screen's way).
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { type ImportPhase, runImport } from "../src/imports/run-import.js";
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

const principal = { kind: "user" as const, id: 0, name: "bench", roles: ["admin" as const] };

/** One import into a fresh database, with the wall time of each phase (read, check, plan+write). */
async function importOnce(kind: BenchDb, file: Buffer, rows: number, withDryRun: boolean) {
  const database = await freshDatabase(kind, "lvyue_bench_import");
  try {
    await seedLedgerCustomers(database.db);
    const request = { buffer: file, fileName: "ledger.xlsx", kind: "orders" as const, lang: "zh" as const };
    const dry = withDryRun ? await timed(() => runImport(database.db, principal, { ...request, dryRun: true })) : undefined;
    const marks: Partial<Record<ImportPhase, number>> = {};
    const start = performance.now();
    const onProgress = (phase: ImportPhase) => {
      marks[phase] = performance.now() - start;
    };
    const commit = await timed(() => runImport(database.db, principal, { ...request, dryRun: false, onProgress }));
    if (commit.result.valid !== rows)
      throw new Error(`expected ${rows} valid rows, got ${commit.result.valid}: ${JSON.stringify(commit.result.errors.slice(0, 3))}`);
    const read = marks.read ?? 0;
    const check = (marks.check ?? read) - read;
    return { dryMs: dry?.ms ?? 0, commitMs: commit.ms, phases: { read, check, write: commit.ms - read - check }, orders: commit.result.create.orders };
  } finally {
    await database.close();
  }
}

export async function benchImport(kind: BenchDb, rows: number): Promise<Figure[]> {
  const file = await generateLedger(rows);
  await bareRead(file); // warms exceljs's code the same way the importer's code gets warmed by its first run
  const read = await timed(() => bareRead(file));
  const cold = await importOnce(kind, file, rows, false);
  const flow = await importOnce(kind, file, rows, true);
  const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
  const figure = (name: string, ms: number): Figure => ({
    bench: "import",
    db: kind,
    figure: name,
    value: s(ms),
    baseline: `${s(read.ms)} bare exceljs read`,
    ratio: `x${fmt(ms / read.ms, 2)}`,
  });
  const p = cold.phases;
  return [
    figure(
      `commit without dry run, ${fmt(rows)} rows → ${fmt(cold.orders)} orders (read ${s(p.read)}, clean ${s(p.check)}, plan+write ${s(p.write)})`,
      cold.commitMs,
    ),
    figure(`dry run, ${fmt(rows)} rows`, flow.dryMs),
    figure("commit after the dry run", flow.commitMs),
    figure("whole import: dry run + commit (target < 10 s)", flow.dryMs + flow.commitMs),
  ];
}
