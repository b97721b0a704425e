// The data bridge: a generated 32,000-row ledger imported whole (read, clean, match, one-transaction
// commit) beside a bare exceljs streaming read of the same file, in the same run. Two ways in: a commit
// straight away (cold: it reads the file itself), and a dry run then its commit (the web screen's way).
// The same ledger as Excel 97 .xls and as a GB18030 CSV: dry run + commit beside a bare read of that file
// with the library the importer reads it with (SheetJS; iconv-lite and csv-parse).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import * as XLSX from "@e965/xlsx";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { readXlsx } from "../src/imports/read/read-xlsx.js";
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
async function importOnce(kind: BenchDb, file: Buffer, rows: number, withDryRun: boolean, fileName = "ledger.xlsx") {
  const database = await freshDatabase(kind, "lvyue_bench_import");
  try {
    await seedLedgerCustomers(database.db);
    const request = { buffer: file, fileName, kind: "orders" as const, lang: "zh" as const };
    const cpuStart = process.cpuUsage();
    const dry = withDryRun ? await timed(() => runImport(database.db, principal, { ...request, dryRun: true })) : undefined;
    const marks: Partial<Record<ImportPhase, number>> = {};
    const start = performance.now();
    const onProgress = (phase: ImportPhase) => {
      marks[phase] = performance.now() - start;
    };
    const commit = await timed(() => runImport(database.db, principal, { ...request, dryRun: false, onProgress }));
    if (commit.result.valid !== rows)
      throw new Error(`expected ${rows} valid rows, got ${commit.result.valid}: ${JSON.stringify(commit.result.errors.slice(0, 3))}`);
    const cpu = process.cpuUsage(cpuStart);
    const read = marks.read ?? 0;
    const check = (marks.check ?? read) - read;
    return {
      dryMs: dry?.ms ?? 0,
      commitMs: commit.ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      phases: { read, check, write: commit.ms - read - check },
      orders: commit.result.create.orders,
    };
  } finally {
    await database.close();
  }
}

export async function benchImport(kind: BenchDb, rows: number): Promise<Figure[]> {
  const file = await generateLedger(rows);
  await bareRead(file); // warms exceljs's code the same way the importer's code gets warmed by its first run
  const readCpu = process.cpuUsage();
  const read = await timed(() => bareRead(file));
  const readCpuUsed = process.cpuUsage(readCpu);
  const readCpuMs = (readCpuUsed.user + readCpuUsed.system) / 1000;
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
  await readXlsx(file, "ledger.xlsx");
  const mine = await timed(() => readXlsx(file, "ledger.xlsx"));
  return [
    {
      bench: "import",
      db: kind,
      figure: `.xlsx (${fmt(file.length / 1e6, 1)} MB): dry run + commit, ${fmt(rows)} rows (dry run ${s(flow.dryMs)}, commit ${s(flow.commitMs)})`,
      value: s(flow.dryMs + flow.commitMs),
      baseline: `${s(mine.ms)} bare xlsx-parts read (the importer's reader)`,
      ratio: `x${fmt((flow.dryMs + flow.commitMs) / mine.ms, 2)}`,
    },
    figure(
      `commit without dry run, ${fmt(rows)} rows → ${fmt(cold.orders)} orders (read ${s(p.read)}, clean ${s(p.check)}, plan+write ${s(p.write)})`,
      cold.commitMs,
    ),
    figure(`dry run, ${fmt(rows)} rows`, flow.dryMs),
    figure("commit after the dry run", flow.commitMs),
    figure("whole import: dry run + commit (target < 10 s)", flow.dryMs + flow.commitMs),
    // CPU time of this process, less sensitive to other processes' load than wall time. On PGlite the
    // database runs in this process too; on PostgreSQL its server's CPU is not in this figure.
    {
      bench: "import",
      db: kind,
      figure: "CPU of this process: dry run + commit",
      value: s(flow.cpuMs),
      baseline: `${s(readCpuMs)} CPU of the bare read`,
      ratio: `x${fmt(flow.cpuMs / readCpuMs, 2)}`,
    },
  ];
}

/** The ledger's rows as a CSV the way Excel writes one (dates as yyyy-mm-dd, CRLF), encoded as GB18030. */
async function asGb18030Csv(xlsx: Buffer): Promise<Buffer> {
  const data = await readXlsx(xlsx, "ledger.xlsx");
  const text = (cell: unknown) => {
    const s = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null || cell === undefined ? "" : String(cell);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return iconv.encode(data.rows.map((r) => r.cells.map(text).join(",")).join("\r\n"), "gb18030");
}

/**
 * The ledger as Excel 97 .xls, converted by LibreOffice (soffice) and kept in the temp directory for the
 * next run. SheetJS's BIFF8 writer keeps a 16 KB block per record it writes (buf_array's push ends the
 * current block and opens another): 5.4 GB of memory for 32,000 rows, dense mode or not (decision 0074).
 */
async function asXls(xlsx: Buffer, rows: number): Promise<Buffer | string> {
  const dir = join(tmpdir(), "lvyue-bench-xls");
  const out = join(dir, "out", `ledger-${rows}.xls`);
  if (existsSync(out)) return readFileSync(out);
  mkdirSync(dir, { recursive: true });
  const source = join(dir, `ledger-${rows}.xlsx`);
  writeFileSync(source, xlsx);
  const args = [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", join(dir, "out"), source];
  const failed = await new Promise<string | undefined>((resolve) =>
    execFile("soffice", args, { timeout: 600_000 }, (error, _out, stderr) => resolve(error ? `${error.message} ${stderr}`.trim() : undefined)),
  );
  if (failed || !existsSync(out)) return `no .xls line: LibreOffice (soffice) is needed to write a ${fmt(rows)}-row .xls (${failed ?? "no output"})`;
  return readFileSync(out);
}

function bareSheetJsRead(file: Buffer): number {
  // The options src/imports/read/read-xls.ts reads with.
  const wb = XLSX.read(file, { type: "buffer", cellDates: false, cellNF: true, cellFormula: true, cellHTML: false, dense: true });
  let cells = 0;
  for (const name of wb.SheetNames) for (const row of (wb.Sheets[name]["!data"] ?? []) as unknown[][]) cells += row?.length ?? 0;
  return cells;
}

function bareCsvRead(file: Buffer): number {
  const records: string[][] = parse(iconv.decode(file, "gb18030"), { relax_column_count: true });
  return records.reduce((n, r) => n + r.length, 0);
}

/** Dry run + commit of the same ledger in another format, beside a bare read of that file. */
async function otherFormat(kind: BenchDb, rows: number, format: string, file: Buffer, fileName: string, bare: (file: Buffer) => number, library: string) {
  bare(file);
  const read = await timed(async () => bare(file));
  const flow = await importOnce(kind, file, rows, true, fileName);
  const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
  return {
    bench: "import",
    db: kind,
    figure: `${format} (${fmt(file.length / 1e6, 1)} MB): dry run + commit, ${fmt(rows)} rows (dry run ${s(flow.dryMs)}, commit ${s(flow.commitMs)})`,
    value: s(flow.dryMs + flow.commitMs),
    baseline: `${s(read.ms)} bare ${library} read`,
    ratio: `x${fmt((flow.dryMs + flow.commitMs) / read.ms, 2)}`,
  };
}

export async function benchImportFormats(kind: BenchDb, rows: number): Promise<Figure[]> {
  const xlsx = await generateLedger(rows);
  const figures: Figure[] = [];
  const xls = await asXls(xlsx, rows);
  if (typeof xls === "string") process.stderr.write(`${xls}\n`);
  else figures.push(await otherFormat(kind, rows, ".xls (LibreOffice)", xls, "ledger.xls", bareSheetJsRead, "SheetJS"));
  const csv = await asGb18030Csv(xlsx);
  figures.push(await otherFormat(kind, rows, "GB18030 .csv", csv, "ledger.csv", bareCsvRead, "iconv-lite + csv-parse"));
  return figures;
}
