// A service visit's effects through the rules engine: the visit.recorded default rules issue the card,
// the replenishment request and the lifecycle entry; each is logged and can be switched off over the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "../../src/core/outbox/drain-outbox.js";
import { OUTBOX_HANDLERS } from "../../src/outbox/handlers.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { VISIT_DEFAULT_RULES } from "../../src/rules/visit-default-rules.js";
import { deliverWarrantyCard } from "../../src/visits/warranty-cards.js";
import { inDays, rowCounts, ruleIdByName } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { postVisit, TINY_PNG } from "../support/visits.js";

let t: TestApp;
const photo = { bytes: TINY_PNG, type: "image/png" };
const parts = JSON.stringify([{ sku: "PM-CHIP", qty: 2 }]);
const drain = async () => {
  while ((await drainOutbox(t.database.db, OUTBOX_HANDLERS, { backoffMs: 0 })) > 0) {}
};

beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db, VISIT_DEFAULT_RULES);
  const imported = await t.api("POST", "/api/equipment/import", {
    as: "service",
    body: {
      rows: [
        { serial: "VR-0001", sku: "PS-100", customer: "C-A1", site: "苏州", installedOn: "2025-06-01", warrantyUntil: "2099-06-01" },
        { serial: "VR-0002", sku: "PS-100", customer: "C-B1", site: "无锡", installedOn: "2020-01-10", warrantyUntil: "2021-01-10" },
      ],
    },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
});
afterAll(() => t?.close());

describe("visit.recorded rules", () => {
  it("the default rules issue the card (through the outbox), the replenishment and the lifecycle entry, each logged", async () => {
    const res = await postVisit(t, "VR-0001", { parts, notes: "换芯片" }, photo);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      replenishmentRequested: true,
      lifecycleEntry: true,
      rules: ["服务后出具电子保修卡", "服务用件补货申请", "服务记入设备履历"],
    });
    const code = res.body.warrantyCard.code;
    const db = t.database.db;
    const evaluation = await db.selectFrom("rule_evaluations").selectAll().where("visit_id", "=", res.body.id).executeTakeFirstOrThrow();
    expect(evaluation).toMatchObject({ order_no: null, trigger: "visit.recorded" });
    expect(evaluation.facts).toMatchObject({ visit: { partCount: 1, totalQty: 2, skus: ["PM-CHIP"] }, equipment: { serial: "VR-0001", underWarranty: true } });
    const actions = () => db.selectFrom("rule_actions").select(["type", "status", "detail"]).where("visit_id", "=", res.body.id).orderBy("id").execute();
    expect((await actions()).map((a) => [a.type, a.status])).toEqual([
      ["issue_warranty_card", "queued"],
      ["request_replenishment", "done"],
      ["add_lifecycle_entry", "done"],
    ]);
    // The PDF is rendered after commit, by the outbox worker, which then marks the action done.
    expect((await db.selectFrom("warranty_cards").select("pdf").where("code", "=", code).executeTakeFirstOrThrow()).pdf).toBeNull();
    await drain();
    expect((await actions())[0]).toMatchObject({ status: "done", detail: { code, notified: "service" } });
    expect((await db.selectFrom("warranty_cards").select("pdf").where("code", "=", code).executeTakeFirstOrThrow()).pdf).not.toBeNull();
    const unit = await t.api("GET", "/api/equipment/VR-0001", { as: "engineering" });
    expect(unit.body.lifecycle.at(-1)).toMatchObject({ kind: "visit", data: { visitId: res.body.id, warrantyCode: code } });
    expect((await t.api("GET", "/api/replenishment-requests", { as: "warehouse" })).body.requests).toMatchObject([
      { serial: "VR-0001", sku: "PM-CHIP", qty: 2 },
    ]);
  });

  it("telling the card's holder is idempotent: a retried delivery neither renders nor notifies twice", async () => {
    const res = await postVisit(t, "VR-0001", { parts }, photo);
    const code = res.body.warrantyCard.code;
    const notices = async () => (await rowCounts(t.database.db, ["notifications"])).notifications;
    const before = await notices();
    const message = { id: 0, payload: { code, toRole: "service" }, orderNo: null };
    expect(await deliverWarrantyCard(t.database.db, message)).toMatchObject({ ok: true, detail: { notified: "service" } });
    const pdf = (await t.database.db.selectFrom("warranty_cards").select("pdf").where("code", "=", code).executeTakeFirstOrThrow()).pdf;
    expect(await deliverWarrantyCard(t.database.db, message)).toMatchObject({ ok: true, detail: { notified: "already" } });
    expect(await notices()).toBe(before + 1);
    const again = (await t.database.db.selectFrom("warranty_cards").select("pdf").where("code", "=", code).executeTakeFirstOrThrow()).pdf;
    expect(Buffer.from(again!).equals(Buffer.from(pdf!))).toBe(true);
    expect(await deliverWarrantyCard(t.database.db, { ...message, payload: { code: "0000-0000-0000-0000" } })).toMatchObject({ ok: false, retryable: false });
    await drain();
  });

  it("disabling the warranty rule over the API stops cards from the very next visit; the other effects stay", async () => {
    const id = await ruleIdByName(t, "服务后出具电子保修卡");
    expect((await t.api("PATCH", `/api/rules/${id}`, { body: { enabled: false } })).status).toBe(200);
    const before = await rowCounts(t.database.db, ["warranty_cards", "replenishment_requests", "equipment_events"]);
    const res = await postVisit(t, "VR-0001", { parts }, photo);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ warrantyCard: null, replenishmentRequested: true, lifecycleEntry: true });
    expect(await rowCounts(t.database.db, ["warranty_cards", "replenishment_requests", "equipment_events"])).toEqual({
      warranty_cards: before.warranty_cards,
      replenishment_requests: before.replenishment_requests + 1,
      equipment_events: before.equipment_events + 1,
    });
    const unit = await t.api("GET", "/api/equipment/VR-0001", { as: "engineering" });
    expect(unit.body.repairHistory.find((v: { id: number }) => v.id === res.body.id)).toMatchObject({ warrantyCard: null });
    expect((await t.api("PATCH", `/api/rules/${id}`, { body: { enabled: true } })).status).toBe(200);
    expect((await postVisit(t, "VR-0001", { parts }, photo)).body.warrantyCard.code).toMatch(/^[0-9A-Z]{4}-/);
  });

  it("a unit out of warranty also tells sales, with the message filled in", async () => {
    const res = await postVisit(t, "VR-0002", { parts }, photo);
    expect(res.body.rules).toContain("过保设备维修提醒销售");
    const note = await t.database.db
      .selectFrom("notifications")
      .select("message")
      .where("to_role", "=", "sales")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(note.message).toBe("设备 VR-0002（PS-100，客户 C-B1）已过保修期仍在维修，可跟进备件或换新方案");
  });

  it("visit rules show in the execution rate like the others", async () => {
    const rate = await t.api("GET", `/api/rules/execution-rate?from=${inDays(-1)}&to=${inDays(1)}`, { as: "admin" });
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    const card = rate.body.rules.find((r: { name: string }) => r.name === "服务后出具电子保修卡");
    expect(card).toMatchObject({ executionRate: 1 });
    expect(card.matched).toBeGreaterThanOrEqual(3);
  });

  it("a dry-run of a visit rule goes over the visits of the range and writes nothing", async () => {
    const tables = ["rule_evaluations", "rule_actions", "notifications", "warranty_cards", "outbox"];
    const before = await rowCounts(t.database.db, tables);
    const id = await ruleIdByName(t, "过保设备维修提醒销售");
    const res = await t.api("POST", `/api/rules/${id}/dry-run`, { body: { from: inDays(-1), to: inDays(0) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.visitsExamined).toBeGreaterThanOrEqual(5);
    expect(res.body.matches.map((m: { serial: string }) => m.serial)).toEqual(["VR-0002"]);
    expect(res.body.matches[0].actions).toEqual([
      { type: "notify", detail: { channels: ["inapp"], message: "设备 VR-0002（PS-100，客户 C-B1）已过保修期仍在维修，可跟进备件或换新方案" } },
    ]);
    const draft = await t.api("POST", `/api/rules/${id}/dry-run`, { body: { from: inDays(-1), to: inDays(0), draft: { condition: true } } });
    expect(draft.body.matched).toBe(res.body.visitsExamined);
    expect(await rowCounts(t.database.db, tables)).toEqual(before);
  });

  it("refuses a visit action on an order trigger, an order action on a visit, and facts from the other side", async () => {
    const base = { name: "x", trigger: { event: "visit.recorded" }, condition: true, actions: [{ type: "add_lifecycle_entry" }] };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ trigger: { event: "order.created" } }, "actions[0].type", /needs the trigger visit.recorded/],
      [{ actions: [{ type: "hold", reason: "x" }] }, "actions[0].type", /acts on an order/],
      [{ condition: { ">": [{ var: "order.amount" }, 1] } }, "condition", /order.amount is not known on the trigger visit.recorded/],
      [
        { trigger: { event: "order.created" }, condition: { var: "visit.hasNotes" }, actions: [{ type: "add_tag", tag: "x" }] },
        "condition",
        /visit.hasNotes is not known on the trigger order.created/,
      ],
    ];
    for (const [change, field, message] of cases) {
      const res = await t.api("POST", "/api/rules", { body: { ...base, ...change } });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(message);
    }
    const ok = await t.api("POST", "/api/rules", { body: { ...base, name: "有备注时通知", condition: { var: "visit.hasNotes" } } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });
});
