// Use case: close a task with a note, @-mention people to follow up, and — for a review that holds an
// order back — decide it: approve lifts the block, reject keeps it and asks sales to settle with the
// customer, needs-input asks sales to get the customer's answer, which then goes back to review.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import type { BlockSettlement, TaskHooks } from "./hooks.js";
import { isTaskFor, openReviewTasks } from "./store.js";

export type TaskOutcome = "approve" | "reject" | "needs_input";

export interface CompleteTaskInput {
  note?: string;
  outcome?: TaskOutcome;
  /** Usernames asked to follow up: each gets a task of their own pointing back to this one. */
  mentions?: string[];
}

/** `hooks.decided`: what the decision means for the orders that waited on the task (plugged in by src/app.ts). */
export async function completeTask(db: Kysely<DB>, principal: Principal, id: number, input: CompleteTaskInput, hooks: TaskHooks) {
  return db.transaction().execute(async (tx) => {
    const task = await lockTask(tx, id);
    if (!isTaskFor(principal, task)) throw new AppError("forbidden", "task.not_yours", { id });
    if (task.status !== "open") return { id, status: task.status, orders: [] as string[] };
    const note = input.note?.trim() || null;
    const review = task.kind === "task" && (await openReviewTasks(tx, { ids: [id] })).length > 0;
    if (input.outcome && !review) throw new AppError("invalid", "task.not_a_review", { id }, "outcome");
    if ((input.outcome === "reject" || input.outcome === "needs_input") && !note) throw new AppError("invalid", "task.note_required", {}, "note");
    const people = await mentionedPeople(tx, input.mentions ?? []);

    const now = new Date();
    await tx
      .updateTable("tasks")
      .set({ status: "done", done_by: principal.name, done_at: now, done_note: note, outcome: input.outcome ?? null })
      .where("id", "=", id)
      .execute();
    const follow = (values: { title: string; role?: string | null; user?: string | null; kind?: "customer_input" }) =>
      tx
        .insertInto("tasks")
        .values({
          title: values.title,
          order_no: task.order_no,
          assignee_role: values.role ?? null,
          assignee_user: values.user ?? null,
          mentions: values.user ? [values.user] : [],
          kind: values.kind ?? "task",
          follows_task_id: id,
          created_by: principal.name,
          due_at: new Date(now.getTime() + 24 * 3_600_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow();

    const order = task.order_no ?? "";
    let settlement: BlockSettlement = { kind: "clear" };
    if (task.kind === "customer_input") {
      // The customer answered: the review that asked goes back to its reviewer.
      const asked = task.follows_task_id ? await tx.selectFrom("tasks").selectAll().where("id", "=", task.follows_task_id).executeTakeFirst() : undefined;
      const again = await follow({
        title: `工程复审：${order}（客户答复：${note ?? "—"}）`,
        role: asked?.assignee_role ?? "engineering",
        user: asked?.assignee_user ?? null,
      });
      settlement = { kind: "wait_on", taskId: again.id, reason: "等待工程复审（客户已答复）" };
    } else if (input.outcome === "reject") {
      await follow({ title: `评审驳回：${order}——${note}。请与客户确认修改或取消订单`, role: "sales" });
      settlement = { kind: "keep", reason: `工程评审驳回：${note}` };
    } else if (input.outcome === "needs_input") {
      const question = await follow({ title: `向客户确认：${order}——${note}`, role: "sales", kind: "customer_input" });
      settlement = { kind: "wait_on", taskId: question.id, reason: `等待客户补充：${note}` };
    }
    for (const person of people) await follow({ title: `请跟进：${task.title}`, user: person });
    const orders = await hooks.decided(tx, db, principal, { taskId: id, outcome: input.outcome ?? "done", note, settlement });
    await publishChange(tx, { kind: "task", action: "done", taskId: id });
    return { id, status: "done" as const, orders };
  });
}

async function lockTask(tx: Transaction<DB>, id: number) {
  const task = await tx.selectFrom("tasks").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!task) throw notFound("task.not_found", { id }, "id");
  return task;
}

async function mentionedPeople(tx: Transaction<DB>, usernames: string[]): Promise<string[]> {
  const wanted = [...new Set(usernames.map((u) => u.trim()).filter(Boolean))];
  if (!wanted.length) return [];
  const found = await tx.selectFrom("users").select("username").where("username", "in", wanted).where("active", "=", true).execute();
  const missing = wanted.filter((u) => !found.some((f) => f.username === u));
  if (missing.length) throw new AppError("invalid", "task.unknown_person", { username: missing.join(",") }, "mentions");
  return wanted;
}
