// Use case: close a task because what it asked for was done elsewhere (a quote approved on the quote
// screen), in the caller's transaction; a task already closed is left as it is.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export async function closeTask(tx: Transaction<DB> | Kysely<DB>, id: number, by: { actor: string; note: string; outcome?: "approve" | "reject" }) {
  await tx
    .updateTable("tasks")
    .set({ status: "done", done_by: by.actor, done_at: new Date(), done_note: by.note, outcome: by.outcome ?? null })
    .where("id", "=", id)
    .where("status", "=", "open")
    .execute();
}
