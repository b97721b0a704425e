// Event streams end with the session (the finding: an open stream kept delivering after sign-out) and
// are capped per caller (the finding: no cap, so one user could hold any number of connections).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_STREAMS_PER_CALLER } from "../../src/events/routes.js";
import { type EventStream, openEventStream } from "../support/sse.js";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";

let t: TestApp;
const streams: EventStream[] = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

/** A session of its own (not the shared cached cookie), so ending it touches no other test. */
async function signIn(role: string): Promise<string> {
  const res = await fetch(`${t.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: role, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

async function open(cookie: string) {
  const stream = await openEventStream(t.url, cookie);
  streams.push(stream);
  return stream;
}

const endsWithin = (stream: EventStream, ms: number) =>
  Promise.race([stream.ended.then(() => "ended"), new Promise((resolve) => setTimeout(() => resolve("still open"), ms))]);

const newOrder = async () => {
  const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
  expect(created.status).toBe(201);
  return created.body.orderNo as string;
};

describe("an open event stream", () => {
  it("ends when its session signs out, and delivers nothing after", async () => {
    const cookie = await signIn("warehouse");
    const stream = await open(cookie);
    expect(stream.status).toBe(200);
    const first = await newOrder();
    await stream.waitFor((c) => c.orderNo === first);
    const out = await fetch(`${t.url}/api/auth/logout`, { method: "POST", headers: { cookie } });
    expect(out.status).toBe(204);
    expect(await endsWithin(stream, 2000)).toBe("ended");
    const before = stream.changes.length;
    await newOrder();
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.changes.length).toBe(before);
  });

  it("ends when its session expires or the account is deactivated, but another session's stream goes on", async () => {
    const expiring = await open(await signIn("planner"));
    const other = await open(await signIn("sales"));
    await sql`update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where username = 'planner')`.execute(
      t.database.db,
    );
    expect(await endsWithin(expiring, 2000)).toBe("ended");
    const deactivated = await open(await signIn("service"));
    await sql`update users set active = false where username = 'service'`.execute(t.database.db);
    expect(await endsWithin(deactivated, 2000)).toBe("ended");
    expect(await endsWithin(other, 300)).toBe("still open");
    const orderNo = await newOrder();
    await other.waitFor((c) => c.orderNo === orderNo);
  });
});

describe("streams per caller", () => {
  it(`allows ${MAX_STREAMS_PER_CALLER} per person; the next answers 429 until one closes`, async () => {
    const cookie = await signIn("purchasing");
    const opened = [];
    for (let i = 0; i < MAX_STREAMS_PER_CALLER; i++) opened.push(await open(cookie));
    expect(opened.map((s) => s.status)).toEqual(opened.map(() => 200));
    const refused = await fetch(`${t.url}/api/events/stream`, { headers: { cookie } });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.reason).toBe("events.too_many_streams");
    // Another person is not affected.
    expect((await open(await signIn("admin"))).status).toBe(200);
    opened[0].close();
    await new Promise((r) => setTimeout(r, 100));
    expect((await open(cookie)).status).toBe(200);
  });
});
