// Use case: put what the shop floor did to an order (a report, a downtime that delays it, a
// supervisor's override, a release) on the order's timeline, in the caller's transaction, and tell
// the open boards. The status itself moves only through transition-order.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { LiveReport } from "../events/model/change.js";
import { publishChange } from "../events/publish-change.js";
import { appendEvents } from "./store.js";

export interface ProductionEvent {
  orderNo: string;
  actor: string;
  /** What happened: "report", "downtime", "override", "released", "make_up". */
  what: string;
  reason?: string | null;
  workCentre?: string;
  data: Record<string, unknown>;
  /** A report, as the open production boards list it (sent with the live change). */
  report?: LiveReport;
}

export async function recordProductionEvents(tx: Transaction<DB>, events: ProductionEvent[]) {
  await appendEvents(
    tx,
    events.map((e) => ({ orderNo: e.orderNo, actor: e.actor, kind: "production" as const, reason: e.reason ?? null, data: { what: e.what, ...e.data } })),
  );
  const first = events[0];
  if (!first) return;
  const action = first.what === "downtime" ? "downtime" : first.what === "released" ? "released" : "report";
  await publishChange(tx, {
    kind: "production",
    action,
    orderNo: events.length === 1 ? first.orderNo : undefined,
    workCentre: first.workCentre,
    ...(first.report ? { report: first.report } : {}),
  });
}
