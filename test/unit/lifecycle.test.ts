import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/core/auth/roles.js";
import {
  checkTransition,
  isOrderStatus,
  MAIN_LINE,
  nextStatuses,
  OPEN_STATUSES,
  ORDER_STATUSES,
  type OrderStatus,
  STAGE_OWNER,
  TRANSITIONS,
} from "../../src/orders/model/lifecycle.js";

const TERMINAL: OrderStatus[] = ["closed", "cancelled"];
const RELEASE_ROLES: Role[] = ["sales", "service", "planner", "finance"];

/** The rule checkTransition is expected to apply for a non-hold source (first match, as in the registry). */
function ruleFor(from: OrderStatus, to: OrderStatus) {
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
}

describe("ORDER_STATUSES and helpers", () => {
  it("isOrderStatus accepts exactly the listed statuses", () => {
    for (const s of ORDER_STATUSES) expect(isOrderStatus(s)).toBe(true);
    for (const s of ["", "Draft", "open", "held", "closed ", "on-hold"]) expect(isOrderStatus(s)).toBe(false);
  });

  it("MAIN_LINE runs draft → closed along the registry", () => {
    expect(MAIN_LINE[0]).toBe("draft");
    expect(MAIN_LINE.at(-1)).toBe("closed");
    for (let i = 0; i + 1 < MAIN_LINE.length; i++) {
      expect(checkTransition(MAIN_LINE[i], MAIN_LINE[i + 1], ["admin"]).ok).toBe(true);
    }
  });

  it("STAGE_OWNER names an owner for every open status and none for terminal ones", () => {
    for (const s of ORDER_STATUSES) expect(s in STAGE_OWNER).toBe(true);
    for (const s of OPEN_STATUSES) expect(STAGE_OWNER[s]).not.toBeNull();
    for (const s of TERMINAL) expect(STAGE_OWNER[s]).toBeNull();
    expect(STAGE_OWNER.draft).toBe("sales");
    expect(STAGE_OWNER.confirmed).toBe("planner");
  });

  it("every role named in TRANSITIONS is a known role", () => {
    for (const rule of TRANSITIONS) for (const r of rule.roles) expect(ROLES).toContain(r);
  });
});

describe("checkTransition: registry transitions", () => {
  const cases = TRANSITIONS.flatMap((rule) =>
    rule.from.filter((from) => from !== "on_hold" || rule.to === "cancelled").map((from) => ({ from, to: rule.to, rule })),
  );

  it.each(cases)("$from → $to accepted for each listed role", ({ from, to, rule }) => {
    // The first matching rule is the one that governs the pair.
    const governing = ruleFor(from, to)!;
    expect(governing).toBe(rule);
    for (const role of rule.roles) {
      expect(checkTransition(from, to, [role])).toEqual({ ok: true, reasonRequired: rule.reasonRequired });
    }
  });

  it.each(cases)("$from → $to refused with 'role' for unlisted roles", ({ from, to, rule }) => {
    const others = ROLES.filter((r) => r !== "admin" && !rule.roles.includes(r));
    expect(others.length).toBeGreaterThan(0);
    for (const role of others) {
      expect(checkTransition(from, to, [role])).toEqual({ ok: false, why: "role", allowedRoles: rule.roles });
    }
  });

  it.each(cases)("$from → $to accepted for admin", ({ from, to, rule }) => {
    expect(checkTransition(from, to, ["admin"])).toEqual({ ok: true, reasonRequired: rule.reasonRequired });
  });

  it("no roles at all is a role refusal, not not_allowed", () => {
    expect(checkTransition("draft", "confirmed", [])).toEqual({ ok: false, why: "role", allowedRoles: ["sales", "service"] });
  });

  it("one matching role among several is enough", () => {
    expect(checkTransition("draft", "confirmed", ["engineering", "warehouse", "service"]).ok).toBe(true);
    expect(checkTransition("ready", "shipped", ["sales", "warehouse"]).ok).toBe(true);
  });

  it("admin combined with unrelated roles still passes", () => {
    expect(checkTransition("ready", "shipped", ["engineering", "admin"]).ok).toBe(true);
  });

  it("specific role examples", () => {
    expect(checkTransition("confirmed", "scheduled", ["sales"])).toMatchObject({ ok: false, why: "role", allowedRoles: ["planner"] });
    expect(checkTransition("in_production", "cancelled", ["sales"])).toMatchObject({ ok: false, why: "role", allowedRoles: ["planner"] });
    expect(checkTransition("in_production", "cancelled", ["planner"])).toEqual({ ok: true, reasonRequired: true });
    expect(checkTransition("delivered", "closed", ["finance"])).toEqual({ ok: true, reasonRequired: false });
    expect(checkTransition("delivered", "closed", ["warehouse"])).toMatchObject({ ok: false, why: "role" });
    expect(checkTransition("shipped", "delivered", ["integration"])).toMatchObject({ ok: false, why: "role" });
  });
});

describe("checkTransition: reasonRequired", () => {
  it("holding always needs a reason", () => {
    for (const from of ["draft", "confirmed", "scheduled", "in_production", "ready"] as const) {
      expect(checkTransition(from, "on_hold", ["sales"])).toEqual({ ok: true, reasonRequired: true });
    }
  });

  it("cancelling always needs a reason", () => {
    for (const from of ["draft", "confirmed", "scheduled", "on_hold"] as const) {
      expect(checkTransition(from, "cancelled", ["planner"])).toEqual({ ok: true, reasonRequired: true });
    }
    expect(checkTransition("in_production", "cancelled", ["planner"])).toEqual({ ok: true, reasonRequired: true });
  });

  it("unscheduling (scheduled → confirmed) needs a reason", () => {
    expect(checkTransition("scheduled", "confirmed", ["planner"])).toEqual({ ok: true, reasonRequired: true });
  });

  it("forward main-line steps need none", () => {
    for (let i = 0; i + 1 < MAIN_LINE.length; i++) {
      expect(checkTransition(MAIN_LINE[i], MAIN_LINE[i + 1], ["admin"])).toEqual({ ok: true, reasonRequired: false });
    }
  });

  it("releasing a hold needs none", () => {
    expect(checkTransition("on_hold", "scheduled", ["planner"], "scheduled")).toEqual({ ok: true, reasonRequired: false });
  });
});

describe("checkTransition: not_allowed", () => {
  const allowed = new Set(TRANSITIONS.flatMap((r) => r.from.map((f) => `${f}→${r.to}`)));
  const pairs = ORDER_STATUSES.filter((f) => f !== "on_hold").flatMap((from) =>
    ORDER_STATUSES.filter((to) => !allowed.has(`${from}→${to}`)).map((to) => ({ from, to })),
  );

  it.each(pairs)("$from → $to is not_allowed even for admin", ({ from, to }) => {
    expect(checkTransition(from, to, ["admin"])).toEqual({ ok: false, why: "not_allowed", allowedRoles: [] });
    expect(checkTransition(from, to, ROLES)).toEqual({ ok: false, why: "not_allowed", allowedRoles: [] });
  });

  it("named examples", () => {
    const no = { ok: false, why: "not_allowed", allowedRoles: [] };
    expect(checkTransition("draft", "shipped", ["admin"])).toEqual(no);
    expect(checkTransition("draft", "draft", ["admin"])).toEqual(no);
    expect(checkTransition("ready", "cancelled", ["admin"])).toEqual(no);
    expect(checkTransition("shipped", "on_hold", ["admin"])).toEqual(no);
    expect(checkTransition("delivered", "shipped", ["admin"])).toEqual(no);
    expect(checkTransition("confirmed", "draft", ["admin"])).toEqual(no);
  });

  it("closed and cancelled go nowhere", () => {
    for (const from of TERMINAL) {
      for (const to of ORDER_STATUSES) {
        expect(checkTransition(from, to, ["admin"], from)).toMatchObject({ ok: false, why: "not_allowed" });
      }
      expect(nextStatuses(from)).toEqual([]);
    }
  });

  it("not_allowed wins over role: a wrong role on an impossible pair still reports not_allowed", () => {
    expect(checkTransition("draft", "shipped", ["engineering"])).toMatchObject({ ok: false, why: "not_allowed" });
  });
});

describe("checkTransition: on_hold", () => {
  const holdable: OrderStatus[] = ["draft", "confirmed", "scheduled", "in_production", "ready"];

  it("releases only to heldFrom", () => {
    for (const heldFrom of holdable) {
      for (const to of ORDER_STATUSES) {
        if (to === "cancelled") continue;
        const result = checkTransition("on_hold", to, ["admin"], heldFrom);
        if (to === heldFrom) expect(result).toEqual({ ok: true, reasonRequired: false });
        else expect(result).toEqual({ ok: false, why: "not_allowed", allowedRoles: [] });
      }
    }
  });

  it("release is open to sales, service, planner, finance and refused to others", () => {
    for (const role of ROLES) {
      const result = checkTransition("on_hold", "confirmed", [role], "confirmed");
      if (role === "admin" || RELEASE_ROLES.includes(role)) expect(result.ok).toBe(true);
      else expect(result).toEqual({ ok: false, why: "role", allowedRoles: RELEASE_ROLES });
    }
  });

  it("without heldFrom (undefined or null) nothing but cancel is possible", () => {
    for (const heldFrom of [undefined, null]) {
      for (const to of ORDER_STATUSES) {
        const result = checkTransition("on_hold", to, ["admin"], heldFrom);
        expect(result.ok).toBe(to === "cancelled");
      }
      expect(nextStatuses("on_hold", heldFrom)).toEqual(["cancelled"]);
    }
  });

  it("cancel from hold follows the cancel rule regardless of heldFrom", () => {
    expect(checkTransition("on_hold", "cancelled", ["sales"], "draft")).toEqual({ ok: true, reasonRequired: true });
    expect(checkTransition("on_hold", "cancelled", ["warehouse"], "draft")).toEqual({
      ok: false,
      why: "role",
      allowedRoles: ["sales", "service", "planner"],
    });
  });

  it("heldFrom is ignored for statuses other than on_hold", () => {
    expect(checkTransition("draft", "shipped", ["admin"], "shipped")).toMatchObject({ ok: false, why: "not_allowed" });
    expect(checkTransition("draft", "confirmed", ["sales"], "ready")).toEqual({ ok: true, reasonRequired: false });
  });

  it("nextStatuses from on_hold is {heldFrom, cancelled}", () => {
    for (const heldFrom of holdable) {
      expect(new Set(nextStatuses("on_hold", heldFrom))).toEqual(new Set([heldFrom, "cancelled"]));
    }
  });
});

describe("nextStatuses", () => {
  it("matches the registry for every non-hold status", () => {
    for (const from of ORDER_STATUSES.filter((s) => s !== "on_hold")) {
      const expected = ORDER_STATUSES.filter((to) => TRANSITIONS.some((t) => t.to === to && t.from.includes(from)));
      expect(nextStatuses(from)).toEqual(expected);
    }
  });

  it("concrete examples", () => {
    expect(nextStatuses("draft")).toEqual(["confirmed", "on_hold", "cancelled"]);
    expect(nextStatuses("scheduled")).toEqual(["confirmed", "in_production", "on_hold", "cancelled"]);
    expect(nextStatuses("in_production")).toEqual(["ready", "on_hold", "cancelled"]);
    expect(nextStatuses("ready")).toEqual(["shipped", "on_hold"]);
    expect(nextStatuses("shipped")).toEqual(["delivered"]);
    expect(nextStatuses("delivered")).toEqual(["closed"]);
  });
});

describe("property: random walk from draft", () => {
  it("stays within ORDER_STATUSES, never leaves a terminal status, every step passes for admin", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (choices) => {
        let status: OrderStatus = "draft";
        let heldFrom: OrderStatus | null = null;
        for (const choice of choices) {
          const options = nextStatuses(status, heldFrom);
          if (TERMINAL.includes(status)) {
            expect(options).toEqual([]);
            return;
          }
          expect(options.length).toBeGreaterThan(0);
          const to = options[choice % options.length];
          expect(ORDER_STATUSES).toContain(to);
          const check = checkTransition(status, to, ["admin"], heldFrom);
          expect(check.ok).toBe(true);
          // A hold is released only back to where it was held.
          if (status === "on_hold" && to !== "cancelled") expect(to).toBe(heldFrom);
          heldFrom = to === "on_hold" ? status : null;
          status = to;
        }
        expect(ORDER_STATUSES).toContain(status);
      }),
      { numRuns: 500 },
    );
  });

  it("every admin step is also takeable by at least one non-admin role", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (choices) => {
        let status: OrderStatus = "draft";
        let heldFrom: OrderStatus | null = null;
        for (const choice of choices) {
          const options = nextStatuses(status, heldFrom);
          if (options.length === 0) return;
          const to = options[choice % options.length];
          const people = ROLES.filter((r) => r !== "admin" && checkTransition(status, to, [r], heldFrom).ok);
          expect(people.length).toBeGreaterThan(0);
          heldFrom = to === "on_hold" ? status : null;
          status = to;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cancelling a held order", () => {
  it("is planner-only when the order was held during production, as cancelling in production is", () => {
    expect(checkTransition("on_hold", "cancelled", ["sales"], "in_production")).toMatchObject({ ok: false, why: "role", allowedRoles: ["planner"] });
    expect(checkTransition("on_hold", "cancelled", ["planner"], "in_production")).toEqual({ ok: true, reasonRequired: true });
    expect(checkTransition("on_hold", "cancelled", ["sales"], "confirmed")).toEqual({ ok: true, reasonRequired: true });
  });
});
