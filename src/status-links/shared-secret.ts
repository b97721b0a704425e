// A signing key shared by every app instance: generated once in the database (the first instance to
// ask wins the insert; the others read its key), then cached per connection pool.
import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

const cache = new WeakMap<object, Map<string, Uint8Array>>();

export async function sharedSecret(db: Kysely<DB> | Transaction<DB>, name: string): Promise<Uint8Array> {
  const cached = cache.get(db)?.get(name);
  if (cached) return cached;
  await db
    .insertInto("app_secrets")
    .values({ name, secret: randomBytes(32) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db.selectFrom("app_secrets").select("secret").where("name", "=", name).executeTakeFirstOrThrow();
  const secret = new Uint8Array(row.secret);
  if (!cache.has(db)) cache.set(db, new Map());
  cache.get(db)?.set(name, secret);
  return secret;
}
