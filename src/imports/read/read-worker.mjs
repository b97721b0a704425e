// Reads uploaded spreadsheets on a worker thread (read-off-thread.ts), so a large workbook never
// stalls the requests of others. Plain JS: it registers tsx to load the TypeScript reader.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readUpload } = await import("./read-upload.ts");
const { analyseSheet } = await import("../model/analyse-sheet.ts");

// `analyse`: also the row checks of an import (seconds for a year's ledger), answering the analysis
// and the sheet without its rows.
parentPort.on("message", async ({ id, buffer, fileName, sheet, analyse }) => {
  try {
    const data = await readUpload(Buffer.from(buffer), fileName, sheet);
    if (!analyse) return parentPort.postMessage({ id, data });
    const analysis = analyseSheet(data, analyse);
    parentPort.postMessage({ id, data: { ...data, rows: [] }, analysis });
  } catch (error) {
    const e = error ?? {};
    parentPort.postMessage({
      id,
      error: { name: e.name, message: String(e.message ?? e), code: e.code, messageKey: e.messageKey, params: e.params, field: e.field },
    });
  }
});
