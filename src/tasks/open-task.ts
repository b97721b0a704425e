// Use case: open a task for a role or a person, in the caller's transaction (the change that needs it).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface NewTask {
  title: string;
  orderNo: string | null;
  assigneeRole: string | null;
  /** A person (user name) when the task is theirs, not only their role's. */
  assigneeUser?: string | null;
  createdBy: string;
}

export async function openTask(tx: Transaction<DB> | Kysely<DB>, task: NewTask): Promise<number> {
  const row = await tx
    .insertInto("tasks")
    .values({
      title: task.title,
      order_no: task.orderNo,
      assignee_role: task.assigneeRole,
      assignee_user: task.assigneeUser ?? null,
      mentions: [],
      due_at: null,
      rule_id: null,
      rule_version: null,
      created_by: task.createdBy,
      done_by: null,
      done_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
