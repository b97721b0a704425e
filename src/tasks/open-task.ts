// Use case: open a task for a role or a person, in the caller's transaction (the change that needs it).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface NewTask {
  title: string;
  orderNo: string | null;
  assigneeRole: string | null;
  createdBy: string;
  /** A person rather than (or as well as) a role, people to mention, a due time, the rule that asked. */
  assigneeUser?: string | null;
  mentions?: string[];
  dueAt?: Date | null;
  rule?: { id: number; version: number } | null;
}

export async function openTask(tx: Transaction<DB> | Kysely<DB>, task: NewTask): Promise<number> {
  const row = await tx
    .insertInto("tasks")
    .values({
      title: task.title,
      order_no: task.orderNo,
      assignee_role: task.assigneeRole,
      assignee_user: task.assigneeUser ?? null,
      mentions: task.mentions ?? [],
      due_at: task.dueAt ?? null,
      rule_id: task.rule?.id ?? null,
      rule_version: task.rule?.version ?? null,
      created_by: task.createdBy,
      done_by: null,
      done_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
