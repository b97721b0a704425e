// Soft ("virtual lock") and hard reservations. Stock rows are locked in sorted (sku, location)
// order with FOR NO KEY UPDATE, so concurrent batches never deadlock and never oversell:
// a request gets at most what is available at that moment, and the shortfall is reported.
import { type Kysely, sql, type Transaction } from "kysely";
import { insertUnnestTogether, type TogetherWrite, unnestPart } from "../core/db/insert-unnest.js";
import type { DB } from "../core/db/schema.js";

export interface ReservationRequest {
  orderNo: string;
  lineNo: number;
  sku: string;
  qty: number;
  kind: "soft" | "hard";
  expiresAt: Date | null;
  ruleId: number | null;
}
export interface ReservationOutcome {
  orderNo: string;
  lineNo: number;
  sku: string;
  requested: number;
  reserved: number;
}

/** Pure: spreads requests, in order, over the available quantity per location (most available first). */
export function allocate(requests: ReservationRequest[], available: Map<string, { location: string; free: number }[]>) {
  const rows: (ReservationRequest & { location: string; take: number })[] = [];
  const outcomes: ReservationOutcome[] = [];
  for (const request of requests) {
    let left = request.qty;
    for (const slot of available.get(request.sku) ?? []) {
      if (left <= 0) break;
      const take = Math.min(left, slot.free);
      if (take <= 0) continue;
      slot.free -= take;
      left -= take;
      rows.push({ ...request, location: slot.location, take });
    }
    outcomes.push({ orderNo: request.orderNo, lineNo: request.lineNo, sku: request.sku, requested: request.qty, reserved: request.qty - left });
  }
  return { rows, outcomes };
}

/**
 * Decides what each request gets and returns the writes (the balances' update and the reservation rows)
 * to run in one statement with the caller's other writes. `lock`: the stock rows are locked now, in the
 * caller's transaction (what intake and the rules write); without it they are only read (a preview).
 */
export async function planReservations(db: Kysely<DB> | Transaction<DB>, requests: ReservationRequest[], { lock }: { lock: boolean }) {
  if (!requests.length) return { outcomes: [], rows: reservationInsert([]) };
  const skus = [...new Set(requests.map((r) => r.sku))].sort();
  const read = db
    .selectFrom("inventory_balances")
    .select(["sku", "location", "on_hand", "reserved"])
    .where("sku", "in", skus)
    .orderBy("sku")
    .orderBy("location");
  const balances = await (lock ? read.forNoKeyUpdate() : read).execute();
  const available = new Map<string, { location: string; free: number }[]>();
  for (const b of balances) {
    const free = Number(b.on_hand) - Number(b.reserved);
    if (free > 0) available.set(b.sku, [...(available.get(b.sku) ?? []), { location: b.location, free }]);
  }
  for (const slots of available.values()) slots.sort((a, b) => b.free - a.free);
  const { rows, outcomes } = allocate(requests, available);
  const bySlot = new Map<string, { sku: string; location: string; qty: number }>();
  for (const r of rows) {
    const key = `${r.sku}|${r.location}`;
    const slot = bySlot.get(key) ?? { sku: r.sku, location: r.location, qty: 0 };
    slot.qty += r.take;
    bySlot.set(key, slot);
  }
  const slots = [...bySlot.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.location < b.location ? -1 : 1));
  const values = sql.join(slots.map((s) => sql`(${s.sku}::text, ${s.location}::text, ${s.qty}::numeric)`));
  const write: TogetherWrite | undefined = rows.length
    ? sql`update inventory_balances b set reserved = b.reserved + v.qty, updated_at = now()
        from (values ${values}) as v(sku, location, qty)
        where b.sku = v.sku and b.location = v.location`
    : undefined;
  return { outcomes, write, rows: reservationInsert(rows) };
}
export type PlannedReservations = Awaited<ReturnType<typeof planReservations>>;

function reservationInsert(rows: (ReservationRequest & { location: string; take: number })[]) {
  return unnestPart({
    table: "reservations",
    columns: { order_no: "text", line_no: "int", sku: "text", location: "text", qty: "numeric", kind: "text", expires_at: "timestamptz", rule_id: "bigint" },
    rows: rows.map((r) => ({
      order_no: r.orderNo,
      line_no: r.lineNo,
      sku: r.sku,
      location: r.location,
      qty: String(r.take),
      kind: r.kind,
      expires_at: r.expiresAt,
      rule_id: r.ruleId,
    })),
  });
}

export async function reserveStock(tx: Transaction<DB>, requests: ReservationRequest[]): Promise<ReservationOutcome[]> {
  const planned = await planReservations(tx, requests, { lock: true });
  if (planned.write) await insertUnnestTogether(tx, [planned.rows], [], [planned.write]);
  return planned.outcomes;
}

/** Releases active reservations (of some orders, or soft ones past expiry) and gives the stock back. */
export async function releaseReservations(tx: Transaction<DB>, filter: { orderNos?: string[]; expiredBefore?: Date }, status: "released" | "expired") {
  let query = tx.selectFrom("reservations").select(["id", "sku", "location", "qty"]).where("status", "=", "active");
  if (filter.orderNos) query = query.where("order_no", "in", filter.orderNos.length ? filter.orderNos : [""]);
  if (filter.expiredBefore) query = query.where("kind", "=", "soft").where("expires_at", "<", filter.expiredBefore);
  // Claimed rows are locked (and rows another instance is releasing skipped), so stock is given back once.
  const rows = await query.orderBy("sku").orderBy("location").forUpdate().skipLocked().execute();
  if (!rows.length) return 0;
  const values = sql.join(rows.map((r) => sql`(${r.sku}::text, ${r.location}::text, ${r.qty}::numeric)`));
  await sql`
    update inventory_balances b set reserved = greatest(b.reserved - v.qty, 0), updated_at = now()
    from (select sku, location, sum(qty) as qty from (values ${values}) as x(sku, location, qty) group by sku, location) as v
    where b.sku = v.sku and b.location = v.location`.execute(tx);
  await tx
    .updateTable("reservations")
    .set({ status, released_at: new Date() })
    .where(
      "id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  return rows.length;
}

/**
 * Gives back what a line holds above `maxQty` (its quantity went down): the newest reservations first,
 * each shortened or released, and the stock returned to its balance.
 */
export async function trimLineReservations(tx: Transaction<DB>, orderNo: string, lineNo: number, maxQty: number): Promise<number> {
  const rows = await tx
    .selectFrom("reservations")
    .select(["id", "sku", "location", "qty"])
    .where("order_no", "=", orderNo)
    .where("line_no", "=", lineNo)
    .where("status", "=", "active")
    .orderBy("id", "desc")
    .forUpdate()
    .execute();
  let over = rows.reduce((n, r) => n + Number(r.qty), 0) - maxQty;
  let given = 0;
  for (const r of rows) {
    if (over <= 0) break;
    const cut = Math.min(Number(r.qty), over);
    if (cut === Number(r.qty)) {
      await tx.updateTable("reservations").set({ status: "released", released_at: new Date() }).where("id", "=", r.id).execute();
    } else {
      await tx
        .updateTable("reservations")
        .set({ qty: String(Number(r.qty) - cut) })
        .where("id", "=", r.id)
        .execute();
    }
    await sql`update inventory_balances set reserved = greatest(reserved - ${cut}::numeric, 0), updated_at = now()
      where sku = ${r.sku} and location = ${r.location}`.execute(tx);
    over -= cut;
    given += cut;
  }
  return given;
}
