// A real server on a free port over a fresh database, with signed-in clients for each demo role.

import { buildApp } from "../../src/app.js";
import type { Role } from "../../src/core/auth/roles.js";
import { createApiToken } from "../../src/core/auth/store.js";
import { type Config, readConfig } from "../../src/core/config.js";
import { type Database, openDatabase } from "../../src/core/db/connect.js";
import { seedSmallPlant } from "../fixtures/small-plant.js";
import { openTestDatabase } from "./test-db.js";

import { TEST_PASSWORD } from "./test-users.js";

export { TEST_PASSWORD };

// biome-ignore lint/suspicious/noExplicitAny: JSON replies are checked by the tests' assertions
type Json = any;
export interface Reply<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApp {
  url: string;
  database: Database;
  /** Calls the API as a signed-in demo user (by role), an API token, or anonymously. */
  api<T = Json>(
    method: string,
    path: string,
    options?: { as?: Role | "anonymous"; body?: unknown; raw?: string; form?: FormData; headers?: Record<string, string>; token?: string },
  ): Promise<Reply<T>>;
  /** The same, answering the fetch Response itself (binary downloads). */
  fetch(
    method: string,
    path: string,
    options?: { as?: Role | "anonymous"; token?: string; headers?: Record<string, string>; form?: FormData },
  ): Promise<Response>;
  /** The session cookie of a demo role (signs in once). */
  cookie(role: Role): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: { seed?: boolean; bodyLimitBytes?: number; importMaxBytes?: number; sharing?: TestApp; config?: Partial<Config> } = {},
): Promise<TestApp> {
  // `sharing`: a second app instance (own connection pool) on the first one's server database.
  const shared = options.sharing?.database as (Database & { url?: string }) | undefined;
  const database = shared?.url ? await openDatabase({ databaseUrl: shared.url, poolSize: 12 }) : await openTestDatabase();
  if (!shared) {
    // The demo roles' users come with the template (test-users.ts).
    if (options.seed !== false) await seedSmallPlant(database.db);
  }
  const config = {
    ...readConfig({}),
    port: 0,
    logLevel: "silent",
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    ...(options.importMaxBytes ? { importMaxBytes: options.importMaxBytes } : {}),
    ...options.config,
  };
  const app = await buildApp({ db: database.db, kind: database.kind, config, version: "test", listen: database.listen });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const cookies = new Map<string, string>();

  async function cookieFor(role: Role): Promise<string> {
    const cached = cookies.get(role);
    if (cached) return cached;
    const res = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: role, password: TEST_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
    cookies.set(role, cookie);
    return cookie;
  }

  return {
    url,
    database,
    cookie: cookieFor,
    async api(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      const as = opts.as ?? "admin";
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      else if (as !== "anonymous") headers.cookie = await cookieFor(as as Role);
      let body: string | FormData | undefined = opts.raw ?? opts.form;
      if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (typeof body === "string" && !headers["content-type"]) headers["content-type"] = "application/json";
      const res = await fetch(`${url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      return { status: res.status, body: parsed as Json, headers: res.headers };
    },
    async fetch(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      else if ((opts.as ?? "admin") !== "anonymous") headers.cookie = await cookieFor((opts.as ?? "admin") as Role);
      return fetch(`${url}${path}`, { method, headers, body: opts.form });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function integrationToken(database: Database, roles: Role[] = ["integration"]) {
  return createApiToken(database.db, "test-edi", roles, "test");
}
