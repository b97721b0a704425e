import { describe, expect, it } from "vitest";
import { PERSON_ROLES, removesLastAdmin } from "../../src/users/model.js";

const admin = (username: string, active = true) => ({ username, roles: ["admin"], active });

describe("users and roles rules", () => {
  it("people never hold the integration role", () => {
    expect(PERSON_ROLES).not.toContain("integration");
    expect(PERSON_ROLES).toContain("admin");
  });

  it("refuses to deactivate or demote the last active admin, and only that", () => {
    const a = admin("a");
    expect(removesLastAdmin([a], a, { ...a, active: false })).toBe(true);
    expect(removesLastAdmin([a], a, { ...a, roles: ["sales"] })).toBe(true);
    expect(removesLastAdmin([a], a, { ...a, roles: ["sales", "admin"] })).toBe(false);
    expect(removesLastAdmin([a, admin("b")], a, { ...a, active: false })).toBe(false);
    // An inactive second admin does not count.
    expect(removesLastAdmin([a, admin("b", false)], a, { ...a, roles: [] })).toBe(true);
    // A change to someone who is not an active admin never removes the last one.
    const s = { username: "s", roles: ["sales"], active: true };
    expect(removesLastAdmin([a], s, { ...s, active: false })).toBe(false);
  });
});
