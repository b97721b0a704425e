// .xlsx through exceljs's streaming reader (fast, low memory); the workbook's sheet list and merged
// ranges, which the streaming reader skips, come from a quick look into the zip.
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { AppError } from "../../core/errors.js";
import type { Cell } from "../model/cell.js";
import type { SheetData, SheetRow } from "./sheet-data.js";

interface SheetEntry {
  name: string;
  path: string;
}

const corrupt = (file: string, detail: string) => new AppError("invalid", "import.file_corrupt", { file, detail }, "file");

async function sheetEntries(zip: JSZip, file: string): Promise<SheetEntry[]> {
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbook || !rels) throw corrupt(file, "no xl/workbook.xml");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const entries: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) entries.push({ name: unescapeXml(name), path: `xl/${target}` });
  }
  return entries;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");
}

type RawValue = ExcelJS.CellValue;

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncIterable<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): AsyncGenerator<unknown>;
}

/**
 * exceljs 4.4's streaming reader decodes each zip chunk to text on its own, so a Chinese character split
 * across two chunks becomes U+FFFD (exceljs issues #2063, #2316; about one row in 2,000 of a ledger).
 * Shared strings and sheets are decoded here as one UTF-8 stream instead.
 */
class Utf8WorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ReaderInternals & AsyncIterable<unknown>) {
  override _parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding("utf8");
    return super._parseSharedStrings(entry);
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number) {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }
}

function toCell(value: RawValue, ref: string, seen: { formulas: number; missing: string[] }): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      seen.missing.push(ref);
      return null;
    }
    seen.formulas++;
    if (typeof result === "object" && !(result instanceof Date)) return "error" in result ? String(result.error) : null;
    return result as Cell;
  }
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}

function columnLetter(index: number): string {
  let n = index;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function readXlsx(buffer: Buffer, fileName: string, sheetName?: string): Promise<SheetData> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw corrupt(fileName, (error as Error).message);
  }
  const entries = await sheetEntries(zip, fileName);
  if (!entries.length) throw corrupt(fileName, "no worksheet");
  const chosen = sheetName === undefined ? entries[0] : entries.find((e) => e.name === sheetName);
  if (!chosen) throw new AppError("invalid", "import.sheet_not_found", { sheet: sheetName ?? "", sheets: entries.map((e) => e.name).join("、") }, "sheet");
  const sheetXml = await zip.file(chosen.path)?.async("string");
  if (sheetXml === undefined) throw corrupt(fileName, `missing ${chosen.path}`);
  const merges = [...sheetXml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1]);
  const position = entries.indexOf(chosen);

  const rows: SheetRow[] = [];
  const seen = { formulas: 0, missing: [] as string[] };
  const reader = new Utf8WorkbookReader(Readable.from(buffer), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    let index = 0;
    let matched = false;
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      // Sheet names are known when workbook.xml comes first in the zip (Excel, WPS, exceljs); else by position.
      const isChosen = !matched && (ws.name === chosen.name || (!entries.some((e) => e.name === ws.name) && index === position));
      index++;
      for await (const row of ws) {
        if (!isChosen) continue;
        const values = row.values as RawValue[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(toCell(values[c], `${columnLetter(c)}${row.number}`, seen));
        rows.push({ number: row.number, cells });
      }
      if (isChosen) matched = true;
    }
  } catch (error) {
    throw corrupt(fileName, (error as Error).message);
  }
  return {
    format: "xlsx",
    sheets: entries.map((e) => e.name),
    sheet: chosen.name,
    rows,
    merges,
    formulaCells: seen.formulas,
    formulasWithoutResult: seen.missing,
  };
}
