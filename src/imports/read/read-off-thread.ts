// Parsing a workbook is CPU work of seconds for the largest allowed upload: it runs on one worker
// thread (read-worker.mjs), in turn, so the event loop keeps answering everyone else meanwhile.
import { Worker } from "node:worker_threads";
import { AppError } from "../../core/errors.js";
import type { MessageKey } from "../../core/i18n.js";
import { type AnalyseOptions, type Analysis, analyseSheet } from "../model/analyse-sheet.js";
import type { SheetData } from "../model/sheet-data.js";
import { readUpload } from "./read-upload.js";

interface Reply {
  data: SheetData;
  analysis?: Analysis;
}

interface Pending {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = undefined;
}

function theWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./read-worker.mjs", import.meta.url));
  w.on("message", (reply: { id: number; data?: SheetData; analysis?: Analysis; error?: Record<string, unknown> }) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    // Idle, it must not keep the process alive.
    if (!pending.size) w.unref();
    if (!reply.error) return p.resolve({ data: reply.data as SheetData, analysis: reply.analysis });
    const e = reply.error;
    p.reject(
      e.name === "AppError"
        ? new AppError(e.code as never, e.messageKey as MessageKey, (e.params ?? {}) as never, e.field as string | undefined)
        : new Error(String(e.message)),
    );
  });
  w.on("error", failAll);
  w.on("exit", () => failAll(new Error("the spreadsheet reader stopped")));
  worker = w;
  return w;
}

/** Below this a file is read in place: milliseconds, less than handing it over. */
export const OFF_THREAD_BYTES = 256 * 1024;

function onWorker(buffer: Buffer, fileName: string, sheet: string | undefined, analyse?: AnalyseOptions): Promise<Reply> {
  const w = theWorker();
  w.ref();
  const id = nextId++;
  // A copy the worker can own (an upload's Buffer may be a view into a shared pool).
  const copy = new Uint8Array(buffer).buffer;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, buffer: copy, fileName, sheet, analyse }, [copy]);
  });
}

/** readUpload, on the worker thread for a file of OFF_THREAD_BYTES or more: the same answer and refusals. */
export async function readUploadOffThread(buffer: Buffer, fileName: string, sheet?: string): Promise<SheetData> {
  if (buffer.length < OFF_THREAD_BYTES) return readUpload(buffer, fileName, sheet);
  return (await onWorker(buffer, fileName, sheet)).data;
}

/** readUpload then analyseSheet, likewise; the sheet is answered without its rows (the analysis has them). */
export async function readAndAnalyseOffThread(buffer: Buffer, fileName: string, sheet: string | undefined, options: AnalyseOptions) {
  if (buffer.length < OFF_THREAD_BYTES) {
    const data = await readUpload(buffer, fileName, sheet);
    return { data, analysis: analyseSheet(data, options) };
  }
  const { kind, mapping, headerRow, year } = options;
  const reply = await onWorker(buffer, fileName, sheet, { kind, mapping, headerRow, year });
  return { data: reply.data, analysis: reply.analysis as Analysis };
}
