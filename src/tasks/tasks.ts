// Use cases of tasks: list them, and complete one, lifting the order blocks that waited for it.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";

export async function listTasks(db: Kysely<DB>, principal: Principal, filter: { mine?: "0" | "1"; status?: string; orderNo?: string; limit: number }) {
  let query = db.selectFrom("tasks").selectAll();
  if (filter.mine === "1") {
    query = query.where((eb) =>
      eb.or([eb("assignee_role", "in", principal.roles), eb("assignee_user", "=", principal.name), eb(eb.val(principal.name), "=", eb.fn.any("mentions"))]),
    );
  }
  if (filter.status) query = query.where("status", "=", filter.status as "open");
  if (filter.orderNo) query = query.where("order_no", "=", filter.orderNo);
  const rows = await query.orderBy("id", "desc").limit(filter.limit).execute();
  return rows.map((t) => ({
    id: t.id,
    title: t.title,
    orderNo: t.order_no,
    assignee: { role: t.assignee_role, user: t.assignee_user },
    mentions: t.mentions,
    dueAt: t.due_at?.toISOString() ?? null,
    status: t.status,
    rule: t.rule_id ? { id: t.rule_id, version: t.rule_version } : null,
    createdBy: t.created_by,
    createdAt: t.created_at.toISOString(),
    doneBy: t.done_by,
    doneAt: t.done_at?.toISOString() ?? null,
  }));
}

export async function completeTask(db: Kysely<DB>, principal: Principal, id: number) {
  return db.transaction().execute(async (tx) => {
    const task = await tx.selectFrom("tasks").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!task) throw notFound("task.not_found", { id }, "id");
    const mine =
      principal.roles.includes("admin") ||
      task.assignee_user === principal.name ||
      (task.assignee_role !== null && principal.roles.includes(task.assignee_role as never)) ||
      task.mentions.includes(principal.name);
    if (!mine) throw new AppError("forbidden", "task.not_yours", { id });
    if (task.status === "open") {
      const now = new Date();
      await tx.updateTable("tasks").set({ status: "done", done_by: principal.name, done_at: now }).where("id", "=", id).execute();
      await tx
        .updateTable("order_blocks")
        .set({ cleared_at: now, cleared_by: principal.name })
        .where("task_id", "=", id)
        .where("cleared_at", "is", null)
        .execute();
      await publishChange(tx, { kind: "task", action: "done", taskId: id });
    }
    return { id, status: "done" as const };
  });
}

/** A task made by another capability (the shop floor's make-up proposal), in the caller's transaction. */
export async function createTask(tx: Kysely<DB>, task: { title: string; orderNo: string | null; assigneeRole: string; createdBy: string }) {
  const row = await tx
    .insertInto("tasks")
    .values({
      title: task.title,
      order_no: task.orderNo,
      assignee_role: task.assigneeRole,
      assignee_user: null,
      mentions: [],
      due_at: null,
      rule_id: null,
      rule_version: null,
      created_by: task.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
