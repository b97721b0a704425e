// Use cases of tasks: list them (mine: my roles', mine, or mentioning me), with who they are for by name,
// whether they are a review that decides an order's next step, and the note of the task they follow.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { openReviewTasks } from "./store.js";

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
  const reviews = new Set((await openReviewTasks(db, { ids: rows.filter((t) => t.status === "open").map((t) => t.id) })).map((t) => t.id));
  const followed = rows.map((t) => t.follows_task_id).filter((n): n is number => n !== null);
  const earlier = followed.length ? await db.selectFrom("tasks").select(["id", "title", "done_by", "done_note"]).where("id", "in", followed).execute() : [];
  const names = await displayNames(
    db,
    rows.flatMap((t) => [t.assignee_user, t.done_by, t.created_by, ...earlier.map((e) => e.done_by)]),
  );
  const person = (username: string | null) => (username ? { username, displayName: names.get(username) ?? username } : null);
  return rows.map((t) => {
    const before = earlier.find((e) => e.id === t.follows_task_id);
    return {
      id: t.id,
      title: t.title,
      orderNo: t.order_no,
      assignee: { role: t.assignee_role, user: t.assignee_user, person: person(t.assignee_user) },
      mentions: t.mentions,
      dueAt: t.due_at?.toISOString() ?? null,
      status: t.status,
      kind: t.kind,
      review: reviews.has(t.id),
      rule: t.rule_id ? { id: t.rule_id, version: t.rule_version } : null,
      createdBy: t.created_by,
      createdByPerson: person(t.created_by),
      createdAt: t.created_at.toISOString(),
      doneBy: t.done_by,
      doneByPerson: person(t.done_by),
      doneAt: t.done_at?.toISOString() ?? null,
      doneNote: t.done_note,
      outcome: t.outcome,
      follows: before ? { id: before.id, title: before.title, note: before.done_note, by: person(before.done_by) } : null,
    };
  });
}

/** The people a task can be handed to or mention: active users by display name. */
export async function listPeople(db: Kysely<DB>) {
  const rows = await db.selectFrom("users").select(["username", "display_name", "roles"]).where("active", "=", true).orderBy("username").execute();
  return rows.map((u) => ({ username: u.username, displayName: u.display_name, roles: u.roles }));
}

async function displayNames(db: Kysely<DB>, usernames: (string | null)[]) {
  const wanted = [...new Set(usernames.filter((u): u is string => !!u))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.selectFrom("users").select(["username", "display_name"]).where("username", "in", wanted).execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}
