import { describe, expect, it } from "vitest";
import { DEMO_USERS, hasPermission, isRole, PERMISSIONS, ROLES, rolesWith } from "../../src/core/auth/roles.js";

describe("roles and permissions", () => {
  it("admin holds every permission", () => {
    for (const p of PERMISSIONS) {
      expect(hasPermission(["admin"], p)).toBe(true);
      expect(rolesWith(p)).toContain("admin");
    }
  });

  it("integration may bulk-load but not create single orders", () => {
    expect(hasPermission(["integration"], "orders.bulk")).toBe(true);
    expect(hasPermission(["integration"], "orders.create")).toBe(false);
    expect(hasPermission(["integration"], "session")).toBe(false);
    expect(hasPermission(["integration"], "inventory.sync")).toBe(true);
    expect(hasPermission(["integration"], "orders.transition")).toBe(false);
  });

  it("purchasing cannot read customers", () => {
    expect(hasPermission(["purchasing"], "customers.read")).toBe(false);
    expect(hasPermission(["purchasing"], "planning.read")).toBe(true);
  });

  it("every person role has the base permissions", () => {
    for (const role of ROLES.filter((r) => r !== "integration")) {
      for (const p of ["session", "items.read", "orders.read", "orders.transition"] as const) expect(hasPermission([role], p)).toBe(true);
    }
  });

  it("only finance and admin touch credit; only admin administers users; who may create orders", () => {
    expect(rolesWith("customers.credit")).toEqual(["finance", "admin"]);
    expect(rolesWith("users.admin")).toEqual(["admin"]);
    expect(rolesWith("orders.create")).toEqual(["sales", "service", "admin"]);
    expect(rolesWith("orders.bulk")).toEqual(["sales", "service", "admin", "integration"]);
  });

  it("hasPermission over several roles is the union", () => {
    expect(hasPermission([], "session")).toBe(false);
    expect(hasPermission(["purchasing", "finance"], "customers.read")).toBe(true);
    expect(hasPermission(["engineering", "warehouse"], "orders.create")).toBe(false);
  });

  it("rolesWith and hasPermission agree", () => {
    for (const p of PERMISSIONS) {
      for (const r of ROLES) expect(rolesWith(p).includes(r)).toBe(hasPermission([r], p));
    }
  });

  it("isRole", () => {
    for (const r of ROLES) expect(isRole(r)).toBe(true);
    for (const s of ["", "Admin", "root", "user"]) expect(isRole(s)).toBe(false);
  });

  it("demo users: one per person role, all valid roles, unique usernames", () => {
    const names = DEMO_USERS.map((u) => u.username);
    expect(new Set(names).size).toBe(names.length);
    for (const u of DEMO_USERS) for (const r of u.roles) expect(isRole(r)).toBe(true);
    expect(DEMO_USERS.some((u) => u.roles.includes("integration"))).toBe(false);
  });
});
