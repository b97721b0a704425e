// Every instance caches who a session or API token is (src/core/auth/principal-cache.ts); a sign-out,
// a deactivated account, a role change or a revoked token anywhere tells every instance to forget.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_auth_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('lvyue_auth', tg_table_name);
      return null;
    end $$;
    create trigger sessions_auth_change after update or delete or truncate on sessions for each statement execute function notify_auth_change();
    create trigger users_auth_change after update or delete or truncate on users for each statement execute function notify_auth_change();
    create trigger api_tokens_auth_change after update or delete or truncate on api_tokens for each statement execute function notify_auth_change();
  `.execute(db);
}
