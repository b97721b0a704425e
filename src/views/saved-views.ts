// Use cases of saved views: my views and those shared with me; save one (same name replaces it);
// delete one of mine (admin: any).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import type { SaveViewRequest } from "./schemas.js";

type Row = { id: number; list: string; name: string; owner: string; shared: boolean; filter: unknown; updated_at: Date };

const view = (principal: Principal) => (r: Row) => ({
  id: r.id,
  list: r.list,
  name: r.name,
  owner: r.owner,
  shared: r.shared,
  mine: r.owner === principal.name,
  filter: r.filter as Record<string, unknown>,
  updatedAt: r.updated_at.toISOString(),
});

export async function listViews(db: Kysely<DB>, principal: Principal, list: string) {
  const rows = await db
    .selectFrom("saved_views")
    .select(["id", "list", "name", "owner", "shared", "filter", "updated_at"])
    .where("list", "=", list)
    .where((eb) => eb.or([eb("owner", "=", principal.name), eb("shared", "=", true)]))
    .orderBy("name")
    .execute();
  return rows.map(view(principal));
}

export async function saveView(db: Kysely<DB>, principal: Principal, request: SaveViewRequest) {
  const row = await db
    .insertInto("saved_views")
    .values({ owner: principal.name, list: request.list, name: request.name, filter: JSON.stringify(request.filter), shared: request.shared })
    .onConflict((oc) =>
      oc.columns(["owner", "list", "name"]).doUpdateSet({ filter: JSON.stringify(request.filter), shared: request.shared, updated_at: new Date() }),
    )
    .returning(["id", "list", "name", "owner", "shared", "filter", "updated_at"])
    .executeTakeFirstOrThrow();
  return view(principal)(row);
}

export async function deleteView(db: Kysely<DB>, principal: Principal, id: number) {
  const row = await db.selectFrom("saved_views").select(["owner"]).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("view.not_found", { id }, "id");
  if (row.owner !== principal.name && !principal.roles.includes("admin")) throw new AppError("forbidden", "view.not_yours", { id, owner: row.owner });
  await db.deleteFrom("saved_views").where("id", "=", id).execute();
}
