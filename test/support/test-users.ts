// The demo roles' users, with one known password, are part of the migrated test templates: hashing eight
// passwords with argon2 for every test file cost more CPU than most of the files' own tests.
import type { Kysely } from "kysely";
import { DEMO_USERS } from "../../src/core/auth/roles.js";
import { upsertUser } from "../../src/core/auth/store.js";
import type { DB } from "../../src/core/db/schema.js";

export const TEST_PASSWORD = "test-password";

export async function addTestUsers(db: Kysely<DB>) {
  for (const user of DEMO_USERS) await upsertUser(db, { ...user, password: TEST_PASSWORD });
}
