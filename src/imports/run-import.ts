// Use case: import a spreadsheet. A dry run reports every row and what a commit would create or match;
// a commit writes all valid rows in one transaction, or nothing. The same file's sheet commits once.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { hasPermission } from "../core/auth/roles.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { reasonMessage } from "../core/row-reasons.js";
import { getGoLiveSettings } from "../settings/go-live-settings.js";
import type { GoLive } from "./model/after-go-live.js";
import type { AnalyseOptions, Analysis } from "./model/analyse-sheet.js";
import type { RowIssue } from "./model/issues.js";
import type { SheetData } from "./model/sheet-data.js";
import { planKind } from "./plan-kinds.js";
import { readAndAnalyseOffThread } from "./read/read-off-thread.js";
import { RecentAnalyses } from "./recent-analyses.js";
import { findImport, runKey } from "./store.js";

export type ImportPhase = "read" | "check" | "write";

export interface ImportRequest extends AnalyseOptions {
  buffer: Buffer;
  fileName: string;
  sheet?: string;
  dryRun: boolean;
  lang: Lang;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** The caller is done with `buffer`: a large one moves to the reader's thread instead of being copied (it is left empty). */
  handOver?: boolean;
}

export type ImportReport = Awaited<ReturnType<typeof runImport>>;

function errorView(lang: Lang, issue: RowIssue) {
  return { ...issue, message: reasonMessage(lang, issue.reason, issue.detail) };
}

type FileFacts = Pick<SheetData, "format" | "encoding" | "sheets" | "sheet">;
const recent = new RecentAnalyses<{ data: FileFacts; analysis: Analysis }>();

/** Reads and cleans the file, or takes the reading its dry run made moments ago. */
async function readAndAnalyse(request: ImportRequest, fileHash: string, progress: NonNullable<ImportRequest["onProgress"]>) {
  const options = [
    fileHash,
    request.kind,
    request.sheet ?? null,
    request.mapping ?? {},
    request.headerRow ?? null,
    request.year ?? null,
    request.values ?? {},
    request.questionMarkIsYen ?? false,
  ];
  const key = createHash("sha256").update(JSON.stringify(options)).digest("hex");
  const kept = recent.get(key);
  if (kept) {
    progress("read", 1, 1);
    progress("check", kept.analysis.dataRows, kept.analysis.dataRows);
    return { ...kept, key };
  }
  progress("read", 0, 1);
  const { data, analysis } = await readAndAnalyseOffThread(request.buffer, request.fileName, request.sheet, request, request.handOver);
  progress("read", 1, 1);
  progress("check", analysis.dataRows, analysis.dataRows);
  return { data: { format: data.format, encoding: data.encoding, sheets: data.sheets, sheet: data.sheet }, analysis, key };
}

/** SHA-256 of the file, 4 MB at a time with a turn for other requests between (50 MB took 60–200 ms in one go). */
async function fileHashOf(buffer: Buffer): Promise<string> {
  const hash = createHash("sha256");
  const step = 4 * 1024 * 1024;
  for (let at = 0; at < buffer.length; at += step) {
    hash.update(buffer.subarray(at, at + step));
    if (at + step < buffer.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return hash.digest("hex");
}

export async function runImport(db: Kysely<DB>, principal: Principal, request: ImportRequest) {
  const progress = request.onProgress ?? (() => {});
  const fileHash = await fileHashOf(request.buffer);
  const { data, analysis, key: readingKey } = await readAndAnalyse(request, fileHash, progress);
  if (request.dryRun) recent.set(readingKey, { data, analysis });
  else recent.delete(readingKey);
  if (analysis.kind === "customers" && !hasPermission(principal.roles, "customers.credit")) {
    const credit = ["grade", "creditLimit"].find((f) => f in analysis.mapping);
    if (credit) throw new AppError("forbidden", "import.credit_fields", {}, `mapping.${credit}`);
  }

  const key = runKey(fileHash, {
    kind: analysis.kind,
    sheet: analysis.sheet,
    mapping: analysis.mapping,
    headerRow: analysis.headerRow,
    year: analysis.year?.value ?? null,
    values: request.values ?? {},
    questionMarkIsYen: request.questionMarkIsYen ?? false,
  });
  const prior = await findImport(db, key);
  if (prior && !request.dryRun) return { ...(prior.summary as Record<string, unknown>), importId: prior.id, replayed: true } as unknown as Report;

  let goLive: GoLive | undefined;
  if (analysis.kind === "orders") {
    const settings = await getGoLiveSettings(db);
    if (settings.goLiveOn && settings.dualRunEndsOn) goLive = { goLiveOn: settings.goLiveOn, dualRunEndsOn: settings.dualRunEndsOn };
  }
  const summarise = async (dbOrTx: Parameters<typeof planKind>[0]) => {
    const plan = await planKind(dbOrTx, analysis, goLive);
    const issues = [...analysis.issues, ...plan.issues].sort((a, b) => a.row - b.row);
    const invalidRows = new Set(issues.map((i) => i.row)).size;
    const afterGoLive = plan.afterGoLive ?? null;
    const report = {
      importId: null as number | null,
      dryRun: request.dryRun,
      replayed: false,
      alreadyImported: prior ? { importId: prior.id, at: prior.created_at.toISOString(), by: prior.created_by } : null,
      file: { name: request.fileName, hash: fileHash, format: data.format, encoding: data.encoding ?? null, sheets: data.sheets, sheet: data.sheet },
      kind: analysis.kind,
      headerRow: analysis.headerRow,
      headers: analysis.headers,
      mapping: analysis.mapping,
      unmappedHeaders: analysis.unmappedHeaders,
      year: analysis.year,
      rows: analysis.dataRows,
      valid: analysis.dataRows - analysis.duplicateRows.length - invalidRows - analysis.waitingRows.length - (afterGoLive?.rows ?? 0),
      invalid: invalidRows,
      waitingRows: analysis.waitingRows,
      unknownValues: analysis.unknownValues,
      lostYen: analysis.lostYenRows.length
        ? {
            rows: analysis.lostYenRows.length,
            firstRow: analysis.lostYenRows[0],
            message: reasonMessage(request.lang, "file.lost_yen", analysis.lostYenExample),
          }
        : null,
      blankRows: analysis.blankRows,
      totalRows: analysis.totalRows,
      duplicateRows: analysis.duplicateRows,
      formulaCells: analysis.formulaCells,
      errors: issues.map((i) => errorView(request.lang, i)),
      create: plan.create,
      existing: plan.existing,
      customers: plan.customers ?? [],
      amount: plan.amount ?? null,
      afterGoLive,
    };
    return { plan, report };
  };
  type Report = Awaited<ReturnType<typeof summarise>>["report"];

  if (request.dryRun) return (await summarise(db)).report;
  try {
    return await db.transaction().execute(async (tx) => {
      // Planned again inside the transaction: what exists is read where it is written.
      const { plan, report } = await summarise(tx);
      const { id } = await tx
        .insertInto("import_batches")
        .values({
          file_hash: fileHash,
          run_key: key,
          file_name: request.fileName.slice(0, 255),
          kind: analysis.kind,
          sheet: analysis.sheet,
          summary: JSON.stringify({ ...report, dryRun: false }),
          created_by: principal.name,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      let reported = false;
      await plan.write(tx, id, { name: principal.name, roles: principal.roles }, (done, of) => {
        reported = true;
        progress("write", done, of);
      });
      if (!reported) progress("write", 1, 1);
      return { ...report, importId: id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "import_batches")) {
      const done = await findImport(db, key);
      if (done) return { ...(done.summary as Record<string, unknown>), importId: done.id, replayed: true } as unknown as Report;
    }
    // Another import or a reservation changed the same rows meanwhile: nothing was written; retry.
    if (isUniqueViolation(error) || (error as { code?: string }).code === "23514") throw new AppError("conflict", "conflict.concurrent");
    throw error;
  }
}
