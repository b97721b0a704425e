// Reads uploaded spreadsheets on a worker thread (read-off-thread.ts), so a large workbook never
// stalls the requests of others. Plain JS: it registers tsx to load the TypeScript reader.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readUpload } = await import("./read-upload.ts");
const { analyseSheet } = await import("../model/analyse-sheet.ts");

/** Valid rows go back this many at a time, each batch when the server asks for it (read-off-thread.ts). */
const ROWS_PER_MESSAGE = 1000;
/** Valid rows not yet sent, by request id. */
const outgoing = new Map();

function sendRows(id) {
  const left = outgoing.get(id);
  if (!left) return;
  const rows = left.rows.slice(left.at, left.at + ROWS_PER_MESSAGE);
  left.at += rows.length;
  const more = left.at < left.rows.length;
  if (!more) outgoing.delete(id);
  parentPort.postMessage({ id, rows, more });
}

// `analyse`: also the row checks of an import (seconds for a year's ledger), answering the analysis
// and the sheet without its rows; the analysis's valid rows follow in batches.
parentPort.on("message", async ({ id, buffer, fileName, sheet, analyse, next }) => {
  if (next) return sendRows(id);
  try {
    const data = await readUpload(Buffer.from(buffer), fileName, sheet);
    if (!analyse) return parentPort.postMessage({ id, data });
    const analysis = analyseSheet(data, analyse);
    outgoing.set(id, { rows: analysis.valid, at: 0 });
    parentPort.postMessage({ id, data: { ...data, rows: [] }, analysis: { ...analysis, valid: [] }, more: true });
  } catch (error) {
    const e = error ?? {};
    parentPort.postMessage({
      id,
      error: { name: e.name, message: String(e.message ?? e), code: e.code, messageKey: e.messageKey, params: e.params, field: e.field },
    });
  }
});
