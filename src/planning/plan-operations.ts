// Reads of the current plan's operations, for the shop floor (dispatch lists, work-order release) and
// the order page: planning's exported queries over plan_operations and plan_orders.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;

export async function currentRunInfo(db: Db) {
  return db
    .selectFrom("plan_status")
    .innerJoin("plan_runs", "plan_runs.id", "plan_status.current_run")
    .select(["plan_runs.id", "plan_runs.finished_at", "plan_runs.today"])
    .where("plan_status.id", "=", 1)
    .executeTakeFirst();
}

/** The current plan's operations, by order or by work centre, in plan order (planned start). */
export async function currentPlanOperations(db: Db, filter: { orderNos?: string[]; workCentre?: string }) {
  const run = await currentRunInfo(db);
  if (!run) return { run: null, operations: [] };
  const operations = await db
    .selectFrom("plan_operations")
    .select(["order_no", "job", "sku", "seq", "work_centre", "operation_id", "hours", "planned_start", "planned_end"])
    .where("run_id", "=", run.id)
    .$if(filter.orderNos !== undefined, (q) => q.where("order_no", "in", filter.orderNos?.length ? filter.orderNos : [""]))
    .$if(filter.workCentre !== undefined, (q) => q.where("work_centre", "=", filter.workCentre ?? ""))
    .orderBy("planned_start")
    .orderBy("order_no")
    .orderBy("seq")
    .execute();
  return { run, operations };
}

/** Per order of the current plan: planned finish, lateness and the day its materials are there. */
export async function currentPlanOrders(db: Db, orderNos: string[]) {
  const run = await currentRunInfo(db);
  if (!run || !orderNos.length) return new Map<string, { plannedDate: string; late: boolean; materialReady: string; dueDate: string | null }>();
  const rows = await db
    .selectFrom("plan_orders")
    .select(["order_no", "planned_date", "late", "material_ready", "due_date"])
    .where("run_id", "=", run.id)
    .where("order_no", "in", orderNos)
    .execute();
  return new Map(rows.map((r) => [r.order_no, { plannedDate: r.planned_date, late: r.late, materialReady: r.material_ready, dueDate: r.due_date }]));
}
