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
  /** The analysis whose valid rows are arriving in batches. */
  partial?: Reply;
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
  w.on("message", (reply: { id: number; data?: SheetData; analysis?: Analysis; rows?: Analysis["valid"]; more?: boolean; error?: Record<string, unknown> }) => {
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.more !== undefined && !reply.error) {
      // A year's valid rows take a second to receive in one message, during which the server answers
      // nobody: they come in batches, each asked for after a turn of the event loop.
      if (reply.analysis) p.partial = { data: reply.data as SheetData, analysis: reply.analysis };
      else if (p.partial?.analysis && reply.rows) for (const row of reply.rows) p.partial.analysis.valid.push(row);
      if (reply.more) return void setImmediate(() => w.postMessage({ id: reply.id, next: true }));
      pending.delete(reply.id);
      if (!pending.size) w.unref();
      return p.resolve(p.partial as Reply);
    }
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

/** The bytes as an ArrayBuffer the worker can own: the buffer's own when the caller hands it over whole. */
function movable(buffer: Buffer, handOver: boolean): ArrayBuffer {
  const whole = buffer.buffer instanceof ArrayBuffer && buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  if (handOver && whole) return buffer.buffer as ArrayBuffer;
  // A copy (an upload's Buffer may be a view into a shared pool); ArrayBuffer's slice is one memcpy, where
  // new Uint8Array(buffer) took 0.7 s over 50 MB.
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer;
}

function onWorker(buffer: Buffer, fileName: string, sheet: string | undefined, analyse?: AnalyseOptions, handOver = false): Promise<Reply> {
  const w = theWorker();
  w.ref();
  const id = nextId++;
  const copy = movable(buffer, handOver);
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

/**
 * readUpload then analyseSheet, likewise; the sheet is answered without its rows (the analysis has them).
 * `handOver`: the caller will not read the buffer again, so its memory moves to the worker uncopied (a
 * 50 MB copy held the event loop for over a second on a busy machine) and the buffer is left empty.
 */
export async function readAndAnalyseOffThread(buffer: Buffer, fileName: string, sheet: string | undefined, options: AnalyseOptions, handOver = false) {
  if (buffer.length < OFF_THREAD_BYTES) {
    const data = await readUpload(buffer, fileName, sheet);
    return { data, analysis: analyseSheet(data, options) };
  }
  const { kind, mapping, headerRow, year } = options;
  const reply = await onWorker(buffer, fileName, sheet, { kind, mapping, headerRow, year }, handOver);
  return { data: reply.data, analysis: reply.analysis as Analysis };
}
