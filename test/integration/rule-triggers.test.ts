// Rules that fire after intake: on a change, on a transition, on an overdue task, on a stock change and
// on a daily schedule — with the shipped default rules and with rules made over the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { fireInventoryChanged } from "../../src/rules/fire-inventory-changed.js";
import { fireOverdueTasks } from "../../src/rules/fire-overdue-tasks.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { plantInstantOf, runScheduledRules } from "../../src/rules/run-scheduled-rules.js";
import { inDays, placeOrder, ruleIdByName } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
  await t.database.db
    .insertInto("customers")
    .values({ code: "C-T1", name: "嘉兴测试仪器有限公司", grade: "B", credit_limit: "100000.00", open_receivables: "0.00" })
    .execute();
});
afterAll(() => t?.close());

const order = (body: Record<string, unknown>) => placeOrder(t, body);
const transition = (no: string, as: string, to: string, reason?: string) =>
  t.api("POST", `/api/orders/${no}/transitions`, { as: as as never, body: { to, ...(reason ? { reason } : {}) } });
const ruleId = (name: string) => ruleIdByName(t, name);
const notes = (orderNo: string, toRole: string) =>
  t.database.db.selectFrom("notifications").select("message").where("order_no", "=", orderNo).where("to_role", "=", toRole).execute();

describe("rules on a transition", () => {
  it("confirming a draft pins today's versions, and holds it when credit ran out since it was drafted", async () => {
    const draft = await order({ customer: "C-T1", confirm: false, lines: [{ sku: "PS-100", qty: 10 }] });
    expect(draft.status).toBe("draft");
    expect(draft.lines[0].bomVersionId).toBeNull();
    await t.database.db.updateTable("customers").set({ open_receivables: "99000.00" }).where("code", "=", "C-T1").execute();

    const confirmed = await transition(draft.orderNo, "sales", "confirmed");
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe("on_hold");
    expect(confirmed.body.lines[0].bomVersionId).not.toBeNull();
    const id = await ruleId("草稿确认时超信用额度拦截");
    expect(confirmed.body.events.slice(-2)).toMatchObject([
      { from: "draft", to: "confirmed", actor: "sales", data: { pinned: { 1: { bom: confirmed.body.lines[0].bomVersionId } } } },
      { from: "confirmed", to: "on_hold", actor: `rule:${id}@v1`, reason: "超信用额度" },
    ]);

    // Only finance releases it, and the release does not trip the rule again.
    expect((await transition(draft.orderNo, "sales", "confirmed")).status).toBe(403);
    const released = await transition(draft.orderNo, "finance", "confirmed");
    expect(released.status).toBe(200);
    expect(released.body.status).toBe("confirmed");
  });

  it("an order that becomes ready tells customer service", async () => {
    const o = await order({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 2 }] });
    for (const [as, to] of [
      ["planner", "scheduled"],
      ["planner", "in_production"],
    ]) {
      expect((await transition(o.orderNo, as, to)).status).toBe(200);
    }
    expect(await notes(o.orderNo, "service")).toEqual([]);
    expect((await transition(o.orderNo, "warehouse", "ready")).status).toBe(200);
    expect((await notes(o.orderNo, "service")).map((n) => n.message)).toEqual([`订单 ${o.orderNo} 已备货待发，可告知客户 C-B1`]);
  });
});

describe("rules on a change", () => {
  it("moving the requested date inside 7 days alerts the planner and soft-locks the stock; a note change does not", async () => {
    const o = await order({ customer: "C-B1", requestedDate: inDays(30), lines: [{ sku: "PM-HOUSING", qty: 5 }] });
    const noted = await t.api("PATCH", `/api/orders/${o.orderNo}`, { as: "sales", headers: { "if-match": String(o.version) }, body: { note: "客户来电" } });
    expect(noted.status).toBe(200);
    expect(await notes(o.orderNo, "planner")).toEqual([]);

    const moved = await t.api("PATCH", `/api/orders/${o.orderNo}`, {
      as: "sales",
      headers: { "if-match": String(noted.body.version) },
      body: { requestedDate: inDays(3) },
    });
    expect(moved.status).toBe(200);
    expect((await notes(o.orderNo, "planner")).map((n) => n.message)).toEqual([`订单 ${o.orderNo} 交期提前到 ${inDays(3)}，请复核排产`]);
    const locks = await t.database.db.selectFrom("reservations").select(["sku", "qty", "kind", "status"]).where("order_no", "=", o.orderNo).execute();
    expect(locks.map((l) => [l.sku, Number(l.qty), l.kind, l.status])).toEqual([["PM-HOUSING", 5, "soft", "active"]]);
    const evaluation = await t.database.db
      .selectFrom("rule_evaluations")
      .select(["trigger", "facts"])
      .where("order_no", "=", o.orderNo)
      .where("trigger", "=", "order.changed")
      .execute();
    expect(evaluation.map((e) => (e.facts as { event: { changedFields: string[] } }).event.changedFields)).toEqual([["note"], ["requestedDate"]]);

    // Moving it again does not lock the same stock twice.
    await t.api("PATCH", `/api/orders/${o.orderNo}`, { as: "sales", headers: { "if-match": String(moved.body.version) }, body: { requestedDate: inDays(2) } });
    const again = await t.database.db.selectFrom("reservations").select("id").where("order_no", "=", o.orderNo).execute();
    expect(again).toHaveLength(1);
  });
});

describe("rules on time and stock", () => {
  it("an overdue task fires its rules once, on one instance", async () => {
    const o = await order({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] });
    await t.database.db
      .insertInto("tasks")
      .values({
        title: "回复客户技术问题",
        order_no: o.orderNo,
        assignee_role: "engineering",
        mentions: [],
        created_by: "sales",
        due_at: new Date(Date.now() - 60_000),
      })
      .execute();
    const [first, second] = await Promise.all([fireOverdueTasks(t.database.db), fireOverdueTasks(t.database.db)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect(await fireOverdueTasks(t.database.db)).toBe(0);
    expect((await notes(o.orderNo, "planner")).map((n) => n.message)).toEqual([`订单 ${o.orderNo} 有任务已超时`]);
  });

  it("a stock change re-evaluates the open orders that need the item, filtered by the rule's SKUs", async () => {
    const rule = {
      name: "壳体到货提醒(测试)",
      trigger: { event: "inventory.changed", fields: ["PM-HOUSING"] },
      condition: true,
      actions: [{ type: "add_tag", tag: "壳体到货" }],
    };
    const created = await t.api("POST", "/api/rules", { body: rule });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const needs = await order({ customer: "C-B1", lines: [{ sku: "PM-HOUSING", qty: 1 }] });
    const other = await order({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] });
    const db = t.database.db;
    expect(await db.transaction().execute((tx) => fireInventoryChanged(tx, db, ["PM-CHIP"]))).toBeGreaterThanOrEqual(0);
    expect((await t.api("GET", `/api/orders/${needs.orderNo}`)).body.tags).not.toContain("壳体到货");
    // A WMS sync of the housing's stock is such a change.
    const synced = await t.api("POST", "/api/inventory/sync", {
      as: "warehouse",
      body: { batchId: "wms-trigger-1", balances: [{ sku: "PM-HOUSING", location: "WH-MAIN", onHand: 520 }], inTransit: [] },
    });
    expect(synced.status, JSON.stringify(synced.body)).toBe(200);
    const after = (await t.api("GET", `/api/orders/${needs.orderNo}`)).body;
    expect(after.tags).toContain("壳体到货");
    expect(after.version).toBe(needs.version + 1);
    expect(after.events.at(-1)).toMatchObject({ kind: "changed", actor: `rule:${created.body.id}@v1`, data: { tags: { to: ["壳体到货"] } } });
    expect((await t.api("GET", `/api/orders/${other.orderNo}`)).body.tags).not.toContain("壳体到货");
    await t.api("PATCH", `/api/rules/${created.body.id}`, { body: { enabled: false } });
  });

  it("a daily rule runs once a day over the open orders, on one instance, and not on the day it was saved after its time", async () => {
    const today = plantDay(new Date());
    const due = await order({ customer: "C-B1", requestedDate: today, lines: [{ sku: "TT-200", qty: 1 }] });
    const later = await order({ customer: "C-B1", requestedDate: inDays(20), lines: [{ sku: "TT-200", qty: 1 }] });
    const tomorrowMorning = new Date(plantInstantOf(inDays(1), "08:05").getTime());
    const [a, b] = await Promise.all([runScheduledRules(t.database.db, tomorrowMorning), runScheduledRules(t.database.db, tomorrowMorning)]);
    const runs = [...a, ...b];
    const id = await ruleId("每日08:00逾期订单标记");
    expect(runs.filter((r) => r.ruleId === id)).toHaveLength(1);
    expect(runs.find((r) => r.ruleId === id)?.matched).toBeGreaterThanOrEqual(1);
    expect(await runScheduledRules(t.database.db, tomorrowMorning)).toEqual([]);
    const tagged = (await t.api("GET", `/api/orders/${due.orderNo}`)).body;
    expect(tagged.tags).toContain("逾期");
    const pin = await t.database.db.selectFrom("order_pins").selectAll().where("order_no", "=", due.orderNo).execute();
    expect(pin).toMatchObject([{ board: "sales", colour: "orange", rule_id: id }]);
    expect((await t.api("GET", `/api/orders/${later.orderNo}`)).body.tags).not.toContain("逾期");

    // Saved after today's slot: it starts tomorrow.
    const early = await t.api("POST", "/api/rules", {
      body: { name: "每日零点(测试)", trigger: { event: "schedule", at: "00:00" }, condition: true, actions: [{ type: "add_tag", tag: "零点" }] },
    });
    expect(early.status).toBe(201);
    expect((await runScheduledRules(t.database.db)).map((r) => r.ruleId)).not.toContain(early.body.id);
  });
});
