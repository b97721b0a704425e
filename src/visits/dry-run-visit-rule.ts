// Dry-run of a visit.recorded rule: what it would have matched and done for the service visits made
// between two days, each seen as when it was recorded. Reads only.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { loadEquipment } from "../equipment/get-equipment.js";
import { judge } from "../rules/judge-order.js";
import type { ActiveRule } from "../rules/model/definition.js";
import { planVisitEffects } from "./model/plan-visit-effects.js";
import { visitFacts } from "./model/visit-facts.js";

const MAX_VISITS = 50_000;

export async function dryRunVisitRule(db: Kysely<DB>, rule: ActiveRule, range: { from: string; to: string }) {
  const visits = await db
    .selectFrom("service_visits")
    .selectAll()
    .where("visited_on", ">=", range.from)
    .where("visited_on", "<=", range.to)
    .orderBy("id")
    .limit(MAX_VISITS)
    .execute();
  const ids = visits.map((v) => v.id);
  // A dry-run reads a few hundred visits at most: one look-up per unit keeps it simple.
  const units = new Map(await Promise.all([...new Set(visits.map((v) => v.serial))].map(async (serial) => [serial, await loadEquipment(db, serial)] as const)));
  const codes = [...new Set([...units.values()].map((u) => u.customer_code))];
  const customers = codes.length
    ? await db.selectFrom("customers").select(["code", "grade", "credit_limit", "open_receivables"]).where("code", "in", codes).execute()
    : [];
  const customerOf = new Map(customers.map((c) => [c.code, c]));
  const parts = ids.length ? await db.selectFrom("visit_parts").select(["visit_id", "sku", "qty"]).where("visit_id", "in", ids).execute() : [];
  const partsOf = new Map<number, { sku: string; qty: number }[]>();
  for (const p of parts) partsOf.set(p.visit_id, [...(partsOf.get(p.visit_id) ?? []), { sku: p.sku, qty: p.qty }]);
  const earlier = new Map<string, number>();
  const matches = [];
  for (const v of visits) {
    const previous = earlier.get(v.serial) ?? 0;
    earlier.set(v.serial, previous + 1);
    const unit = units.get(v.serial)!;
    const facts = visitFacts(
      { id: v.id, engineer: v.engineer, notes: v.notes, parts: partsOf.get(v.id) ?? [] },
      unit,
      customerOf.get(unit.customer_code)!,
      previous,
      v.visited_on,
    );
    const { matched, plan } = judge([rule], facts, (m, f) => planVisitEffects(m, f, () => "(new)"));
    if (!matched.length) continue;
    matches.push({
      visitId: v.id,
      serial: v.serial,
      orderNo: unit.order_no,
      customer: unit.customer_code,
      visitedOn: v.visited_on,
      actions: plan.log.map((l) => ({ type: l.type, detail: l.detail })),
    });
  }
  return { visitsExamined: visits.length, ordersExamined: 0, matched: matches.length, matches };
}
