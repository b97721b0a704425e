// Who a session is, is remembered per instance; a sign-out, a deactivated account or a role change made
// anywhere (another instance, or SQL straight on the database) is honoured by the very next request.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t?.close());

const me = (cookie: string) => fetch(`${t.url}/api/auth/me`, { headers: { cookie } });
const signIn = async (username: string) => {
  const res = await fetch(`${t.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "test-password" }),
  });
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
};
/** The database's notice reaches the app shortly after the commit: the answer must change within a second. */
async function statusSoon(cookie: string, expected: number) {
  let status = 0;
  for (let i = 0; i < 50 && status !== expected; i++) {
    if (i) await new Promise((r) => setTimeout(r, 20));
    status = (await me(cookie)).status;
  }
  return status;
}

describe("remembered sessions", () => {
  it("a sign-out on this instance refuses the cookie at once", async () => {
    const cookie = await signIn("sales");
    expect((await me(cookie)).status).toBe(200);
    expect((await fetch(`${t.url}/api/auth/logout`, { method: "POST", headers: { cookie } })).status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
  });

  it("a session deleted straight in the database (another instance's sign-out) is refused", async () => {
    const cookie = await signIn("planner");
    expect((await me(cookie)).status).toBe(200);
    expect((await me(cookie)).status).toBe(200);
    await sql`delete from sessions where user_id = (select id from users where username = 'planner')`.execute(t.database.db);
    expect(await statusSoon(cookie, 401)).toBe(401);
  });

  it("roles changed in the database apply to the next requests", async () => {
    const cookie = await signIn("warehouse");
    expect((await fetch(`${t.url}/api/users`, { headers: { cookie } })).status).toBe(403);
    await sql`update users set roles = '{warehouse,admin}' where username = 'warehouse'`.execute(t.database.db);
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      if (i) await new Promise((r) => setTimeout(r, 20));
      status = (await fetch(`${t.url}/api/users`, { headers: { cookie } })).status;
    }
    expect(status).toBe(200);
    await sql`update users set active = false where username = 'warehouse'`.execute(t.database.db);
    expect(await statusSoon(cookie, 401)).toBe(401);
  });

  it("an expired session is refused even while remembered", async () => {
    const cookie = await signIn("finance");
    expect((await me(cookie)).status).toBe(200);
    // Expiry is checked against the remembered time: no notice is needed (an insert sends none).
    await sql`update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where username = 'finance')`.execute(
      t.database.db,
    );
    expect(await statusSoon(cookie, 401)).toBe(401);
  });
});
