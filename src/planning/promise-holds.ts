// Use cases: hold a promise given on the phone (frePPLe's quote). The date is booked in the plan state
// every promise is made on (capacity and material) for `hours`, so later promises see it, and booked
// again whenever that state is rebuilt while the hold is in force. It is released by hand or expires by
// itself (read lazily: a hold released or past its expiry changes the state's key, and the rebuilt state
// no longer books it), or is converted into an order once (intake/convert-promise-hold.ts), which takes
// over the booking with the held date.
import type { Kysely, Transaction } from "kysely";
import { dayFromNumber } from "../calendar/model/dates.js";
import type { Principal } from "../core/auth/principal.js";
import { now, plantToday } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound, refused } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { readIntakeContext } from "../orders/intake-context.js";
import { buildOrder, type OrderRequest } from "../orders/model/build-order.js";
import { promiseOrder } from "./model/ctp.js";
import { getPlanContext } from "./plan-state.js";
import { promiseRequest, promiseView } from "./promise-order.js";

export interface HoldRequest extends OrderRequest {
  /** How long the date is held. */
  hours: number;
}

type PlanRequest = ReturnType<typeof promiseRequest>;
interface StoredRequest {
  order: OrderRequest;
  plan: PlanRequest;
}

export async function holdPromise(db: Kysely<DB>, principal: Principal, input: HoldRequest, lang: Lang) {
  const { hours, ...request } = input;
  const ctx = await readIntakeContext(
    db,
    [request.customer],
    request.lines.map((l) => l.sku),
    plantToday(),
  );
  const built = buildOrder({ ...request, confirm: true }, ctx);
  const plan = promiseRequest(built);
  const context = await getPlanContext(db);
  // Booked in this instance's state at once; the next build of the state books it again from the table.
  const outcome = promiseOrder(context.state, plan, context.names, { commit: true });
  if (outcome.earliestN === null) throw refused("promise_hold.nothing_fits", {}, "lines");
  const heldDate = outcome.feasible && built.requested_date ? built.requested_date : dayFromNumber(outcome.earliestN);
  const at = now();
  const stored: StoredRequest = { order: request, plan };
  const row = await db
    .insertInto("promise_holds")
    .values({
      customer_code: built.customer_code,
      request: JSON.stringify(stored),
      held_date: heldDate,
      expires_at: new Date(at.getTime() + hours * 3_600_000),
      created_by: principal.name,
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { hold: holdView(row), promise: promiseView(outcome, context, lang) };
}

type HoldRow = Awaited<ReturnType<typeof findHold>> & {};

export function holdView(row: NonNullable<HoldRow>) {
  const expired = row.status === "held" && row.expires_at.getTime() <= now().getTime();
  const request = row.request as unknown as StoredRequest;
  return {
    id: Number(row.id),
    customer: row.customer_code,
    lines: request.order.lines.map((l) => ({ sku: l.sku, qty: l.qty })),
    requestedDate: request.order.requestedDate ?? null,
    heldDate: row.held_date,
    expiresAt: row.expires_at.toISOString(),
    status: expired ? ("expired" as const) : row.status,
    orderNo: row.order_no,
    createdBy: row.created_by,
  };
}

export async function findHold(db: Kysely<DB> | Transaction<DB>, id: number, lock = false) {
  return db
    .selectFrom("promise_holds")
    .selectAll()
    .where("id", "=", id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Holds still booked (held and not expired), oldest first. */
export async function listHolds(db: Kysely<DB>) {
  const rows = await db.selectFrom("promise_holds").selectAll().where("status", "=", "held").where("expires_at", ">", now()).orderBy("id").execute();
  return { holds: rows.map(holdView) };
}

/**
 * Ends a hold, in the caller's transaction: released by hand, or converted (the order's number added once
 * it exists). Refused when already decided or expired; the plan state forgets it.
 */
export async function decideHold(tx: Transaction<DB>, principal: Principal, id: number, status: "released" | "converted") {
  const row = await findHold(tx, id, true);
  if (!row) throw notFound("promise_hold.not_found", { id }, "id");
  if (row.status !== "held") throw new AppError("conflict", "promise_hold.decided", { id, status: row.status }, "id");
  if (row.expires_at.getTime() <= now().getTime()) throw refused("promise_hold.expired", { id, expiresAt: row.expires_at.toISOString() }, "id");
  const updated = await tx
    .updateTable("promise_holds")
    .set({ status, decided_by: principal.name, decided_at: now() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row: updated, order: (row.request as unknown as StoredRequest).order };
}

export async function releaseHold(db: Kysely<DB>, principal: Principal, id: number) {
  const { row } = await db.transaction().execute((tx) => decideHold(tx, principal, id, "released"));
  return holdView(row);
}
