// GET /api/orders/:orderNo/actions per role and state, walked along the state machine: what is offered
// is carried out by the existing routes, and what is not offered is refused by them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/core/auth/roles.js";
import { nextStatuses, type OrderStatus } from "../../src/orders/model/lifecycle.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const PEOPLE: Role[] = ["sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "admin"];
type Action = { action: string; label: string; needs: string[]; route: string; to?: string; taskId?: number; exposure?: Record<string, string | number> };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
});
afterAll(() => t?.close());

async function actionsOf(orderNo: string, role: Role, lang = "zh-CN"): Promise<Action[]> {
  const res = await t.api("GET", `/api/orders/${orderNo}/actions`, { as: role, headers: { "accept-language": lang } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const names = (actions: Action[]) => actions.map((a) => a.action).sort();
const place = async (body: Record<string, unknown>) => {
  const res = await t.api("POST", "/api/orders", { as: "sales", body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { orderNo: string; status: string };
};

describe("GET /api/orders/:orderNo/actions", () => {
  it("walks an order from confirmed to closed: each state offers each role exactly what the routes accept", async () => {
    const { orderNo, status } = await place({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] });
    expect(status).toBe("confirmed");
    const expected: Partial<Record<OrderStatus, Partial<Record<Role, string[]>>>> = {
      confirmed: {
        planner: ["cancel", "hold", "schedule"],
        sales: ["cancel", "editLines", "editRequestedDate", "hold", "sendStatusLink"],
        warehouse: [],
        finance: ["hold"],
        engineering: [],
      },
      scheduled: { planner: ["cancel", "hold", "start", "unschedule"], warehouse: [] },
      in_production: { planner: ["cancel", "hold", "ready"], warehouse: ["ready"], sales: ["editRequestedDate", "hold", "sendStatusLink"] },
      ready: { warehouse: ["ship"], planner: ["hold"], service: ["editRequestedDate", "hold", "sendStatusLink"] },
      shipped: { warehouse: ["deliver"], service: ["deliver", "sendStatusLink"], finance: [] },
      delivered: { finance: ["close"], sales: ["close", "sendStatusLink"], warehouse: [] },
      closed: { finance: [], sales: ["sendStatusLink"], admin: ["sendStatusLink"] },
    };
    const walk: [OrderStatus, Role][] = [
      ["scheduled", "planner"],
      ["in_production", "planner"],
      ["ready", "warehouse"],
      ["shipped", "warehouse"],
      ["delivered", "service"],
      ["closed", "finance"],
    ];
    let at: OrderStatus = "confirmed";
    for (const [next, actor] of [...walk, [null, null] as const]) {
      for (const [role, want] of Object.entries(expected[at] ?? {})) expect(names(await actionsOf(orderNo, role as Role)), `${role} at ${at}`).toEqual(want);
      // Whatever the state machine allows from here but a role is not offered, the route refuses that role.
      for (const role of PEOPLE) {
        const offered = new Set((await actionsOf(orderNo, role)).map((a) => a.to).filter(Boolean));
        for (const to of nextStatuses(at)) {
          if (offered.has(to)) continue;
          const res = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: role, body: { to, reason: "试探" } });
          expect([403, 422], `${role} ${at}→${to} not offered but ${res.status}`).toContain(res.status);
        }
      }
      if (!next || !actor) break;
      const offer = (await actionsOf(orderNo, actor)).find((a) => a.to === next);
      expect(offer, `${actor} is offered ${at}→${next}`).toBeDefined();
      if (offer?.route === "shipment+transition") {
        expect(offer.needs).toEqual(["carrier", "trackingNo"]);
        expect((await t.api("POST", `/api/orders/${orderNo}/shipments`, { as: actor, body: { carrier: "顺丰", trackingNo: "SF100200300" } })).status).toBe(201);
      }
      const moved = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: actor, body: { to: next } });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      at = next;
    }
    expect(at).toBe("closed");
  });

  it("labels in the caller's language and names the fields each action needs", async () => {
    const { orderNo } = await place({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] });
    const zh = await actionsOf(orderNo, "sales");
    const en = await actionsOf(orderNo, "sales", "en");
    expect(zh.find((a) => a.action === "cancel")).toMatchObject({ label: "取消订单", needs: ["reason"], to: "cancelled" });
    expect(en.find((a) => a.action === "cancel")?.label).toBe("Cancel order");
    expect(zh.find((a) => a.action === "editRequestedDate")).toMatchObject({ needs: ["requestedDate"], route: "patch" });
    // A link that opens adds revoke; revoking takes it away again.
    expect(names(zh)).not.toContain("revokeStatusLink");
    expect((await t.api("POST", `/api/orders/${orderNo}/status-link`, { as: "sales", body: {} })).status).toBe(201);
    expect(names(await actionsOf(orderNo, "service"))).toContain("revokeStatusLink");
    expect((await t.api("DELETE", `/api/orders/${orderNo}/status-link`, { as: "service" })).status).toBe(200);
    expect(names(await actionsOf(orderNo, "service"))).not.toContain("revokeStatusLink");
    expect((await t.api("GET", "/api/orders/DH20990101999/actions", { as: "sales" })).status).toBe(404);
  });

  it("a credit hold is released only by finance, who sees the customer's exposure", async () => {
    // C-C1 owes more than its limit: the default rule holds any order for finance.
    const { orderNo, status } = await place({ customer: "C-C1", lines: [{ sku: "TT-200", qty: 2 }] });
    expect(status).toBe("on_hold");
    expect(names(await actionsOf(orderNo, "sales"))).not.toContain("release");
    expect(names(await actionsOf(orderNo, "planner"))).not.toContain("release");
    const release = (await actionsOf(orderNo, "finance")).find((a) => a.action === "release");
    const order = (await t.api("GET", `/api/orders/${orderNo}`, { as: "finance" })).body;
    expect(release).toMatchObject({ needs: [], route: "transition", to: order.heldFrom });
    expect(release?.exposure).toMatchObject({ customer: "C-C1", creditLimit: "100000.00", openReceivables: "120000.00", thisOrder: order.totalAmount });
    const e = release?.exposure as Record<string, string>;
    const fen = (s: string) => Math.round(Number(s) * 100);
    // Finance's exposure (decision 0069): receivables + shipped not invoiced + committed orders.
    expect(fen(e.exposure)).toBe(fen(e.openReceivables) + fen(e.unbilled) + fen(e.openOrders));
    expect(fen(e.headroom)).toBe(fen(e.creditLimit) - fen(e.exposure) - fen(e.thisOrder));
    // What is not offered is refused; what is offered goes through.
    expect((await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "sales", body: { to: order.heldFrom } })).status).toBe(403);
    expect((await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "finance", body: { to: release?.to } })).status).toBe(200);
    expect(names(await actionsOf(orderNo, "finance"))).not.toContain("release");
  });
});
