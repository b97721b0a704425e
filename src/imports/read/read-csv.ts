// CSV in UTF-8 (with or without BOM) or GBK/GB18030, the two encodings Chinese Excel saves text in.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { AppError } from "../../core/errors.js";
import type { SheetData } from "../model/sheet-data.js";

export function decodeText(buffer: Buffer): { text: string; encoding: "utf-8" | "gb18030" } {
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: Excel on Chinese Windows saves CSV as GBK, which GB18030 contains.
    return { text: iconv.decode(body, "gb18030"), encoding: "gb18030" };
  }
}

function delimiterOf(firstLine: string): string {
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

export function readCsv(buffer: Buffer, fileName: string): SheetData {
  if (buffer.includes(0)) throw new AppError("invalid", "import.file_corrupt", { file: fileName, detail: "binary content" }, "file");
  const { text, encoding } = decodeText(buffer);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text.slice(0, text.indexOf("\n") >>> 0)), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new AppError("invalid", "import.file_corrupt", { file: fileName, detail: (error as Error).message }, "file");
  }
  return {
    format: "csv",
    sheets: ["csv"],
    sheet: "csv",
    rows: records.map((cells, i) => ({ number: i + 1, cells: cells.map((c) => (c === "" ? null : c)) })),
    merges: [],
    formulaCells: 0,
    formulasWithoutResult: [],
    encoding,
  };
}
