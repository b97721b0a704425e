// Use cases of users and roles administration (admin only): list, add, change display name, roles,
// active flag or password. A password is stored only as its argon2 hash; resetting it or deactivating
// the user ends their sessions; the last active admin cannot be removed. Each change is logged as a
// master-data change (never the password itself).
import { type Kysely, sql } from "kysely";
import { assertStrongPassword } from "../core/auth/password-policy.js";
import { hashPassword } from "../core/auth/secrets.js";
import type { DB, UsersTable } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { recordMasterChange } from "../customers/store.js";
import { removesLastAdmin } from "./model.js";

type Row = Pick<UsersTable, "username" | "display_name" | "roles"> & { active: boolean; created_at: Date };
const COLUMNS = ["username", "display_name", "roles", "active", "created_at"] as const;

const view = (u: Row) => ({ username: u.username, displayName: u.display_name, roles: u.roles, active: u.active, createdAt: u.created_at.toISOString() });

export async function listUsers(db: Kysely<DB>) {
  const rows = await db.selectFrom("users").select(COLUMNS).orderBy("username").execute();
  return { users: rows.map(view) };
}

/** Who made a change, for the master-data log. */
export interface Actor {
  name: string;
  roles: string[];
}

export async function createUser(
  db: Kysely<DB>,
  input: { username: string; displayName: string; roles: string[]; password: string; active?: boolean },
  actor?: Actor,
) {
  assertStrongPassword(input.password, [input.username, input.displayName]);
  const password_hash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("users")
      .values({ username: input.username, display_name: input.displayName, roles: input.roles, password_hash, active: input.active ?? true })
      .onConflict((oc) => oc.column("username").doNothing())
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row) throw new AppError("conflict", "users.exists", { username: input.username }, "username");
    if (actor) {
      const created = { displayName: row.display_name, roles: row.roles, active: row.active };
      await recordMasterChange(tx, { entity: "user", key: row.username, actor: actor.name, roles: actor.roles, data: { created } });
    }
    return view(row);
  });
}

export async function updateUser(
  db: Kysely<DB>,
  username: string,
  change: { displayName?: string; roles?: string[]; active?: boolean; password?: string },
  actor?: Actor,
) {
  if (change.password !== undefined) assertStrongPassword(change.password, [username, change.displayName ?? ""]);
  // Hash outside the transaction: argon2 is slow on purpose, and locks should not wait for it.
  const password_hash = change.password === undefined ? undefined : await hashPassword(change.password);
  return db.transaction().execute(async (tx) => {
    // Lock the active admins (and the user) so two admins removing each other cannot both succeed.
    const admins = await tx
      .selectFrom("users")
      .select(["username", "roles", "active"])
      .where("active", "=", true)
      .where(sql<boolean>`'admin' = any(roles)`)
      .orderBy("id")
      .forUpdate()
      .execute();
    const before = await tx
      .selectFrom("users")
      .select(["id", ...COLUMNS])
      .where("username", "=", username)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("users.not_found", { username }, "username");
    const after = { username, roles: change.roles ?? before.roles, active: change.active ?? before.active };
    if (removesLastAdmin(admins, before, after)) {
      throw new AppError("business_rule", "users.last_admin", { username }, change.active === false && !change.roles ? "active" : "roles");
    }
    const row = await tx
      .updateTable("users")
      .set({
        ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
        ...(change.roles !== undefined ? { roles: change.roles } : {}),
        ...(change.active !== undefined ? { active: change.active } : {}),
        ...(password_hash !== undefined ? { password_hash } : {}),
      })
      .where("id", "=", before.id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    // A new password or a deactivated account signs the person out everywhere.
    if (password_hash !== undefined || change.active === false) await tx.deleteFrom("sessions").where("user_id", "=", before.id).execute();
    if (actor) {
      const diff: Record<string, unknown> = {};
      if (row.display_name !== before.display_name) diff.displayName = { from: before.display_name, to: row.display_name };
      if (JSON.stringify(row.roles) !== JSON.stringify(before.roles)) diff.roles = { from: before.roles, to: row.roles };
      if (row.active !== before.active) diff.active = { from: before.active, to: row.active };
      if (password_hash !== undefined) diff.password = "reset";
      if (Object.keys(diff).length) await recordMasterChange(tx, { entity: "user", key: username, actor: actor.name, roles: actor.roles, data: diff });
    }
    return view(row);
  });
}
