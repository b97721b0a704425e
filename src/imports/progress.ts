// How far a running import has got, for the screen that started it to poll: one entry per caller and
// progress id (chosen by the caller), kept a few minutes after the run ends. In memory on the instance
// that runs the import: the upload and the polling go to the same server.
import type { ImportPhase } from "./run-import.js";

export interface ProgressView {
  phase: ImportPhase | "done" | "failed";
  done: number;
  total: number;
  /** 0–100 over the whole run: reading, then checking, then (for a commit) writing. */
  percent: number;
}

const KEEP_MS = 5 * 60_000;
const MAX_RUNS = 1000;

/** Share of the whole run each phase ends at: a commit's time goes mostly to writing. */
const ENDS: Record<"dry" | "commit", Record<ImportPhase, number>> = {
  dry: { read: 50, check: 95, write: 95 },
  commit: { read: 20, check: 35, write: 99 },
};
const STARTS: Record<ImportPhase, "read" | "check" | null> = { read: null, check: "read", write: "check" };

export function percentOf(dryRun: boolean, phase: ImportPhase, done: number, total: number): number {
  const ends = ENDS[dryRun ? "dry" : "commit"];
  const from = STARTS[phase] ? ends[STARTS[phase]] : 0;
  const share = total > 0 ? Math.min(1, done / total) : 1;
  return Math.round(from + (ends[phase] - from) * share);
}

export class ImportProgress {
  private readonly runs = new Map<string, { view: ProgressView; endedAt?: number }>();

  constructor(private readonly now = () => Date.now()) {}

  private prune() {
    const now = this.now();
    for (const [key, run] of this.runs) if (run.endedAt !== undefined && now - run.endedAt > KEEP_MS) this.runs.delete(key);
    while (this.runs.size > MAX_RUNS) this.runs.delete(this.runs.keys().next().value as string);
  }

  /** Starts tracking a run; returns the callback the import reports to and the end of the run. */
  start(owner: string, id: string, dryRun: boolean) {
    this.prune();
    const key = `${owner}\u0000${id}`;
    const run: { view: ProgressView; endedAt?: number } = { view: { phase: "read", done: 0, total: 1, percent: 0 } };
    this.runs.set(key, run);
    return {
      report: (phase: ImportPhase, done: number, total: number) => {
        run.view = { phase, done, total, percent: Math.max(run.view.percent, percentOf(dryRun, phase, done, total)) };
      },
      end: (ok: boolean) => {
        run.view = ok ? { ...run.view, phase: "done", percent: 100 } : { ...run.view, phase: "failed" };
        run.endedAt = this.now();
      },
    };
  }

  get(owner: string, id: string): ProgressView | undefined {
    return this.runs.get(`${owner}\u0000${id}`)?.view;
  }
}
