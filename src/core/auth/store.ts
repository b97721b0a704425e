// SQL for users, sessions and API tokens.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Principal } from "./principal.js";
import { isRole, type Role } from "./roles.js";
import { hashPassword, newToken, tokenHash } from "./secrets.js";

const toRoles = (roles: string[]): Role[] => roles.filter(isRole);

export async function findUserForLogin(db: Kysely<DB>, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).where("active", "=", true).executeTakeFirst();
}

export async function upsertUser(db: Kysely<DB>, user: { username: string; displayName: string; roles: Role[]; password: string }) {
  const password_hash = await hashPassword(user.password);
  await db
    .insertInto("users")
    .values({ username: user.username, display_name: user.displayName, roles: user.roles, password_hash })
    .onConflict((oc) => oc.column("username").doUpdateSet({ password_hash, roles: user.roles, display_name: user.displayName }))
    .execute();
}

export async function createSession(db: Kysely<DB>, userId: number, hours: number): Promise<string> {
  const token = newToken("lvs");
  await db
    .insertInto("sessions")
    .values({ token_hash: tokenHash(token), user_id: userId, expires_at: new Date(Date.now() + hours * 3600_000) })
    .execute();
  return token;
}

export async function deleteSession(db: Kysely<DB>, token: string) {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
}

export async function principalFromSession(db: Kysely<DB>, token: string): Promise<{ principal: Principal; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.username", "users.roles", "sessions.expires_at"])
    .where("sessions.token_hash", "=", tokenHash(token))
    .where("sessions.expires_at", ">", new Date())
    .where("users.active", "=", true)
    .executeTakeFirst();
  return row && { principal: { kind: "user", id: row.id, name: row.username, roles: toRoles(row.roles) }, expiresAt: row.expires_at };
}

export async function principalFromApiToken(db: Kysely<DB>, token: string): Promise<{ principal: Principal; expiresAt: null } | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "roles"])
    .where("token_hash", "=", tokenHash(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row && { principal: { kind: "token", id: row.id, name: `token:${row.name}`, roles: toRoles(row.roles) }, expiresAt: null };
}

export async function createApiToken(db: Kysely<DB>, name: string, roles: Role[], createdBy: string): Promise<string> {
  const token = newToken("lvt");
  await db
    .insertInto("api_tokens")
    .values({ name, roles, token_hash: tokenHash(token), created_by: createdBy })
    .execute();
  return token;
}
