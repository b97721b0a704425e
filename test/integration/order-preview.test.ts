// The quick order's preview (POST /api/orders/preview) must say exactly what saving does: orders of
// several kinds are previewed, then saved, and the preview is compared with what was written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PREVIEW_ORDER_NO } from "../../src/intake/preview-order.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { inDays, rowCounts } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
  // Finished sensors in stock, fewer than some orders ask for: a soft lock takes what there is.
  await t.database.db.insertInto("inventory_balances").values({ sku: "PS-100", location: "WH-MAIN", on_hand: "30", reserved: "0" }).execute();
});
afterAll(() => t?.close());

const WRITTEN = ["orders", "order_events", "tasks", "order_blocks", "reservations", "order_pins", "notifications", "rule_evaluations", "outbox"] as const;
const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** What the save wrote, in the preview's terms. */
async function written(orderNo: string) {
  const db = t.database.db;
  const [tasks, blocks, reservations, pins] = await Promise.all([
    db.selectFrom("tasks").select(["title", "assignee_role", "assignee_user"]).where("order_no", "=", orderNo).execute(),
    db.selectFrom("order_blocks").select(["to_status", "reason"]).where("order_no", "=", orderNo).execute(),
    db.selectFrom("reservations").select(["line_no", "qty"]).where("order_no", "=", orderNo).execute(),
    db.selectFrom("order_pins").select(["board", "colour"]).where("order_no", "=", orderNo).execute(),
  ]);
  const reservedByLine = new Map<number, number>();
  for (const r of reservations) reservedByLine.set(r.line_no, (reservedByLine.get(r.line_no) ?? 0) + Number(r.qty));
  return {
    tasks: sorted(tasks.map((x) => ({ title: x.title, role: x.assignee_role, user: x.assignee_user }))),
    blocks: sorted(blocks.map((b) => ({ to: b.to_status, reason: b.reason }))),
    reserved: [...reservedByLine].sort((a, b) => a[0] - b[0]),
    pins: sorted(pins.map((p) => ({ board: p.board, colour: p.colour }))),
  };
}

/** Previews the order, checks the preview wrote nothing, saves it and checks each consequence. */
async function previewThenSave(body: Record<string, unknown>) {
  const before = await rowCounts(t.database.db, WRITTEN);
  const preview = await t.api("POST", "/api/orders/preview", { as: "sales", body });
  expect(preview.status, JSON.stringify(preview.body)).toBe(200);
  expect(await rowCounts(t.database.db, WRITTEN)).toEqual(before);
  const saved = await t.api("POST", "/api/orders", { as: "sales", body });
  const p = preview.body;
  if (!p.accepted) {
    expect(saved.status).toBe(p.refusal.status);
    expect(saved.body.error).toMatchObject({ code: p.refusal.code, reason: p.refusal.reason, message: p.refusal.message, field: p.refusal.field });
    return { preview: p, saved: saved.body };
  }
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  const o = saved.body;
  const named = (text: string) => text.replaceAll(PREVIEW_ORDER_NO.zh, o.orderNo);
  expect(p.status).toBe(o.status);
  expect(p.promisedDate).toBe(o.promisedDate);
  expect(p.hold?.reason ?? null).toBe(o.holdReason);
  expect(p.hold?.ownerRole ?? o.owner.role).toBe(o.owner.role);
  expect([...p.tags].sort()).toEqual([...o.tags].sort());
  expect(p.rush).toBe(o.rush);
  expect(p.totalAmount).toBe(o.totalAmount);
  expect(p.nonstandard).toBe(o.nonstandard);
  expect(JSON.parse(named(JSON.stringify(p.actions)))).toEqual(o.actions);
  const w = await written(o.orderNo);
  expect(
    sorted(
      p.tasks.map((x: { title: string; assigneeRole: string; assigneeUser: string }) => ({
        title: named(x.title),
        role: x.assigneeRole,
        user: x.assigneeUser,
      })),
    ),
  ).toEqual(w.tasks);
  const previewBlocks = [
    ...(p.hold?.holds ?? []).map((h: { reason: string }) => ({ to: "*", reason: h.reason })),
    ...p.blocks.map((b: { to: string; reason: string }) => ({ to: b.to, reason: b.reason })),
  ];
  expect(sorted(previewBlocks)).toEqual(w.blocks);
  const previewReserved = (p.reservations?.lines ?? [])
    .filter((l: { reserved: number }) => l.reserved > 0)
    .map((l: { lineNo: number; reserved: number }) => [l.lineNo, l.reserved]);
  expect(previewReserved).toEqual(w.reserved);
  expect(sorted(p.pins.map((x: { board: string; colour: string }) => ({ board: x.board, colour: x.colour })))).toEqual(w.pins);
  return { preview: p, saved: o };
}

describe("order preview = what saving did", () => {
  it("credit limit exceeded: held for finance, with the amount over the limit", async () => {
    // C-C1: limit 100,000, receivables 120,000 already.
    const { preview } = await previewThenSave({ customer: "C-C1", lines: [{ sku: "TT-200", qty: 2 }] });
    expect(preview.status).toBe("on_hold");
    expect(preview.hold.holds[0]).toMatchObject({ reason: "超信用额度", releasableBy: ["finance"], rule: { name: "超信用额度拦截", version: 1 } });
    expect(Number(preview.credit.exceededBy)).toBe(20_000 + Number(preview.totalAmount));
    expect(preview.tasks.map((x: { assigneeRole: string }) => x.assigneeRole)).toContain("finance");
  });

  it("non-standard parameters: the engineering review task @ the technical director and the block on scheduling", async () => {
    const { preview } = await previewThenSave({
      customer: "C-B1",
      lines: [{ sku: "PS-100", qty: 5, params: { protocol: "HART", calibrationCert: true, pressureRating: "10MPa" } }],
    });
    expect(preview.status).toBe("confirmed");
    expect(preview.nonstandard).toBe(true);
    const review = preview.tasks.find((x: { title: string }) => x.title.startsWith("工程评审"));
    expect(review).toMatchObject({ title: "工程评审：〈新单号〉 含非标参数", assigneeUser: "engineering", assigneeName: "周总工" });
    expect(preview.blocks).toContainEqual(expect.objectContaining({ to: "scheduled", reason: "等待工程评审", untilTaskDone: true }));
  });

  it("due within a week: soft-locks what stock there is, line by line", async () => {
    const { preview } = await previewThenSave({
      customer: "C-B1",
      requestedDate: inDays(5),
      lines: [
        { sku: "PS-100", qty: 20 },
        { sku: "TT-200", qty: 3 },
      ],
    });
    expect(preview.reservations.lines).toEqual([
      { lineNo: 1, sku: "PS-100", requested: 20, reserved: 20 },
      { lineNo: 2, sku: "TT-200", requested: 3, reserved: 0 },
    ]);
    // The next one finds 10 left.
    const { preview: next } = await previewThenSave({ customer: "C-B1", requestedDate: inDays(4), lines: [{ sku: "PS-100", qty: 15 }] });
    expect(next.reservations.lines[0]).toMatchObject({ requested: 15, reserved: 10 });
  });

  it("T+3 for a grade A customer above 50,000: pinned red, credit pre-check hold, purchasing alerted", async () => {
    const { preview } = await previewThenSave({ customer: "C-A1", tags: ["T+3"], lines: [{ sku: "PS-100", qty: 200 }] });
    expect(preview.pins).toContainEqual(expect.objectContaining({ board: "production", colour: "red" }));
    expect(preview.hold.holds).toContainEqual(expect.objectContaining({ creditCheck: true }));
    expect(preview.notifications.map((n: { toRole: string }) => n.toRole)).toContain("purchasing");
    expect(preview.rush).toBe(true);
  });

  it("grade D asking for rush: refused, as saving refuses it, and nothing written", async () => {
    const before = await rowCounts(t.database.db, WRITTEN);
    const { preview } = await previewThenSave({ customer: "C-D1", rush: true, lines: [{ sku: "TT-200", qty: 1 }] });
    expect(preview).toMatchObject({ accepted: false, refusal: { status: 422, reason: "order.rush_grade_d", field: "rush" } });
    expect(await rowCounts(t.database.db, WRITTEN)).toEqual(before);
  });

  it("a parameter outside its range: the field and the reason, in the caller's language", async () => {
    const body = { customer: "C-B1", lines: [{ sku: "PS-100", qty: 1, params: { cableLength: 80 } }] };
    await previewThenSave(body);
    const en = await t.api("POST", "/api/orders/preview", { as: "sales", body, headers: { "accept-language": "en" } });
    expect(en.body.refusal).toMatchObject({ field: "lines[0].params.cableLength", message: "Parameter cableLength must be between 0.5 and 50" });
  });

  it("a role that cannot take orders cannot preview them", async () => {
    const res = await t.api("POST", "/api/orders/preview", { as: "warehouse", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(res.status).toBe(403);
  });
});
