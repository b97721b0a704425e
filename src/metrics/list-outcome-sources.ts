// Use cases: the orders, deliveries, changes and disagreements behind each outcome figure (drill-down).
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { type DisagreementCause, disagreements } from "./agreement-store.js";
import { masterChanges } from "./autonomy-store.js";
import { deliveryRows } from "./delivery-store.js";
import { dwellSamples, stuckOrders } from "./dwell-store.js";
import { classifyChange } from "./model/autonomy.js";
import type { Period } from "./model/period.js";
import { DWELL_KEYS, parseDwellKey } from "./model/stages.js";
import { roundHours } from "./model/stats.js";
import { refreshOutcomeSummaries } from "./refresh-summaries.js";

export interface Page {
  limit: number;
  offset: number;
}

export async function listDwellOrders(db: Kysely<DB>, period: Period, stage: string, page: Page) {
  const key = parseDwellKey(stage);
  if (!key) throw new AppError("invalid", "metrics.unknown_stage", { field: "stage", stage, allowed: DWELL_KEYS.join(", ") }, "stage");
  await refreshOutcomeSummaries(db);
  const rows = await dwellSamples(db, period, key.kind === "stage" ? key.stage.key : `status:${key.status}`, page);
  return {
    period: { from: period.from, to: period.to },
    stage,
    total: rows[0]?.total ?? 0,
    orders: rows.map((r) => ({
      orderNo: r.order_no,
      customer: r.customer_code,
      grade: r.grade,
      rush: r.rush,
      startedAt: r.started_at.toISOString(),
      doneAt: r.done_at.toISOString(),
      hours: roundHours(r.hours),
      heldHours: roundHours(r.held_hours),
    })),
  };
}

export async function listStuckOrders(db: Kysely<DB>, now: Date, filter: { status?: string; limit: number }) {
  await refreshOutcomeSummaries(db);
  const rows = await stuckOrders(db, filter.limit, filter.status);
  return {
    orders: rows.map((r) => ({
      orderNo: r.order_no,
      status: r.status,
      customer: r.customer_code,
      grade: r.grade,
      rush: r.rush,
      since: r.since.toISOString(),
      hours: roundHours((now.getTime() - r.since.getTime()) / 3_600_000),
    })),
  };
}

export async function listDeliveries(db: Kysely<DB>, period: Period, filter: { customer?: string; family?: string; month?: string; late?: boolean } & Page) {
  const rows = await deliveryRows(db, period, filter);
  return {
    period: { from: period.from, to: period.to },
    total: rows[0]?.total ?? 0,
    orders: rows.map((r) => ({
      source: r.source,
      orderNo: r.order_no,
      customer: r.customer_code,
      deliveredOn: r.delivered_day,
      promisedDate: r.promised_date,
      requestedDate: r.requested_date,
      dueDate: r.due_date,
      families: r.families,
      onTime: r.on_time,
      onTimePromised: r.on_time_promised,
      onTimeRequested: r.on_time_requested,
    })),
  };
}

export async function listMasterChanges(db: Kysely<DB>, period: Period, filter: { entity?: string } & Page) {
  const rows = await masterChanges(db, period, filter);
  return {
    period: { from: period.from, to: period.to },
    total: Number(rows[0]?.total ?? 0),
    changes: rows.map((r) => ({
      id: r.id,
      entity: r.entity,
      key: r.entity_key,
      actor: r.actor,
      roles: r.actor_roles,
      class: classifyChange(r.actor, r.actor_roles),
      at: r.at.toISOString(),
      change: r.change,
    })),
  };
}

export async function listDisagreements(db: Kysely<DB>, filter: { cause?: DisagreementCause; created?: Period } & Page) {
  await refreshOutcomeSummaries(db);
  const rows = await disagreements(db, filter);
  return { disagreements: rows.map((d) => ({ orderNo: d.order_no, cause: d.cause, status: d.status, detail: d.detail })) };
}
