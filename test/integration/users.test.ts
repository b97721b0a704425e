// Users and roles administration: admin adds people, changes names, roles and passwords, deactivates;
// the last admin stays; bad input is refused naming the field, with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/core/auth/secrets.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  fetch(`${t.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
const userCount = async () =>
  (
    await t.database.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  ).n;

describe("users and roles", () => {
  it("lists the people with their roles, never a password hash", async () => {
    const res = await t.api("GET", "/api/users");
    expect(res.status).toBe(200);
    expect(res.body.users.find((u: { username: string }) => u.username === "planner")).toMatchObject({
      displayName: "张计划",
      roles: ["planner"],
      active: true,
    });
    expect(JSON.stringify(res.body)).not.toContain("argon2");
  });

  it("adds a person who can then sign in, the password stored only as an argon2 hash", async () => {
    const res = await t.api("POST", "/api/users", {
      body: { username: "li.ming", displayName: "李明", roles: ["sales", "service"], password: "Plum-Orchard-58" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ username: "li.ming", displayName: "李明", roles: ["sales", "service"], active: true });
    const row = await t.database.db.selectFrom("users").select("password_hash").where("username", "=", "li.ming").executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.password_hash, "Plum-Orchard-58")).toBe(true);
    const signIn = await login("li.ming", "Plum-Orchard-58");
    expect(signIn.status).toBe(200);
    expect((await signIn.json()).user.roles).toEqual(["sales", "service"]);
  });

  it("changes display name and roles, which apply to the next request", async () => {
    const res = await t.api("PATCH", "/api/users/li.ming", { body: { displayName: "李明（华东）", roles: ["planner"] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ displayName: "李明（华东）", roles: ["planner"] });
    const cookie = ((await login("li.ming", "Plum-Orchard-58")).headers.get("set-cookie") ?? "").split(";")[0];
    const me = await fetch(`${t.url}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ displayName: "李明（华东）", roles: ["planner"] });
  });

  it("a password reset ends the person's sessions; the old password stops working", async () => {
    const cookie = ((await login("li.ming", "Plum-Orchard-58")).headers.get("set-cookie") ?? "").split(";")[0];
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await t.api("PATCH", "/api/users/li.ming", { body: { password: "Quiet-Harbour-73" } })).status).toBe(200);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    expect((await login("li.ming", "Plum-Orchard-58")).status).toBe(401);
    expect((await login("li.ming", "Quiet-Harbour-73")).status).toBe(200);
  });

  it("a deactivated person cannot sign in and is signed out", async () => {
    const cookie = ((await login("li.ming", "Quiet-Harbour-73")).headers.get("set-cookie") ?? "").split(";")[0];
    expect((await t.api("PATCH", "/api/users/li.ming", { body: { active: false } })).body.active).toBe(false);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    expect((await login("li.ming", "Quiet-Harbour-73")).status).toBe(401);
    expect((await t.api("PATCH", "/api/users/li.ming", { body: { active: true } })).body.active).toBe(true);
  });

  it("keeps the last active admin: neither deactivated nor stripped of the role", async () => {
    const off = await t.api("PATCH", "/api/users/admin", { body: { active: false } });
    expect(off.status).toBe(422);
    expect(off.body.error).toMatchObject({ code: "business_rule", reason: "users.last_admin", field: "active" });
    const demoted = await t.api("PATCH", "/api/users/admin", { body: { roles: ["sales"] }, headers: { "accept-language": "zh-CN" } });
    expect(demoted.status).toBe(422);
    expect(demoted.body.error).toMatchObject({ field: "roles", message: "admin 是最后一个启用的管理员，不能停用或去掉管理员角色" });
    // With a second admin, the first may step down.
    await t.api("PATCH", "/api/users/li.ming", { body: { roles: ["admin"] } });
    expect((await t.api("PATCH", "/api/users/admin", { body: { roles: ["admin", "sales"] } })).status).toBe(200);
    const stepDown = await t.api("PATCH", "/api/users/admin", { body: { roles: ["sales"] } });
    expect(stepDown.status, JSON.stringify(stepDown.body)).toBe(200);
    // admin is no longer an admin: the other admin restores it.
    expect((await t.api("GET", "/api/users", { as: "admin" })).status).toBe(403);
    const cookie = ((await login("li.ming", "Quiet-Harbour-73")).headers.get("set-cookie") ?? "").split(";")[0];
    const restored = await fetch(`${t.url}/api/users/admin`, {
      method: "PATCH",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ roles: ["admin"] }),
    });
    expect(restored.status).toBe(200);
  });

  it("refuses bad input naming the field, and saves nothing", async () => {
    const before = await userCount();
    const cases: [unknown, string][] = [
      [{ username: "Li Ming", displayName: "x", roles: ["sales"], password: "Plum-Orchard-58" }, "username"],
      [{ username: "planner", displayName: "x", roles: ["sales"], password: "Plum-Orchard-58" }, "username"],
      [{ username: "wang", displayName: "  ", roles: ["sales"], password: "Plum-Orchard-58" }, "displayName"],
      [{ username: "wang", displayName: "王", roles: [], password: "Plum-Orchard-58" }, "roles"],
      [{ username: "wang", displayName: "王", roles: ["pilot"], password: "Plum-Orchard-58" }, "roles[0]"],
      [{ username: "wang", displayName: "王", roles: ["integration"], password: "Plum-Orchard-58" }, "roles[0]"],
      [{ username: "wang", displayName: "王", roles: ["sales", "sales"], password: "Plum-Orchard-58" }, "roles"],
      [{ username: "wang", displayName: "王", roles: ["sales"], password: "short" }, "password"],
      [{ username: "wang", displayName: "王", roles: ["sales"], password: "Plum-Orchard-58", admin: true }, "admin"],
    ];
    for (const [body, field] of cases) {
      const res = await t.api("POST", "/api/users", { body });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
    }
    expect(await userCount()).toBe(before);
    const unknown = await t.api("PATCH", "/api/users/nobody", { body: { active: false } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe("username");
    const empty = await t.api("PATCH", "/api/users/sales", { body: {} });
    expect(empty.status).toBe(400);
    const badRole = await t.api("PATCH", "/api/users/sales", { body: { displayName: "新名字", roles: ["pilot"] } });
    expect(badRole.body.error.field).toBe("roles[0]");
    const unchanged = await t.api("GET", "/api/users");
    expect(unchanged.body.users.find((u: { username: string }) => u.username === "sales").displayName).toBe("王销售");
  });

  it("is for admin only", async () => {
    expect((await t.api("GET", "/api/users", { as: "planner" })).status).toBe(403);
    expect((await t.api("PATCH", "/api/users/planner", { as: "planner", body: { roles: ["admin"] } })).status).toBe(403);
  });
});
