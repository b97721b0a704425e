// Tells a workbook from a CSV by its first bytes, and refuses what cannot be read with the reason.
import { AppError } from "../../core/errors.js";
import type { SheetData } from "../model/sheet-data.js";
import { readCsv } from "./read-csv.js";
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
  if (/\.xlsx$/i.test(fileName)) return "xlsx";
  return "csv";
}

export async function readUpload(buffer: Buffer, fileName: string, sheet?: string): Promise<SheetData> {
  if (!buffer.length) throw new AppError("invalid", "import.file_empty", { file: fileName }, "file");
  const format = detectFormat(buffer, fileName);
  if (format === "encrypted") throw new AppError("invalid", "import.file_encrypted", { file: fileName }, "file");
  if (format === "xls") throw new AppError("invalid", "import.file_xls", { file: fileName }, "file");
  if (format === "xlsx") return readXlsx(buffer, fileName, sheet);
  return readCsv(buffer, fileName);
}
