// Whether people are taking orders in on this server just now. A batch then writes in small groups, so a
// person's order waits for at most one small group on the day's number row, and pauses after each as long
// as it worked, leaving the database half its time; otherwise it writes large groups without pausing,
// which take a surge in far faster (decision 0078). In-process only: a hint for this server's batches.
import { performance } from "node:perf_hooks";

const RECENT_MS = 2000;
const MAX_PAUSE_MS = 50;
let lastSingleAt = Number.NEGATIVE_INFINITY;

export function noteSingleOrder(): void {
  lastSingleAt = performance.now();
}

export function peopleTakingOrders(): boolean {
  return performance.now() - lastSingleAt < RECENT_MS;
}

/** After a batch's group that took `workedMs`: while people are taking orders in, as long a pause (50 ms at most). */
export async function giveWayToPeople(workedMs: number): Promise<void> {
  if (!peopleTakingOrders()) return;
  await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_PAUSE_MS, workedMs)));
}
