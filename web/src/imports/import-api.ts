// Calls of the import screen: the multipart upload (dry run, commit or the row errors as .xlsx), its
// progress, the field catalogue and saved mappings.
import { ApiError, api } from "../api/client";
import type { Reply } from "../api/contract";
import i18n from "../i18n";

export type ImportKind = "orders" | "customers" | "items" | "inventory";

export interface RowError {
  row: number;
  field: string;
  column: string;
  value: string;
  reason: string;
  detail?: string;
  message: string;
}

/** A customer of the file: matched (by code, name variant or alias) or to be created, with proposals. */
export type CustomerOutcome = Reply<"POST /api/imports">["customers"][number];
export type CustomerProposal = NonNullable<CustomerOutcome["proposals"]>[number];
/** Saves the file's spellings as aliases of a customer, then checks the file again. */
export type AliasHandler = (customer: { code: string; name: string }, spellings: string[]) => Promise<void>;

export async function confirmAliases(code: string, spellings: string[]) {
  for (const alias of spellings) await api("POST", `/api/customers/${encodeURIComponent(code)}/aliases`, { alias });
}

/** A word of a closed list (status, grade, item kind) the importer did not know, with the rows carrying it. */
export interface UnknownValue {
  field: string;
  value: string;
  rows: number;
  choices: string[];
}

/** field → ledger word → our value. */
export type ValueAnswers = Record<string, Record<string, string>>;

export interface ImportReport {
  importId: number | null;
  dryRun: boolean;
  replayed: boolean;
  alreadyImported: { importId: number; at: string; by: string } | null;
  file: { name: string; sheets: string[]; sheet: string; format: string; encoding: string | null };
  kind: ImportKind;
  headerRow: number;
  headers: string[];
  mapping: Record<string, string>;
  unmappedHeaders: string[];
  year: { value: number; source: "user" | "sheet" } | null;
  rows: number;
  valid: number;
  invalid: number;
  waitingRows: number[];
  unknownValues: UnknownValue[];
  /** Amounts whose ¥ became ? when the file was saved as GBK, said once for the file. */
  lostYen: { rows: number; firstRow: number; message: string } | null;
  blankRows: number;
  totalRows: number[];
  duplicateRows: { row: number; sameAs: number }[];
  errors: RowError[];
  create: Record<string, number>;
  existing: Record<string, number>;
  customers: CustomerOutcome[];
  amount: string | null;
  /** Ledger orders dated from go-live on, not imported as history: those Lvyue lacks are the reconciliation list. */
  afterGoLive: Reply<"POST /api/imports">["afterGoLive"];
}

export interface ImportOptions {
  kind: ImportKind;
  sheet?: string;
  template?: string;
  year?: number;
  /** field → header text or column letter; "" leaves a guessed field out. */
  mapping: Record<string, string>;
  /** Answers to unknown words, sent inside the mapping JSON as `values`. */
  values: ValueAnswers;
  /** The user chose to read a leading ? as ¥ (the file lost its ¥ signs to GBK). */
  questionMarkIsYen?: boolean;
}

export interface Progress {
  phase: "read" | "check" | "write" | "done" | "failed";
  done: number;
  total: number;
  percent: number;
}

export interface FieldCatalogue {
  kinds: Record<ImportKind, { fields: { field: string; label: string }[]; required: string[][] }>;
}

export interface Template {
  name: string;
  kind: ImportKind;
  mapping: Record<string, string>;
  values: ValueAnswers;
  headerRow: number | null;
}

function query(options: ImportOptions, extra: Record<string, string>) {
  const q = new URLSearchParams({ kind: options.kind, ...extra });
  if (options.sheet) q.set("sheet", options.sheet);
  if (options.template) q.set("template", options.template);
  if (options.year) q.set("year", String(options.year));
  if (options.questionMarkIsYen) q.set("questionMarkIsYen", "1");
  return q.toString();
}

async function post(file: File, options: ImportOptions, extra: Record<string, string>): Promise<Response> {
  const form = new FormData();
  const values = Object.fromEntries(Object.entries(options.values).filter(([, words]) => Object.keys(words).length));
  const mapping = Object.keys(values).length ? { ...options.mapping, values } : options.mapping;
  if (Object.keys(mapping).length) form.append("mapping", JSON.stringify(mapping));
  form.append("file", file, file.name);
  const res = await fetch(`/api/imports?${query(options, extra)}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "accept-language": i18n.language.startsWith("en") ? "en" : "zh-CN" },
    body: form,
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? "http", body?.error?.message ?? `${res.status} ${res.statusText}`, body?.error?.field, body);
  }
  return res;
}

export async function runImport(file: File, options: ImportOptions, run: { dryRun: boolean; progress?: string }): Promise<ImportReport> {
  const res = await post(file, options, { dryRun: run.dryRun ? "1" : "0", ...(run.progress ? { progress: run.progress } : {}) });
  return (await res.json()) as ImportReport;
}

/** The row errors as the server's workbook (Chinese headers), saved by the browser. */
export async function downloadErrors(file: File, options: ImportOptions) {
  const res = await post(file, options, { dryRun: "1", format: "xlsx" });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `导入错误_${file.name.replace(/\.[^.]*$/, "")}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The reconciliation list (ledger orders from go-live on that Lvyue lacks) as the server's workbook. */
export async function downloadReconciliation(file: File, options: ImportOptions) {
  const res = await post(file, options, { dryRun: "1", format: "reconciliation" });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `对账_应录入履约_${file.name.replace(/\.[^.]*$/, "")}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const getProgress = (id: string) => api<Progress>("GET", `/api/imports/progress/${id}`);
export const getFields = () => api<FieldCatalogue>("GET", "/api/imports/fields");
export const getTemplates = () => api<{ templates: Template[] }>("GET", "/api/imports/templates");
export const saveTemplate = (name: string, kind: ImportKind, mapping: Record<string, string>, values: ValueAnswers, headerRow: number) =>
  api<Template>("PUT", `/api/imports/templates/${encodeURIComponent(name)}`, { kind, mapping, values, headerRow });

// Not crypto.randomUUID: that needs a secure context, and the app may be served over plain http on a LAN.
export const newProgressId = () => `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
