// The parts of an .xlsx that an import needs, read from their XML text without a DOM or a SAX
// parser: the sheet list, shared strings, which cell styles are dates, and the sheet's rows.
// SpreadsheetML is machine-written and regular, so a few anchored patterns read it exactly.
import type { Cell } from "../model/cell.js";
import type { SheetRow } from "../model/sheet-data.js";

const ENTITY = /&(?:(lt|gt|quot|apos|amp)|#(\d+)|#x([0-9a-fA-F]+));|_x([0-9a-fA-F]{4})_/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** XML entities, and Excel's own _xHHHH_ escapes of control characters. */
export function unescapeXml(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text.replace(ENTITY, (_, named: string, dec: string, hex: string, excel: string) =>
    named ? NAMED[named] : String.fromCodePoint(Number.parseInt(dec ?? hex ?? excel, dec ? 10 : 16)),
  );
}

const MAIN_NAMESPACE =
  /xmlns:([A-Za-z_][\w.-]*)="(?:http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)"/;

/**
 * A part whose SpreadsheetML elements carry a namespace prefix (`<x:row>`, as the .NET Open XML SDK and
 * some ERP exports write them), with the prefix taken off so the patterns below read it. Transitional
 * and strict (ISO 29500 strict, purl.oclc.org) namespaces alike; an unprefixed part is returned as it is.
 */
export function withoutPrefix(xml: string): string {
  const prefix = MAIN_NAMESPACE.exec(xml.slice(0, 4096))?.[1];
  return prefix ? xml.replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1") : xml;
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}=(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;
const TEXT_RUN = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;

/** The text of a string item: its runs joined, phonetic guides (rPh) left out. */
function itemText(xml: string): string {
  const body = xml.includes("<rPh") ? xml.replace(PHONETIC, "") : xml;
  let text = "";
  for (const m of body.matchAll(TEXT_RUN)) text += m[1];
  return unescapeXml(text);
}

export function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const strings: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) strings.push(m[1] ? itemText(m[1]) : "");
  return strings;
}

export interface SheetEntry {
  name: string;
  path: string;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  sharedStrings: string;
  styles: string;
  date1904: boolean;
}

function partPath(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

export function parseWorkbook(workbook: string, rels: string): WorkbookParts {
  const targets = new Map<string, string>();
  let sharedStrings = "xl/sharedStrings.xml";
  let styles = "xl/styles.xml";
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1], "Id");
    const target = attribute(m[1], "Target");
    const type = attribute(m[1], "Type") ?? "";
    if (!id || !target) continue;
    targets.set(id, partPath(target));
    if (type.endsWith("/sharedStrings")) sharedStrings = partPath(target);
    if (type.endsWith("/styles")) styles = partPath(target);
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)>/g)) {
    const name = attribute(m[1], "name");
    const rid = attribute(m[1], "r:id");
    const path = rid ? targets.get(rid) : undefined;
    if (name !== undefined && path) sheets.push({ name, path });
  }
  const pr = /<workbookPr\b([^>]*)>/.exec(workbook);
  const date1904 = pr ? /^(1|true)$/.test(attribute(pr[1], "date1904") ?? "") : false;
  return { sheets, sharedStrings, styles, date1904 };
}

// Built-in number formats that show a date or time: 14–22 everywhere, 27–36 and 50–58 in CJK locales.
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when, outside quotes and [colour/locale] brackets, it has y m d h s. */
export function isDateFormat(code: string): boolean {
  return /[ymdhs]/i.test(
    code
      .replace(/\[[^\]]*]/g, "")
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, ""),
  );
}

/** For each cell style index (the s attribute of a cell): does it show its number as a date? */
export function parseDateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)>/g)) custom.set(Number(attribute(m[1], "numFmtId")), attribute(m[1], "formatCode") ?? "");
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => {
    const id = Number(attribute(m[1], "numFmtId") ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id);
  });
}

/** Excel's day count (from 1899-12-30, or 1904-01-01) to a UTC date, to the millisecond. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

export function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

export interface SheetRead {
  rows: SheetRow[];
  merges: string[];
  formulaCells: number;
  /** Formula cells with no cached result (the workbook was never calculated). */
  formulasWithoutResult: string[];
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const INLINE = /<is>([\s\S]*?)<\/is>/;
const REF = /(?:^|\s)r="([A-Z]+)(\d*)"/;
const TYPE = /(?:^|\s)t="([a-zA-Z]+)"/;
const STYLE = /(?:^|\s)s="(\d+)"/;

function cellValue(type: string, raw: string, style: number, context: SheetContext): Cell {
  switch (type) {
    case "s":
      return context.sharedStrings[Number(raw)] ?? null;
    case "str":
    case "inlineStr":
      return unescapeXml(raw);
    case "b":
      return raw.trim() !== "0";
    case "e":
      return unescapeXml(raw);
    case "d": {
      const date = new Date(raw.endsWith("Z") || /[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(date.getTime()) ? unescapeXml(raw) : date;
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === "" || Number.isNaN(n)) return raw ? unescapeXml(raw) : null;
      return context.dateStyles[style] ? excelDate(n, context.date1904) : n;
    }
  }
}

export function parseSheet(xml: string, context: SheetContext): SheetRead {
  const read: SheetRead = { rows: [], merges: [], formulaCells: 0, formulasWithoutResult: [] };
  const dataStart = xml.indexOf("<sheetData");
  const dataEnd = xml.lastIndexOf("</sheetData>");
  const data = dataStart < 0 ? "" : xml.slice(dataStart, dataEnd < 0 ? undefined : dataEnd);
  let previousRow = 0;
  for (const row of data.matchAll(ROW)) {
    const number = Number(/(?:^|\s)r="(\d+)"/.exec(row[1])?.[1] ?? previousRow + 1);
    previousRow = number;
    const cells: Cell[] = [];
    let column = 0;
    for (const c of (row[2] ?? "").matchAll(CELL)) {
      const attrs = c[1];
      const ref = REF.exec(attrs);
      column = ref ? columnNumber(ref[1]) : column + 1;
      const body = c[2];
      if (!body) continue;
      const type = TYPE.exec(attrs)?.[1] ?? "n";
      const inline = type === "inlineStr" ? INLINE.exec(body) : null;
      const raw = inline ? null : VALUE.exec(body)?.[1];
      const formula = body.includes("<f");
      let value: Cell = null;
      if (inline) value = itemText(inline[1]);
      else if (raw !== undefined && raw !== null) value = cellValue(type, raw, Number(STYLE.exec(attrs)?.[1] ?? 0), context);
      if (formula) {
        if (value === null) {
          read.formulasWithoutResult.push(ref ? `${ref[1]}${ref[2] || number}` : `#${column}:${number}`);
          continue;
        }
        read.formulaCells++;
      }
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = value;
    }
    read.rows.push({ number, cells });
  }
  const tail = dataEnd < 0 ? "" : xml.slice(dataEnd);
  for (const m of tail.matchAll(/<mergeCell\b([^>]*)>/g)) {
    const ref = attribute(m[1], "ref");
    if (ref) read.merges.push(ref);
  }
  return read;
}
