import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { planningHooks } from "../../src/app.js";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { planAll } from "../../src/planning/model/plan.js";
import { startReplanner } from "../../src/planning/replanner.js";
import { input, order } from "../fixtures/planning-plant.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
let orderNo = "";
let op10 = 0;
let op20 = 0;
let keyN = 0;
const key = () => `test-key-${Date.now()}-${++keyN}`;

async function place(qty: number, days: number) {
  const res = await t.api("POST", "/api/orders", {
    as: "sales",
    body: { customer: "C-A1", lines: [{ sku: "PS-100", qty }], requestedDate: addDays(today, days) },
  });
  expect(res.status).toBe(201);
  return res.body.orderNo as string;
}
async function schedule(no: string) {
  const res = await t.api("POST", `/api/orders/${no}/transitions`, { as: "planner", body: { to: "scheduled" } });
  expect(res.status).toBe(200);
}
const report = (id: number, body: Record<string, unknown>, k = key()) =>
  t.api("POST", `/api/operations/${id}/reports`, { as: "production", body, headers: { "idempotency-key": k } });
const replan = async () => (await t.api("POST", "/api/planning/replan", { as: "planner" })).body;
const workOrdersOf = (no: string) => t.database.db.selectFrom("work_orders").select(["wo_no", "sku"]).where("order_no", "=", no).orderBy("id").execute();
async function planOps(no: string) {
  const run = await t.database.db.selectFrom("plan_status").select("current_run").executeTakeFirstOrThrow();
  return t.database.db.selectFrom("plan_operations").selectAll().where("run_id", "=", run.current_run!).where("order_no", "=", no).orderBy("seq").execute();
}

// The model on main sequences operations by plant day (decision 0011); once it schedules in clock time
// (ScheduledOp.startAt, the promise work of decision 0056), the next operation must start after the
// previous one ends to the minute.
const CLOCK_TIME = "startAt" in (planAll(input([order(10, null)])).orders[0].ops[0] ?? {});
function expectAfter(start: Date, end: Date) {
  expect(plantDay(start) >= plantDay(end)).toBe(true);
  if (CLOCK_TIME) expect(start.getTime()).toBeGreaterThanOrEqual(end.getTime());
}

beforeAll(async () => {
  t = await startTestApp();
  orderNo = await place(100, 30);
  await replan();
  await schedule(orderNo);
  // The re-plan releases what the planner scheduled first (decision 0061).
  await replan();
});
afterAll(() => t?.close());

describe("the shop floor", () => {
  it("releases a scheduled order as work orders copied from its pinned routing, with the plan's times", async () => {
    // Released by the re-plan, before anyone reads a dispatch list.
    expect((await workOrdersOf(orderNo)).map((w) => w.sku)).toContain("PS-100");
    const list = await t.api("GET", "/api/work-centres/WC-ASM/dispatch", { as: "production" });
    expect(list.status).toBe(200);
    const mine = list.body.operations.find((o: { orderNo: string }) => o.orderNo === orderNo);
    expect(mine).toMatchObject({ seq: 10, sku: "PS-100", qty: 100, qtyReady: 100, previousDone: true, rush: false });
    expect(mine.plannedStart).toEqual(expect.any(String));
    // Due in 30 days: late only if the plan has it ending before now (the plan starts at today's shift
    // start, so late in the plant's evening a just-released operation already is).
    expect(mine.late).toBe(Date.parse(mine.plannedEnd) < Date.now());
    op10 = mine.operationId;
    const cal = await t.api("GET", "/api/work-centres/WC-CAL/dispatch", { as: "planner" });
    const next = cal.body.operations.find((o: { orderNo: string }) => o.orderNo === orderNo);
    expect(next).toMatchObject({ seq: 20, qtyReady: 0, previousDone: false });
    op20 = next.operationId;
    expect((await t.api("GET", "/api/work-centres/WC-ASM/dispatch", { as: "sales" })).status).toBe(403);
  });

  it("refuses finishing op 20 while op 10 has nothing reported, unless a supervisor overrides", async () => {
    const res = await report(op20, { kind: "finish", good: 10 });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ reason: "production.previous_not_reported" });
    expect(res.body.error.message).toContain("10");
    const noReason = await report(op10, { kind: "start", scrap: 2 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe("scrapReason");
    const noKey = await t.api("POST", `/api/operations/${op10}/reports`, { as: "production", body: { kind: "start" } });
    expect(noKey.status).toBe(400);
  });

  it("40 good + 5 scrap of 100 at op 10: 55 remain, 40 ready at op 20, a retried scan counts once, the order is in production", async () => {
    const start = await report(op10, { kind: "start", operator: "张三" });
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ status: "started", actualStart: expect.any(String) });
    const order = await t.api("GET", `/api/orders/${orderNo}`, { as: "service" });
    expect(order.body.status).toBe("in_production");
    const k = key();
    const first = await report(op10, { kind: "pause", good: 40, scrap: 5, scrapReason: "尺寸超差" }, k);
    expect(first.body).toMatchObject({ good: 40, scrap: 5, qtyRemaining: 55, status: "paused" });
    const again = await report(op10, { kind: "pause", good: 40, scrap: 5, scrapReason: "尺寸超差" }, k);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toMatchObject({ good: 40, scrap: 5, qtyRemaining: 55 });
    const cal = await t.api("GET", "/api/work-centres/WC-CAL/dispatch", { as: "production" });
    expect(cal.body.operations.find((o: { operationId: number }) => o.operationId === op20)).toMatchObject({ qtyReady: 40, qtyRemaining: 95 });
    // The scrap leaves the line 5 short: a make-up proposal for the planner.
    const tasks = await t.api("GET", "/api/tasks?mine=1", { as: "planner" });
    expect(tasks.body.tasks.some((x: { title: string; orderNo: string }) => x.orderNo === orderNo && x.title.includes("补投 5"))).toBe(true);
    const view = await t.api("GET", `/api/orders/${orderNo}`, { as: "service" });
    expect(view.body.events.filter((e: { kind: string; data: { what: string } }) => e.kind === "production" && e.data.what === "report")).toHaveLength(2);
    expect(view.body.workOrders[0].operations[0]).toMatchObject({
      seq: 10,
      good: 40,
      scrap: 5,
      qtyRemaining: 55,
      operator: "张三",
      plannedStart: expect.any(String),
    });
  });

  it("re-plans from actuals: the started op plans its remaining quantity, the next never starts before it ends, the end date moves", async () => {
    const before = await t.database.db
      .selectFrom("plan_orders")
      .select("planned_date")
      .where("order_no", "=", orderNo)
      .orderBy("run_id", "desc")
      .executeTakeFirstOrThrow();
    await replan();
    const ops = await planOps(orderNo);
    expect(ops.map((o) => [o.seq, Number(o.operation_id), Number(o.hours)])).toEqual([
      [10, op10, 5.5],
      [20, op20, 0.2 + 0.05 * 95],
    ]);
    expectAfter(ops[1].planned_start!, ops[0].planned_end!);
    const after = await t.database.db
      .selectFrom("plan_orders")
      .select("planned_date")
      .where("order_no", "=", orderNo)
      .orderBy("run_id", "desc")
      .executeTakeFirstOrThrow();
    expect(after.planned_date <= before.planned_date).toBe(true);
    const status = await t.api("GET", "/api/planning/status", { as: "planner" });
    expect(status.body.stale).toBe(false);
    await report(op10, { kind: "start" });
    expect((await t.api("GET", "/api/planning/status", { as: "planner" })).body.reasons).toContain("shop_floor");
  });

  it("a finished operation is never planned again; more good than arrived is refused unless overridden, and the override is logged", async () => {
    const fin = await report(op10, { kind: "finish", good: 55 });
    expect(fin.body).toMatchObject({ status: "done", good: 95, qtyRemaining: 0, actualEnd: expect.any(String) });
    await replan();
    expect((await planOps(orderNo)).map((o) => o.seq)).toEqual([20]);
    const tooMany = await report(op20, { kind: "finish", good: 96 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.reason).toBe("production.more_than_arrived");
    const over = await report(op20, { kind: "finish", good: 96, override: { reason: "上道漏报 1 件" } });
    expect(over.status).toBe(200);
    const view = await t.api("GET", `/api/orders/${orderNo}`, { as: "service" });
    expect(view.body.status).toBe("ready");
    const override = view.body.events.find((e: { data: { what: string } }) => e.data.what === "override");
    expect(override).toMatchObject({ actor: "production", reason: "上道漏报 1 件", data: { refused: "more_than_arrived" } });
    expect(view.body.events.filter((e: { kind: string; to: string }) => e.kind === "transition").map((e: { to: string }) => e.to)).toEqual(
      expect.arrayContaining(["in_production", "ready"]),
    );
    const closed = await report(op20, { kind: "start" });
    expect(closed.status).toBe(422);
    expect(closed.body.error.reason).toBe("production.order_closed");
    await replan();
    expect(await planOps(orderNo)).toEqual([]);
  });

  it("the background re-planner releases a scheduled order without anyone reading a dispatch list, once", async () => {
    const no = await place(20, 45);
    await replan();
    await schedule(no);
    expect(await workOrdersOf(no)).toEqual([]);
    const background = startReplanner(t.database.db, planningHooks, { pollMs: 50, minIntervalMs: 60_000 });
    try {
      const deadline = Date.now() + 10_000;
      while (!(await workOrdersOf(no)).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await background.stop();
    }
    const released = await workOrdersOf(no);
    expect(released.map((w) => w.sku)).toContain("PS-100");
    await planningHooks.beforeReplan(t.database.db);
    expect(await workOrdersOf(no)).toEqual(released);
    const view = await t.api("GET", `/api/orders/${no}`, { as: "service" });
    expect(view.body.events.filter((e: { data: { what?: string } }) => e.data?.what === "released")).toHaveLength(1);
  });

  it("marks what changed since the shift started, and prints the list as an A4 PDF whose QR codes open each operation", async () => {
    // The list's baseline was taken at its first read this shift (the first test); `late` came after.
    const late = await place(10, 50);
    await replan();
    await schedule(late);
    await replan();
    const list = await t.api("GET", "/api/work-centres/WC-ASM/dispatch", { as: "production" });
    expect(Date.parse(list.body.shift.start)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(list.body.shift.baselineAt)).toBeGreaterThanOrEqual(Date.parse(list.body.shift.start));
    const ops = list.body.operations as { operationId: number; orderNo: string; change: string | null }[];
    expect(ops.find((o) => o.orderNo === late)?.change).toBe("added");
    // The list as it stood is not "changed".
    const first = await t.database.db.selectFrom("dispatch_baselines").select("operations").where("work_centre", "=", "WC-ASM").executeTakeFirstOrThrow();
    const kept = new Set(first.operations.map((o) => o.operationId));
    for (const o of ops.filter((x) => kept.has(x.operationId))) expect(o.change === null || o.change === "moved" || o.change === "resequenced").toBe(true);

    const res = await fetch(`${t.url}/api/work-centres/WC-ASM/dispatch.pdf`, { headers: { cookie: await t.cookie("production") } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
    expect(text).toContain("工位派工单");
    for (const o of ops) expect(text).toContain(o.orderNo);
    // The QR codes, read back from the rendered first page, open the operations in list order.
    const shot = await new PDFParse({ data: new Uint8Array(pdf) }).getScreenshot({ partial: [1], scale: 2, imageBuffer: true, imageDataUrl: false });
    const wasm = readFileSync(createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm"));
    prepareZXingModule({
      overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
      fireImmediately: true,
    });
    const codes = (await readBarcodes(new Uint8Array(shot.pages[0].data), { formats: ["QRCode"], maxNumberOfSymbols: 20 })).map((c) => c.text);
    expect(codes.length).toBeGreaterThanOrEqual(Math.min(ops.length, 6));
    expect(new Set(codes)).toEqual(new Set(ops.slice(0, codes.length).map((o) => `${t.url}/shop-floor/op/${o.operationId}`)));
    expect((await fetch(`${t.url}/api/work-centres/WC-ASM/dispatch.pdf`, { headers: { cookie: await t.cookie("sales") } })).status).toBe(403);
  });

  it("a downtime on a unit delays every unstarted operation there and lists the orders it affects", async () => {
    const other = await place(300, 60);
    await replan();
    await schedule(other);
    await replan();
    const before = await planOps(other);
    const from = new Date(Math.max(Date.now(), before[0].planned_start!.getTime()) - 60_000);
    const res = await t.api("POST", "/api/work-centres/WC-ASM/downtime", {
      as: "production",
      body: { unit: 1, from: from.toISOString(), to: new Date(from.getTime() + 5 * 86_400_000).toISOString(), reason: "主轴故障" },
    });
    expect(res.status).toBe(201);
    expect(res.body.affectedOrders).toContain(other);
    const bad = await t.api("POST", "/api/work-centres/WC-ASM/downtime", { as: "production", body: { unit: 3, from: from.toISOString(), reason: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("unit");
    expect((await t.api("GET", "/api/planning/status", { as: "planner" })).body.reasons).toContain("shop_floor");
    await replan();
    const after = await planOps(other);
    expect(after[0].planned_end!.getTime()).toBeGreaterThan(before[0].planned_end!.getTime());
    expectAfter(after[1].planned_start!, after[0].planned_end!);
    const timeline = await t.api("GET", `/api/orders/${other}`, { as: "service" });
    expect(timeline.body.events.some((e: { data: { what: string }; reason: string }) => e.data.what === "downtime" && e.reason === "主轴故障")).toBe(true);
    // Up an hour after it went down (the plan starts no earlier than now, so the downtime may lie ahead).
    const up = await t.api("POST", `/api/work-centres/WC-ASM/downtime/${res.body.id}/end`, {
      as: "production",
      body: { at: new Date(from.getTime() + 3_600_000).toISOString() },
    });
    expect(up.status).toBe(200);
  });
});
