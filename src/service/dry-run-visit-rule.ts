// Dry-run of a visit.recorded rule: what it would have matched and done for the service visits made
// between two days, each seen as when it was recorded. Reads only.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { matchRules } from "../rules/active-rules.js";
import type { ActiveRule } from "../rules/model/definition.js";
import type { OrderFacts } from "../rules/model/facts.js";
import { planVisitEffects } from "./model/plan-visit-effects.js";
import { visitFacts } from "./model/visit-facts.js";

const MAX_VISITS = 50_000;

export async function dryRunVisitRule(db: Kysely<DB>, rule: ActiveRule, range: { from: string; to: string }) {
  const visits = await db
    .selectFrom("service_visits")
    .innerJoin("equipment", "equipment.serial", "service_visits.serial")
    .innerJoin("items", "items.sku", "equipment.sku")
    .innerJoin("customers", "customers.code", "equipment.customer_code")
    .select([
      "service_visits.id",
      "service_visits.serial",
      "service_visits.visited_on",
      "service_visits.engineer",
      "service_visits.notes",
      "equipment.sku",
      "items.family",
      "equipment.installed_on",
      "equipment.warranty_until",
      "equipment.source",
      "equipment.order_no",
      "customers.code",
      "customers.grade",
      "customers.credit_limit",
      "customers.open_receivables",
    ])
    .where("service_visits.visited_on", ">=", range.from)
    .where("service_visits.visited_on", "<=", range.to)
    .orderBy("service_visits.id")
    .limit(MAX_VISITS)
    .execute();
  const ids = visits.map((v) => v.id);
  const parts = ids.length ? await db.selectFrom("visit_parts").select(["visit_id", "sku", "qty"]).where("visit_id", "in", ids).execute() : [];
  const partsOf = new Map<number, { sku: string; qty: number }[]>();
  for (const p of parts) partsOf.set(p.visit_id, [...(partsOf.get(p.visit_id) ?? []), { sku: p.sku, qty: p.qty }]);
  const earlier = new Map<string, number>();
  const matches = [];
  for (const v of visits) {
    const previous = earlier.get(v.serial) ?? 0;
    earlier.set(v.serial, previous + 1);
    const facts = visitFacts(
      { id: v.id, engineer: v.engineer, notes: v.notes, parts: partsOf.get(v.id) ?? [] },
      v,
      { code: v.code, grade: v.grade, credit_limit: v.credit_limit, open_receivables: v.open_receivables },
      previous,
      v.visited_on,
    );
    const matched = matchRules([rule], facts as unknown as OrderFacts);
    if (!matched.length) continue;
    const plan = planVisitEffects(matched, facts, () => "(new)");
    matches.push({
      visitId: v.id,
      serial: v.serial,
      orderNo: v.order_no,
      customer: v.code,
      visitedOn: v.visited_on,
      actions: plan.log.map((l) => ({ type: l.type, detail: l.detail })),
    });
  }
  return { visitsExamined: visits.length, ordersExamined: 0, matched: matches.length, matches };
}
