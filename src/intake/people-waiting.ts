// Whether people are taking orders in on this server just now. A batch then writes in small groups, so a
// person's order waits for at most one small group on the day's number row; otherwise in large ones,
// which take a surge in far faster (decision 0078). In-process only: a hint for this server's batches.
import { performance } from "node:perf_hooks";

const RECENT_MS = 2000;
let lastSingleAt = Number.NEGATIVE_INFINITY;

export function noteSingleOrder(): void {
  lastSingleAt = performance.now();
}

export function peopleTakingOrders(): boolean {
  return performance.now() - lastSingleAt < RECENT_MS;
}
