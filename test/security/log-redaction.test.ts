// The server log holds no credentials and no customers' data (the finding: a failed statement's full
// parameters were logged). The app's own logger (pino with `redact`) writes to a stream read back here.
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { upsertUser } from "../../src/core/auth/store.js";
import { readConfig } from "../../src/core/config.js";
import { maskUrl } from "../../src/core/http/log-redaction.js";
import { integrationToken, TEST_PASSWORD } from "../support/test-app.js";
import { openTestDatabase } from "../support/test-db.js";

let lines: string[] = [];
let app: FastifyInstance;
let url: string;
let close: () => Promise<void>;
let token: string;
/** The failure PGlite and a server report for a bad statement: it carries the statement's parameters. */
let failure: unknown;
let failure2: unknown;
beforeAll(async () => {
  const database = await openTestDatabase();
  await upsertUser(database.db, { username: "admin", displayName: "管理员", roles: ["admin"], password: TEST_PASSWORD });
  token = await integrationToken(database);
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const config = { ...readConfig({}), logLevel: "info" };
  app = await buildApp({ db: database.db, kind: database.kind, config, version: "test", logger: true, logStream });
  url = await app.listen({ host: "127.0.0.1", port: 0 });
  close = async () => {
    await app.close();
    await database.close();
  };
  failure2 = await sql`select ${"客户电话 13900139000"}::text as phone, 1 / 0 as boom`.execute(database.db).then(
    () => undefined,
    (error) => error,
  );
  failure = await sql`select ${"客户机密 13800138000"}::int`.execute(database.db).then(
    () => undefined,
    (error) => error,
  );
});
afterAll(() => close?.());

describe("the server log", () => {
  it("holds neither the password, the session cookie nor the bearer token of the requests it logs", async () => {
    lines = [];
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    expect((await fetch(`${url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${url}/api/items`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await fetch(`${url}/s/secret-status-token-123?lang=en`);
    await fetch(`${url}/api/orders?token=leaky-query-token`, { headers: { authorization: `Bearer ${token}` } });
    const log = lines.join("\n");
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [TEST_PASSWORD, cookie.split("=")[1], token, "secret-status-token-123", "leaky-query-token"]) expect(log).not.toContain(secret);
    expect(log).toContain("/s/[redacted]");
  });

  it("holds the failed statement's error but not its parameters (customers' data)", async () => {
    lines = [];
    expect(failure).toBeInstanceOf(Error);
    // What the error handler does with an unexpected error (error-handler.ts), through the same logger.
    app.log.error({ err: failure }, "unhandled error");
    app.log.error({ err: failure2 }, "unhandled error");
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(errors).toHaveLength(2);
    expect(errors[1].err.message).toMatch(/division by zero/);
    expect(errors[0].err.message).toMatch(/invalid input syntax for type integer: "\[redacted\]"/);
    expect(lines.join("\n")).not.toContain("13800138000");
    expect(lines.join("\n")).not.toContain("13900139000");
  });

  it("masks the secrets of a URL and leaves the rest", () => {
    expect(maskUrl("/w/WC-123?x=1")).toBe("/w/[redacted]?x=1");
    expect(maskUrl("/api/orders?status=open&token=abc&key=k#f")).toBe("/api/orders?status=open&token=[redacted]&key=[redacted]#f");
    expect(maskUrl("/api/stock/sync")).toBe("/api/stock/sync");
  });
});
