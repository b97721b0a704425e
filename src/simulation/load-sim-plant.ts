// The simulated plant written into an empty database as master data (work centres with their move
// times, items, one BOM and routing version per product, customers per grade, the opening stock), the
// way the demo loader writes the demo plant: before any use case runs, so nothing is there to go through.
import type { Kysely } from "kysely";
import { addDays } from "../calendar/model/dates.js";
import type { DB } from "../core/db/schema.js";
import { CENTRES, MOVE_HOURS, PARTS, simEngineering } from "./model/plant.js";

export const SIM_LOCATION = "WH";
export const SIM_GRADES = ["A", "B", "C", "D"];
export const simCustomer = (grade: string) => `SIM-${grade}`;

export async function loadSimPlant(db: Kysely<DB>, start: string) {
  const eng = simEngineering();
  const from = addDays(start, -30);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("locations").values({ code: SIM_LOCATION, name: "原材料仓" }).execute();
    await tx
      .insertInto("work_centres")
      .values(
        CENTRES.map((c) => ({
          code: c.code,
          name: c.name,
          shifts: c.shifts,
          hours_per_shift: String(c.hoursPerShift),
          parallel_units: c.parallelUnits,
          load_threshold: String(c.loadThreshold),
          move_hours: String(MOVE_HOURS[c.code] ?? 0),
        })),
      )
      .execute();
    await tx
      .insertInto("items")
      .values(
        [...eng.items.values()].map((i) => ({
          sku: i.sku,
          name: i.name,
          kind: i.kind as "finished" | "purchased",
          family: i.family,
          uom: i.kind === "finished" ? "台" : "件",
          unit_price: i.kind === "finished" ? "1200.00" : "40.00",
          lead_time_days: i.leadTimeDays,
          serialised: false,
          param_schema: JSON.stringify({}),
        })),
      )
      .execute();
    for (const [sku, bomId] of eng.currentBom) {
      const bom = await tx.insertInto("bom_versions").values({ sku, version: 1, effective_from: from }).returning("id").executeTakeFirstOrThrow();
      const lines = eng.boms.get(bomId)?.lines ?? [];
      await tx
        .insertInto("bom_lines")
        .values(lines.map((l) => ({ bom_version_id: bom.id, component_sku: l.sku, qty_per: String(l.qtyPer) })))
        .execute();
      const routing = await tx.insertInto("routing_versions").values({ sku, version: 1, effective_from: from }).returning("id").executeTakeFirstOrThrow();
      const ops = eng.routings.get(eng.currentRouting.get(sku) ?? -1)?.ops ?? [];
      await tx
        .insertInto("routing_operations")
        .values(
          ops.map((o) => ({
            routing_version_id: routing.id,
            seq: o.seq,
            work_centre: o.workCentre,
            setup_hours: String(o.setupHours),
            run_hours_per_unit: String(o.runHoursPerUnit),
          })),
        )
        .execute();
    }
    await tx
      .insertInto("customers")
      .values(SIM_GRADES.map((g) => ({ code: simCustomer(g), name: `模拟客户${g}`, grade: g, credit_limit: "100000000000", open_receivables: "0" })))
      .execute();
    await tx
      .insertInto("inventory_balances")
      .values(PARTS.map((p) => ({ sku: p.sku, location: SIM_LOCATION, on_hand: String(p.stock), reserved: "0" })))
      .execute();
  });
  return eng;
}
