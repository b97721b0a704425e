// A commit with its progress: the upload runs while the server's progress for it is polled.
import { useCallback, useRef, useState } from "react";
import { getProgress, type ImportOptions, type ImportReport, newProgressId, type Progress, runImport } from "./import-api";

const POLL_MS = 250;

export function useCommit() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const running = useRef(false);

  const commit = useCallback(async (file: File, options: ImportOptions) => {
    if (running.current) return;
    running.current = true;
    setResult(null);
    setProgress({ phase: "read", done: 0, total: 1, percent: 0 });
    const id = newProgressId();
    let finished = false;
    const poll = async () => {
      while (!finished) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const seen = await getProgress(id).catch(() => null);
        if (seen && !finished) setProgress((p) => (p && p.percent > seen.percent ? p : seen));
      }
    };
    const polling = poll();
    try {
      const report = await runImport(file, options, { dryRun: false, progress: id });
      finished = true;
      await polling;
      setProgress(await getProgress(id).catch(() => ({ phase: "done" as const, done: 1, total: 1, percent: 100 })));
      setResult(report);
      return report;
    } catch (error) {
      finished = true;
      await polling;
      setProgress((p) => ({ ...(p ?? { done: 0, total: 1, percent: 0 }), phase: "failed" }));
      throw error;
    } finally {
      running.current = false;
    }
  }, []);

  const reset = useCallback(() => {
    setProgress(null);
    setResult(null);
  }, []);

  return { progress, result, commit, reset };
}
