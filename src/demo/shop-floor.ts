// The demo plant's shop floor: orders scheduled or in production get their work orders, and those in
// production have reported work — some first operations finished, others part done with some scrap,
// one machine down — so dispatch lists and the production board show a plant at work. Written through
// the production use cases (as the shop floor would), then re-planned from those actuals.
import type { Kysely } from "kysely";
import { type Principal, SYSTEM } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { replan } from "../planning/replan.js";
import { recordDowntime } from "../production/record-downtime.js";
import { releaseWorkOrders } from "../production/release-work-orders.js";
import { reportOperation } from "../production/report-operation.js";

const FOREMAN: Principal = { kind: "user", id: 0, name: "production", roles: ["production"] };
const OPERATORS = ["张师傅", "李明", "王芳", "陈刚", "刘洋"];
const REASONS = ["尺寸超差", "外观不良", "功能不良"];

/** A stable number from a text (the demo is the same for the same orders). */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export async function loadDemoShopFloor(db: Kysely<DB>, options: { maxOrders?: number } = {}) {
  const existing = await db.selectFrom("work_orders").select("id").limit(1).execute();
  if (existing.length) return { skipped: true, released: 0, reports: 0 };
  await replan(db, SYSTEM.name, "start");
  const released = await releaseWorkOrders(db, SYSTEM);
  const running = await db
    .selectFrom("work_orders as w")
    .innerJoin("orders as o", "o.order_no", "w.order_no")
    .select(["w.id", "w.order_no", "w.qty"])
    .where("o.status", "=", "in_production")
    .where("w.parent_id", "is", null)
    .orderBy("w.order_no")
    .limit(options.maxOrders ?? 60)
    .execute();
  let reports = 0;
  const report = async (operationId: number, body: Parameters<typeof reportOperation>[3], key: string) => {
    await reportOperation(db, FOREMAN, operationId, body, `demo-${operationId}-${key}`);
    reports++;
  };
  for (const wo of running) {
    const ops = await db.selectFrom("work_order_operations").select(["id", "seq"]).where("work_order_id", "=", wo.id).orderBy("seq").execute();
    if (!ops.length) continue;
    const h = hash(wo.order_no);
    const operator = OPERATORS[h % OPERATORS.length];
    const scrap = h % 4 === 0 && wo.qty >= 20 ? Math.max(1, Math.round(wo.qty * 0.03)) : 0;
    const scrapReason = REASONS[h % REASONS.length];
    const first = ops[0].id;
    await report(first, { kind: "start", operator, setupMinutes: 20 + (h % 40) }, "start");
    if (h % 3 === 0 && ops.length > 1) {
      // First operation done, the next one started on part of it.
      const good = wo.qty - scrap;
      await report(first, { kind: "finish", good, scrap, ...(scrap ? { scrapReason } : {}), operator }, "finish");
      await report(ops[1].id, { kind: "start", operator: OPERATORS[(h + 1) % OPERATORS.length] }, "start");
      const part = Math.floor(good / 2);
      if (part > 0) await report(ops[1].id, { kind: "pause", good: part, operator: OPERATORS[(h + 1) % OPERATORS.length] }, "part");
    } else {
      // Part of the first operation reported good, some scrapped.
      const part = Math.min(wo.qty - scrap, Math.max(1, Math.floor((wo.qty * (30 + (h % 50))) / 100)));
      await report(first, { kind: "pause", good: part, scrap, ...(scrap ? { scrapReason } : {}), operator }, "part");
    }
  }
  // One machine down on the busiest centre with released work.
  const busiest = await db
    .selectFrom("work_order_operations")
    .select(["work_centre", db.fn.countAll<string>().as("n")])
    .where("status", "<>", "done")
    .groupBy("work_centre")
    .orderBy("n", "desc")
    .executeTakeFirst();
  if (busiest) {
    const from = new Date(Date.now() - 45 * 60_000);
    await recordDowntime(db, FOREMAN, busiest.work_centre, { unit: 1, from: from.toISOString(), reason: "主轴异响，等待维修" });
  }
  await replan(db, SYSTEM.name, "change");
  return { skipped: false, released: released.length, reports };
}
