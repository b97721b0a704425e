// The demo plant's engineering change: a supplier discontinues a purchased part used by the product with
// the most open orders, engineering drafted the next BOM version with a replacement from the same family
// and raised a change notice effective in two weeks. It is in review: the orders it touches are listed,
// the earliest ones already decided ("keep"), the rest waiting for a decision. Written through the
// engineering and ECN use cases, as engineering would.
import { type Kysely, sql } from "kysely";
import { addDays } from "../calendar/model/dates.js";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { createEcn } from "../ecn/create-ecn.js";
import { decideRows } from "../ecn/decide-rows.js";
import { impactOf } from "../ecn/get-impact.js";
import { getEcnRow } from "../ecn/store.js";
import { createBomVersion } from "../engineering/create-bom-version.js";
import { bomLines } from "../engineering/store.js";

const ENGINEER: Principal = { kind: "user", id: 0, name: "engineering", roles: ["engineering"] };
const EFFECTIVE_IN_DAYS = 14;

export async function loadDemoEngineeringChange(db: Kysely<DB>, today = plantDay(new Date())) {
  if ((await db.selectFrom("ecns").select("ecn_no").limit(1).execute()).length) return { skipped: true, ecnNo: null, affected: 0 };
  // The finished product with the most open order lines pinned to the BOM version in force today.
  const candidates = await sql<{ sku: string; bom_version_id: number; n: number }>`
    select l.sku, l.bom_version_id, count(*)::int as n
      from order_lines l
      join orders o on o.order_no = l.order_no
      join items i on i.sku = l.sku
     where o.status in ('confirmed','scheduled','in_production') and l.bom_version_id is not null and i.kind = 'finished'
       and l.bom_version_id = (
         select v.id from bom_versions v
          where v.sku = l.sku and v.status <> 'draft' and v.effective_from <= ${today}
          order by v.version desc limit 1)
     group by l.sku, l.bom_version_id
     order by n desc, l.sku
     limit 10`.execute(db);
  for (const c of candidates.rows) {
    const lines = await bomLines(db, c.bom_version_id);
    const old = lines.find((l) => l.kind === "purchased");
    if (!old) continue;
    const family = await db.selectFrom("items").select("family").where("sku", "=", old.component_sku).executeTakeFirstOrThrow();
    const replacement = await db
      .selectFrom("items")
      .select(["sku", "name"])
      .where("kind", "=", "purchased")
      .where("family", "=", family.family)
      .where(
        "sku",
        "not in",
        lines.map((l) => l.component_sku),
      )
      // A part of the same kind first (a seal for a seal), by the first characters of its name.
      .orderBy(sql`left(name, 2) = ${old.name.slice(0, 2)}`, "desc")
      .orderBy("sku")
      .executeTakeFirst();
    if (!replacement) continue;
    const draft = await createBomVersion(db, ENGINEER, c.sku, {
      lines: lines.map((l) => ({
        sku: l.component_sku === old.component_sku ? replacement.sku : l.component_sku,
        qtyPer: l.qty_per,
        scrapFactor: l.scrap_factor,
        substitutes: l.substitutes,
      })),
      note: `${old.name} 停产，改用 ${replacement.name}`,
      effectiveFrom: addDays(today, EFFECTIVE_IN_DAYS),
    });
    const created = await createEcn(db, ENGINEER, {
      sku: c.sku,
      title: `${old.name}停产：改用${replacement.name}`,
      reason: `供应商通知 ${old.component_sku} 停产，库存用完为止；替代料 ${replacement.sku} 已通过来料检验。`,
      toBomVersion: draft.version,
      effectivity: "date",
      effectiveDate: addDays(today, EFFECTIVE_IN_DAYS),
      submit: true,
    });
    const ecn = (await getEcnRow(db, created.ecn_no))!;
    const { rows } = await impactOf(db, ecn);
    // Engineering has gone through the first orders with the planner; the rest wait.
    const first = rows.filter((r) => r.kind === "order_line" && r.suggested === "keep").slice(0, 2);
    if (first.length) await decideRows(db, ENGINEER, ecn.ecn_no, { rows: first.map((r) => ({ ref: r.ref, decision: "keep", owner: "planner" })) });
    return { skipped: false, ecnNo: ecn.ecn_no, affected: rows.length };
  }
  return { skipped: false, ecnNo: null, affected: 0 };
}
