// SQL of engineering change notices: the only place that touches ecns, ecn_lines, ecn_decisions and
// ecn_sequences; and the reads of what a change touches (order lines, work orders, stock, open supply).
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB, EcnsTable } from "../core/db/schema.js";
import type { ChangeLine } from "../engineering/model/version-diff.js";
import type { Decision } from "./model/impact.js";

type Db = Kysely<DB> | Transaction<DB>;
type Insert<T> = { [K in keyof T]?: unknown };

export async function nextEcnNo(tx: Transaction<DB>, year: number) {
  const row = await tx
    .insertInto("ecn_sequences")
    .values({ year, last_seq: 1 })
    .onConflict((oc) => oc.column("year").doUpdateSet({ last_seq: sql`ecn_sequences.last_seq + 1` }))
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return `ECN-${year}-${String(row.last_seq).padStart(4, "0")}`;
}

export async function insertEcn(
  tx: Transaction<DB>,
  ecn: Omit<
    EcnsTable,
    "created_at" | "updated_at" | "approved_by" | "approved_at" | "released_by" | "released_at" | "released_impact" | "reason" | "status"
  > & {
    reason: string;
    status: "draft" | "review";
  },
  lines: ChangeLine[],
) {
  await tx.insertInto("ecns").values(ecn).execute();
  if (lines.length) {
    await tx
      .insertInto("ecn_lines")
      .values(lines.map((l, i) => ({ ecn_no: ecn.ecn_no, line_no: i + 1, kind: l.kind, ref: l.ref, from_value: l.from, to_value: l.to })))
      .execute();
  }
}

export async function getEcnRow(db: Db, ecnNo: string, lock = false) {
  return db
    .selectFrom("ecns")
    .selectAll()
    .where("ecn_no", "=", ecnNo)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}
export type EcnRow = NonNullable<Awaited<ReturnType<typeof getEcnRow>>>;

export async function findEcnByKey(db: Db, key: string) {
  return db.selectFrom("ecns").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

export async function ecnLines(db: Db, ecnNo: string) {
  return db.selectFrom("ecn_lines").selectAll().where("ecn_no", "=", ecnNo).orderBy("line_no").execute();
}

export async function ecnDecisions(db: Db, ecnNo: string) {
  return db.selectFrom("ecn_decisions").selectAll().where("ecn_no", "=", ecnNo).orderBy("ref").execute();
}

export async function updateEcn(tx: Transaction<DB>, ecnNo: string, set: Insert<EcnsTable>) {
  await tx
    .updateTable("ecns")
    .set({ ...(set as object), updated_at: new Date() })
    .where("ecn_no", "=", ecnNo)
    .execute();
}

export async function upsertDecisions(tx: Transaction<DB>, ecnNo: string, rows: { ref: string; decision: Decision; owner: string }[], by: string) {
  if (!rows.length) return;
  await tx
    .insertInto("ecn_decisions")
    .values(rows.map((r) => ({ ecn_no: ecnNo, ref: r.ref, decision: r.decision, owner: r.owner, decided_by: by })))
    .onConflict((oc) =>
      oc.columns(["ecn_no", "ref"]).doUpdateSet((eb) => ({
        decision: eb.ref("excluded.decision"),
        owner: eb.ref("excluded.owner"),
        decided_by: eb.ref("excluded.decided_by"),
        decided_at: new Date(),
      })),
    )
    .execute();
}

export async function markDecisionsApplied(tx: Transaction<DB>, ecnNo: string, at: Date) {
  await tx.updateTable("ecn_decisions").set({ applied_at: at }).where("ecn_no", "=", ecnNo).execute();
}

export async function listEcnRows(db: Db, statuses: EcnsTable["status"]["__select__"][], limit: number) {
  return db
    .selectFrom("ecns")
    .innerJoin("items", "items.sku", "ecns.sku")
    .selectAll("ecns")
    .select("items.name as item_name")
    .where("ecns.status", "in", statuses)
    .orderBy("ecns.updated_at", "desc")
    .limit(limit)
    .execute();
}

export async function countDecisions(db: Db, ecnNos: string[]) {
  if (!ecnNos.length) return new Map<string, number>();
  const rows = await db
    .selectFrom("ecn_decisions")
    .select(["ecn_no", sql<number>`count(*)::int`.as("n")])
    .where("ecn_no", "in", ecnNos)
    .groupBy("ecn_no")
    .execute();
  return new Map(rows.map((r) => [r.ecn_no, Number(r.n)]));
}

const AFFECTED_STATUSES = ["confirmed", "scheduled", "in_production", "on_hold"] as const;

/** Open order lines of `sku` pinned to the versions a change leaves, and lines of the items that use it. */
export async function affectedOrderLines(db: Db, sku: string, fromBom: number | null, fromRouting: number | null, parents: string[]) {
  const direct = await db
    .selectFrom("order_lines as l")
    .innerJoin("orders as o", "o.order_no", "l.order_no")
    .innerJoin("customers as c", "c.code", "o.customer_code")
    .select([
      "c.name as customer_name",
      "l.order_no",
      "l.line_no",
      "l.sku",
      "l.qty",
      "l.bom_version_id",
      "l.routing_version_id",
      "o.customer_code",
      "o.status",
      "o.promised_date",
      "o.requested_date",
    ])
    .where("o.status", "in", AFFECTED_STATUSES)
    .where("l.sku", "=", sku)
    .where((eb) =>
      eb.or([
        ...(fromBom !== null ? [eb("l.bom_version_id", "=", fromBom)] : []),
        ...(fromRouting !== null ? [eb("l.routing_version_id", "=", fromRouting)] : []),
      ]),
    )
    .execute();
  const via = parents.length
    ? await db
        .selectFrom("order_lines as l")
        .innerJoin("orders as o", "o.order_no", "l.order_no")
        .innerJoin("customers as c", "c.code", "o.customer_code")
        .select([
          "c.name as customer_name",
          "l.order_no",
          "l.line_no",
          "l.sku",
          "l.qty",
          "l.bom_version_id",
          "l.routing_version_id",
          "o.customer_code",
          "o.status",
          "o.promised_date",
          "o.requested_date",
        ])
        .where("o.status", "in", AFFECTED_STATUSES)
        .where("l.sku", "in", parents)
        .execute()
    : [];
  return { direct, via };
}

/** Work orders of `sku` on these orders, with how far their operations have gone. */
export async function workOrderProgress(db: Db, orderNos: string[], sku: string) {
  if (!orderNos.length) return [];
  return db
    .selectFrom("work_orders as w")
    .leftJoin("work_order_operations as op", "op.work_order_id", "w.id")
    .select([
      "w.id",
      "w.wo_no",
      "w.order_no",
      "w.line_no",
      "w.status",
      "w.routing_version_id",
      sql<number>`coalesce(max(op.seq) filter (where op.status <> 'open' or op.actual_start is not null or op.qty_good > 0 or op.qty_scrap > 0), 0)`.as(
        "started_through",
      ),
    ])
    .where("w.order_no", "in", orderNos)
    .where("w.sku", "=", sku)
    .groupBy(["w.id", "w.wo_no", "w.order_no", "w.line_no", "w.status", "w.routing_version_id"])
    .execute();
}

export async function stockOf(db: Db, skus: string[]) {
  if (!skus.length) return [];
  return db
    .selectFrom("inventory_balances")
    .select(["sku", sql<string>`sum(on_hand)`.as("on_hand")])
    .where("sku", "in", skus)
    .groupBy("sku")
    .having(sql`sum(on_hand)`, ">", 0)
    .execute();
}

export async function openPurchasesOf(db: Db, skus: string[]) {
  if (!skus.length) return [];
  return db
    .selectFrom("supply_lines")
    .select(["ref", "sku", "qty", "expected_date"])
    .where("status", "=", "open")
    .where("kind", "=", "purchase")
    .where("sku", "in", skus)
    .orderBy("expected_date")
    .execute();
}

export async function versionNumbers(db: Db, bomIds: number[], routingIds: number[]) {
  const [boms, routings] = await Promise.all([
    bomIds.length ? db.selectFrom("bom_versions").select(["id", "version"]).where("id", "in", bomIds).execute() : [],
    routingIds.length ? db.selectFrom("routing_versions").select(["id", "version"]).where("id", "in", routingIds).execute() : [],
  ]);
  return { bom: new Map(boms.map((b) => [b.id, b.version])), routing: new Map(routings.map((r) => [r.id, r.version])) };
}
