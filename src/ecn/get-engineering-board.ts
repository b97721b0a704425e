// Use case: engineering's board: review tasks of non-standard orders, change notices in progress with
// the rows still waiting for a decision, and the recent releases.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { impactOf } from "./get-impact.js";
import { listEcnRows } from "./store.js";

const RECENT = 10;

export async function getEngineeringBoard(db: Kysely<DB>) {
  const [open, recent, tasks] = await Promise.all([
    listEcnRows(db, ["draft", "review", "approved"], 50),
    listEcnRows(db, ["released", "closed"], RECENT),
    db
      .selectFrom("tasks")
      .leftJoin("orders", "orders.order_no", "tasks.order_no")
      .select(["tasks.id", "tasks.title", "tasks.order_no", "tasks.due_at", "tasks.assignee_user", "orders.customer_code"])
      .where("tasks.status", "=", "open")
      .where("tasks.assignee_role", "=", "engineering")
      .orderBy("tasks.due_at", (ob) => ob.asc().nullsLast())
      .limit(50)
      .execute(),
  ]);
  const inProgress = [];
  for (const e of open) {
    const impact = await impactOf(db, e);
    inProgress.push({
      ecnNo: e.ecn_no,
      title: e.title,
      sku: e.sku,
      itemName: e.item_name,
      status: e.status,
      effectiveDate: e.effective_date,
      affected: impact.rows.length,
      undecided: impact.undecided.length,
      waiting: impact.rows
        .filter((r) => r.decision === null)
        .slice(0, 20)
        .map((r) => ({
          ref: r.ref,
          kind: r.kind,
          suggested: r.suggested,
          due: r.kind === "order_line" ? r.due : null,
          stage: r.kind === "order_line" ? r.stage : null,
        })),
    });
  }
  return {
    reviewTasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      orderNo: t.order_no,
      customer: t.customer_code,
      dueAt: t.due_at ? t.due_at.toISOString() : null,
    })),
    inProgress,
    recent: recent.map((e) => ({
      ecnNo: e.ecn_no,
      title: e.title,
      sku: e.sku,
      itemName: e.item_name,
      status: e.status,
      releasedBy: e.released_by,
      releasedAt: e.released_at ? e.released_at.toISOString() : null,
    })),
  };
}
