// Sign-in: throttled per username and per address with a lockout that expires, the same time for
// unknown and known users, and a password policy that refuses guessable passwords.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config.js";
import { startServer } from "../../src/server.js";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";

let t: TestApp;
let spray: TestApp;
beforeAll(async () => {
  // A short lockout so its end can be seen; the per-address limit out of the way here, and tight in `spray`.
  t = await startTestApp({ seed: false, config: { loginAttemptsPerUser: 4, loginAttemptsPerAddress: 1000, loginWindowMinutes: 0.05 } });
  spray = await startTestApp({ seed: false, config: { loginAttemptsPerUser: 1000, loginAttemptsPerAddress: 6, loginWindowMinutes: 5 } });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await spray?.close();
});

const login = (username: string, password: string, app = t) => app.api("POST", "/api/auth/login", { as: "anonymous", body: { username, password } });

describe("sign-in throttling", () => {
  it("locks a username after repeated failures, right password or not, until the lockout ends; others unaffected", async () => {
    for (let i = 0; i < 4; i++) expect((await login("planner", `wrong-${i}`)).status).toBe(401);
    const locked = await login("planner", TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: "rate_limited", reason: "auth.locked" });
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await login("finance", TEST_PASSWORD)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect((await login("planner", TEST_PASSWORD)).status).toBe(200);
  });

  it("a correct sign-in clears the count of failures", async () => {
    for (let i = 0; i < 3; i++) expect((await login("purchasing", `wrong-${i}`)).status).toBe(401);
    expect((await login("purchasing", TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login("purchasing", `wrong-${i}`)).status).toBe(401);
    expect((await login("purchasing", TEST_PASSWORD)).status).toBe(200);
  });

  it("limits one address across usernames (password spraying)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(`spray${i}`, "Winter2026!", spray)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});

describe("sign-in timing", () => {
  it("answers an unknown username as slowly as a known one (no username enumeration)", async () => {
    const time = async (username: string) => {
      const start = performance.now();
      await login(username, "not-the-password");
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(["sales", "service", "warehouse"][i]));
      unknown.push(await time(`ghost${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1];
    const ratio = median(unknown) / median(known);
    // Before: unknown users answered 4× faster (no argon2 at all).
    expect(ratio, `unknown ${unknown.map(Math.round)} ms, known ${known.map(Math.round)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe("password policy", () => {
  it.each([
    ["12345678", "password.too_short"],
    ["password", "password.too_short"],
    ["1234567890", "password.weak"],
    ["password123", "password.weak"],
    ["wang.fang2026", "password.weak"],
    ["qwertyuiop", "password.weak"],
  ])("refuses %s (%s), naming the field", async (password, reason) => {
    const res = await t.api("POST", "/api/users", { body: { username: "wang.fang", displayName: "王芳", roles: ["sales"], password } });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toMatchObject({ field: "password", reason });
  });

  it("refuses a weak reset and takes a strong password", async () => {
    expect((await t.api("PATCH", "/api/users/sales", { body: { password: "sales-sales" } })).body.error.reason).toBe("password.weak");
    const res = await t.api("POST", "/api/users", { body: { username: "wang.fang", displayName: "王芳", roles: ["sales"], password: "Lantern-Quarry-84" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it("a server deployment will not start with a weak LVYUE_ADMIN_PASSWORD", async () => {
    const config = { ...readConfig({}), databaseUrl: "postgres://127.0.0.1:1/none", adminPassword: "x", logLevel: "silent" };
    await expect(startServer(config, { log: () => {} })).rejects.toThrow(/LVYUE_ADMIN_PASSWORD is refused/);
    await expect(startServer({ ...config, adminPassword: "admin12345" }, { log: () => {} })).rejects.toThrow(/LVYUE_ADMIN_PASSWORD is refused/);
  });
});
