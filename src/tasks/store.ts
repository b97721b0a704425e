// SQL of tasks read by other capabilities: the open tasks of an order that gate one of its transitions.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;

/** Is the task the caller's: assigned to one of their roles or to them, or mentioning them (admin: all). */
export function isTaskFor(principal: Principal, task: { assignee_role: string | null; assignee_user: string | null; mentions: string[] }): boolean {
  return (
    principal.roles.includes("admin") ||
    task.assignee_user === principal.name ||
    (task.assignee_role !== null && principal.roles.includes(task.assignee_role as never)) ||
    task.mentions.includes(principal.name)
  );
}

/**
 * Open tasks that hold back a transition of their order (an uncleared block waits on them): reviews,
 * decided with an outcome. `orderNo`/`ids` narrow the search.
 */
export async function openReviewTasks(db: Db, filter: { orderNo?: string; ids?: number[] }) {
  if (filter.ids && !filter.ids.length) return [];
  let query = db
    .selectFrom("tasks")
    .selectAll()
    .where("status", "=", "open")
    .where("kind", "=", "task")
    .where((eb) =>
      eb.exists(
        eb.selectFrom("order_blocks").select("order_blocks.id").whereRef("order_blocks.task_id", "=", "tasks.id").where("order_blocks.cleared_at", "is", null),
      ),
    );
  if (filter.orderNo) query = query.where("order_no", "=", filter.orderNo);
  if (filter.ids) query = query.where("id", "in", filter.ids);
  return query.orderBy("id").execute();
}
