// Tells a workbook from a CSV by its first bytes, and refuses what cannot be read with the reason.
// A compound file that is not an encrypted .xlsx is Excel 97–2003 (.xls) or WPS (.et): read-xls.ts.
import { AppError } from "../../core/errors.js";
import type { SheetData } from "../model/sheet-data.js";
import { readCsv } from "./read-csv.js";
import { readXls } from "./read-xls.js";
import { readXlsx } from "./read-xlsx.js";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type FileFormat = "xlsx" | "csv" | "encrypted" | "xls";

export function detectFormat(buffer: Buffer, fileName: string): FileFormat {
  if (buffer.subarray(0, 4).equals(ZIP)) return "xlsx";
  if (buffer.subarray(0, 8).equals(CFB)) {
    // Office wraps a password-protected .xlsx in a compound file holding an EncryptionInfo stream.
    return buffer.includes(Buffer.from("EncryptionInfo", "utf16le")) ? "encrypted" : "xls";
  }
  // Excel 2.x–4.x worksheets are a bare BIFF stream (BOF record 0x0009/0x0209/0x0409), not a compound file.
  if (buffer[0] === 0x09 && [0x00, 0x02, 0x04].includes(buffer[1]) && /\.(xls|et)$/i.test(fileName)) return "xls";
  if (/\.xlsx$/i.test(fileName)) return "xlsx";
  return "csv";
}

export async function readUpload(buffer: Buffer, fileName: string, sheet?: string): Promise<SheetData> {
  if (!buffer.length) throw new AppError("invalid", "import.file_empty", { file: fileName }, "file");
  const format = detectFormat(buffer, fileName);
  if (format === "encrypted") throw new AppError("invalid", "import.file_encrypted", { file: fileName }, "file");
  if (format === "xls") return readXls(buffer, fileName, sheet);
  if (format === "xlsx") return readXlsx(buffer, fileName, sheet);
  return readCsv(buffer, fileName);
}
