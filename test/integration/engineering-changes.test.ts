// Engineering changes (decision 0068) through HTTP on both databases: items and versions authored in the
// app, where-used, an ECN with a decision per affected order, release with re-pinning, re-promising,
// work-order switches that leave started operations alone, and the build record of an old order.
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, placeOrder, saveRule } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let keyN = 0;
const key = () => `ecn-test-${Date.now()}-${++keyN}`;
const eng = (method: string, path: string, body?: unknown) => t.api(method, path, { as: "engineering", body });

async function item(sku: string, kind: "finished" | "subassembly" | "purchased", extra: Record<string, unknown> = {}) {
  const res = await eng("POST", "/api/items", { sku, name: `测试 ${sku}`, kind, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
async function bom(sku: string, lines: { sku: string; qtyPer: string }[], release = true) {
  const res = await eng("POST", `/api/items/${sku}/bom-versions`, { lines, effectiveFrom: "2025-01-01" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (release) expect((await eng("POST", `/api/items/${sku}/bom-versions/${res.body.version}/release`, {})).status).toBe(200);
  return res.body.version as number;
}
async function routing(sku: string, ops: [number, string, string][], release = true) {
  const res = await eng("POST", `/api/items/${sku}/routing-versions`, {
    operations: ops.map(([seq, workCentre, runHoursPerUnit]) => ({ seq, workCentre, runHoursPerUnit, setupHours: "0.1" })),
    effectiveFrom: "2025-01-01",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (release) expect((await eng("POST", `/api/items/${sku}/routing-versions/${res.body.version}/release`, {})).status).toBe(200);
  return res.body.version as number;
}
const pins = (orderNo: string) =>
  t.database.db
    .selectFrom("order_lines")
    .innerJoin("bom_versions", "bom_versions.id", "order_lines.bom_version_id")
    .select(["bom_versions.version"])
    .where("order_no", "=", orderNo)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("items and versions authored by engineering", () => {
  it("creates and edits an item with its parameter definitions; only engineering may", async () => {
    await item("EC-PART", "purchased", { leadTimeDays: 5, paramSchema: { voltage: { type: "enum", values: ["24V", "220V"], default: "24V" } } });
    const edit = await eng("PATCH", "/api/items/EC-PART", { name: "测试螺栓", paramSchema: { length: { type: "number", min: 10, max: 90, unit: "mm" } } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ name: "测试螺栓", version: 2, paramSchema: { length: { type: "number", unit: "mm" } } });
    const stale = await t.api("PATCH", "/api/items/EC-PART", { as: "engineering", body: { family: "x" }, headers: { "if-match": "1" } });
    expect(stale.status).toBe(409);
    expect((await t.api("POST", "/api/items", { as: "sales", body: { sku: "EC-NO", name: "x", kind: "finished" } })).status).toBe(403);
    const dup = await eng("POST", "/api/items", { sku: "EC-PART", name: "again", kind: "purchased" });
    expect(dup.status).toBe(409);
    const bad = await eng("POST", "/api/items", { sku: "ec-lower", name: "x", kind: "finished" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("sku");
  });

  it("where-used of a component returns its parents through 3 levels; a loop is refused", async () => {
    await item("EC-SUB", "subassembly");
    await item("EC-MID", "subassembly");
    await item("EC-TOP", "finished");
    await bom("EC-SUB", [{ sku: "EC-PART", qtyPer: "4" }]);
    await bom("EC-MID", [{ sku: "EC-SUB", qtyPer: "2" }]);
    await bom("EC-TOP", [{ sku: "EC-MID", qtyPer: "1" }]);
    const used = await eng("GET", "/api/items/EC-PART/where-used");
    expect(used.status).toBe(200);
    expect(used.body.parents.map((p: { level: number; sku: string }) => [p.level, p.sku])).toEqual([
      [1, "EC-SUB"],
      [2, "EC-MID"],
      [3, "EC-TOP"],
    ]);
    const loop = await eng("POST", "/api/items/EC-SUB/bom-versions", { lines: [{ sku: "EC-TOP", qtyPer: "1" }] });
    expect(loop.status).toBe(400);
    expect(loop.body.error).toMatchObject({ reason: "engineering.component_cycle", field: "lines.0.sku" });
  });

  it("a released version cannot be edited, by the API or in the database; a draft can", async () => {
    const released = await eng("PUT", "/api/items/EC-SUB/bom-versions/1", { lines: [{ sku: "EC-PART", qtyPer: "5" }] });
    expect(released.status).toBe(422);
    expect(released.body.error).toMatchObject({ reason: "engineering.version_released", field: "version" });
    const draft = await bom("EC-SUB", [{ sku: "EC-PART", qtyPer: "3" }], false);
    const edited = await eng("PUT", `/api/items/EC-SUB/bom-versions/${draft}`, { lines: [{ sku: "EC-PART", qtyPer: "6" }] });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe("draft");
    const v1 = await t.database.db.selectFrom("bom_versions").select("id").where("sku", "=", "EC-SUB").where("version", "=", 1).executeTakeFirstOrThrow();
    await expect(t.database.db.updateTable("bom_lines").set({ qty_per: "9" }).where("bom_version_id", "=", v1.id).execute()).rejects.toThrow(/immutable/);
    const read = await eng("GET", "/api/items/EC-SUB/bom?version=1");
    expect(read.body.bom.lines[0]).toMatchObject({ sku: "EC-PART", qtyPer: "4.0000" });
    const diff = await eng("GET", `/api/items/EC-SUB/diff?from=1&to=${draft}`);
    expect(diff.body.changes).toEqual([{ kind: "quantity", ref: "EC-PART", from: "4.0000", to: "6.0000" }]);
  });
});

describe("an engineering change notice with a decision per affected order", () => {
  let early = "";
  let late = "";
  let ecnNo = "";

  beforeAll(async () => {
    await item("EC-OLD", "purchased", { leadTimeDays: 1 });
    await item("EC-NEW", "purchased", { leadTimeDays: 90 });
    await item("EC-PS", "finished", { unitPrice: "100.00" });
    await t.database.db.insertInto("inventory_balances").values({ sku: "EC-OLD", location: "WH-MAIN", on_hand: "500", reserved: "0" }).execute();
    await bom("EC-PS", [{ sku: "EC-OLD", qtyPer: "1" }]);
    await routing("EC-PS", [
      [10, "WC-ASM", "0.01"],
      [20, "WC-CAL", "0.01"],
    ]);
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    early = (await placeOrder(t, { customer: "C-A1", lines: [{ sku: "EC-PS", qty: 5 }], requestedDate: inDays(14) })).orderNo;
    late = (await placeOrder(t, { customer: "C-A1", lines: [{ sku: "EC-PS", qty: 5 }], requestedDate: inDays(40) })).orderNo;
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    await saveRule(t, {
      name: "工程变更后提醒(测试)",
      trigger: { event: "ecn.released" },
      condition: { "==": [{ var: "customer.code" }, "C-A1"] },
      actions: [{ type: "add_tag", tag: "工程变更" }],
    });
  });

  it("raises the ECN from the BOM diff, retried once, and lists the orders pinned to V1 with suggestions by date", async () => {
    const v2 = await bom("EC-PS", [{ sku: "EC-NEW", qtyPer: "1" }], false);
    const body = { sku: "EC-PS", title: "EC-OLD 改为 EC-NEW", toBomVersion: v2, effectivity: "date", effectiveDate: inDays(25), submit: true };
    const k = key();
    const created = await t.api("POST", "/api/ecns", { as: "engineering", body, headers: { "idempotency-key": k } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ecnNo = created.body.ecnNo;
    expect(created.body).toMatchObject({ status: "review", bom: { from: 1, to: v2 } });
    expect(created.body.lines).toEqual([
      { lineNo: 1, kind: "component_added", ref: "EC-NEW", from: null, to: "1.0000" },
      { lineNo: 2, kind: "component_removed", ref: "EC-OLD", from: "1.0000", to: null },
    ]);
    const noVersion = await eng("POST", "/api/ecns", { sku: "EC-PS", title: "x" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.field).toBe("toBomVersion");
    const released = await eng("POST", "/api/ecns", { sku: "EC-PS", title: "x", toBomVersion: 1 });
    expect(released.status).toBe(422);
    expect(released.body.error).toMatchObject({ reason: "ecn.no_version", field: "toBomVersion" });
    const again = await t.api("POST", "/api/ecns", { as: "engineering", body, headers: { "idempotency-key": k } });
    expect(again.body.ecnNo).toBe(ecnNo);
    expect(await t.database.db.selectFrom("ecns").select("ecn_no").execute()).toHaveLength(1);

    const impact = await eng("GET", `/api/ecns/${ecnNo}/impact`);
    expect(impact.status).toBe(200);
    const byRef = Object.fromEntries(impact.body.rows.map((r: { ref: string }) => [r.ref, r]));
    expect(byRef[`${early}/1`]).toMatchObject({ kind: "order_line", suggested: "keep", stage: "not_released", bomVersion: 1, decision: null });
    expect(byRef[`${late}/1`]).toMatchObject({ kind: "order_line", suggested: "switch", bomVersion: 1 });
    expect(byRef["STOCK/EC-OLD"]).toMatchObject({ kind: "stock", onHand: 500 });
    expect(impact.body.undecided).toHaveLength(3);
  });

  it("release is refused while a row is undecided, naming it", async () => {
    expect((await eng("POST", `/api/ecns/${ecnNo}/release`)).body.error.reason).toBe("ecn.bad_status");
    expect((await eng("POST", `/api/ecns/${ecnNo}/transitions`, { to: "approved" })).body.status).toBe("approved");
    const partly = await eng("POST", `/api/ecns/${ecnNo}/decisions`, {
      rows: [
        { ref: `${early}/1`, decision: "keep", owner: "sales" },
        { ref: "STOCK/EC-OLD", decision: "keep" },
      ],
    });
    expect(partly.status).toBe(200);
    expect(partly.body.undecided).toEqual([`${late}/1`]);
    const refused = await eng("POST", `/api/ecns/${ecnNo}/release`);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ reason: "ecn.undecided", field: "rows", undecided: [`${late}/1`] });
    expect(refused.body.error.message).toContain(`${late}/1`);
    expect(
      (await t.database.db.selectFrom("bom_versions").select("status").where("sku", "=", "EC-PS").where("version", "=", 2).executeTakeFirstOrThrow()).status,
    ).toBe("draft");
    const unknown = await eng("POST", `/api/ecns/${ecnNo}/decisions`, { rows: [{ ref: "DH2099010100001/1", decision: "keep" }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe("rows.0.ref");
    const nobody = await eng("POST", `/api/ecns/${ecnNo}/decisions`, { rows: [{ ref: "STOCK/EC-OLD", decision: "keep", owner: "王销售" }] });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error).toMatchObject({ reason: "ecn.unknown_owner", field: "rows.0.owner" });
    const notAllowed = await eng("POST", `/api/ecns/${ecnNo}/decisions`, { rows: [{ ref: "STOCK/EC-OLD", decision: "switch" }] });
    expect(notAllowed.body.error.reason).toBe("ecn.decision_not_allowed");
  });

  it("effective on a date: the earlier order stays on V1, the later one takes V2 and is re-promised; rules act on ecn.released", async () => {
    const before = await t.database.db
      .selectFrom("orders")
      .select(["order_no", "promise_state", "promised_date"])
      .where("order_no", "in", [early, late])
      .execute();
    expect(before.every((o) => o.promise_state === "promised")).toBe(true);
    expect((await eng("POST", `/api/ecns/${ecnNo}/decisions`, { rows: [{ ref: `${late}/1`, decision: "switch", owner: "planner" }] })).body.undecided).toEqual(
      [],
    );
    const released = await eng("POST", `/api/ecns/${ecnNo}/release`);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.switched).toEqual([`${late}/1`]);
    expect((await pins(early)).version).toBe(1);
    expect((await pins(late)).version).toBe(2);
    const versions = await t.database.db
      .selectFrom("bom_versions")
      .select(["version", "status", "effective_from"])
      .where("sku", "=", "EC-PS")
      .orderBy("version")
      .execute();
    expect(versions).toEqual([
      { version: 1, status: "superseded", effective_from: "2025-01-01" },
      { version: 2, status: "released", effective_from: inDays(25) },
    ]);
    // V2 needs EC-NEW, 90 days away: the plan now finishes the later order after its promise.
    const after = Object.fromEntries(released.body.orders.map((o: { orderNo: string }) => [o.orderNo, o]));
    expect(after[late]).toMatchObject({ promiseState: "at_risk" });
    expect(after[late].plannedDate > inDays(80)).toBe(true);
    expect(after[early]).toMatchObject({ promiseState: "promised" });
    // Purchasing sees the changed need: the new part is short in the new plan run.
    const shortages = await t.api("GET", "/api/planning/shortages?sku=EC-NEW", { as: "purchasing" });
    expect(shortages.status).toBe(200);
    expect(shortages.body.shortages.map((x: { sku: string }) => x.sku)).toContain("EC-NEW");
    const plan = await t.api("GET", `/api/planning/orders/${late}`, { as: "planner" });
    expect(plan.status).toBe(200);
    expect(JSON.stringify(plan.body)).toContain("EC-NEW");
    for (const [no, decision] of [
      [early, "keep"],
      [late, "switch"],
    ] as const) {
      const view = await t.api("GET", `/api/orders/${no}`, { as: "sales" });
      const ecnEvent = view.body.events.find((e: { data: { ecn?: { no: string } } }) => e.data.ecn?.no === ecnNo);
      expect(ecnEvent.data.ecn).toMatchObject({ decision });
      expect(view.body.tags).toContain("工程变更");
    }
    const lateView = await t.api("GET", `/api/orders/${late}`, { as: "sales" });
    const switchEvent = lateView.body.events.find((e: { data: { versions?: unknown } }) => e.data.versions);
    expect(switchEvent.reason).toBe(`${ecnNo}: switch`);
    const frozen = await eng("GET", `/api/ecns/${ecnNo}/impact`);
    expect(frozen.body.status).toBe("released");
    expect(frozen.body.rows.find((r: { ref: string }) => r.ref === `${late}/1`)).toMatchObject({ decision: "switch", owner: "planner" });
    const editReleased = await eng("PUT", "/api/items/EC-PS/bom-versions/2", { lines: [{ sku: "EC-OLD", qtyPer: "1" }] });
    expect(editReleased.status).toBe(422);
    // An order confirmed now, before the effective date, is still built to V1 (V2's date has not come).
    const meanwhile = (await placeOrder(t, { customer: "C-A1", lines: [{ sku: "EC-PS", qty: 1 }], requestedDate: inDays(50) })).orderNo;
    expect((await pins(meanwhile)).version).toBe(1);
    const planner = (await t.api("GET", "/api/dashboards/planner", { as: "planner" })).body;
    const changed = planner.engineeringChanged.map((o: { orderNo: string }) => o.orderNo);
    expect(changed).toContain(late);
    expect(changed).not.toContain(early);
    const board = await eng("GET", "/api/engineering/board");
    expect(board.body.recent[0]).toMatchObject({ ecnNo, status: "released", releasedBy: expect.any(String) });
  });

  it("reprinting the earlier order shows the version it was built to (V1 and EC-OLD), the later one V2", async () => {
    const record = await t.api("GET", `/api/orders/${early}/build-record`, { as: "sales" });
    expect(record.status).toBe(200);
    expect(record.body.lines[0].bom).toMatchObject({ version: 1, status: "superseded" });
    expect(record.body.lines[0].bom.components.map((c: { sku: string }) => c.sku)).toEqual(["EC-OLD"]);
    const pdf = await t.fetch("GET", `/api/orders/${early}/build-record.pdf`, { as: "sales" });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = (await new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) }).getText()).text;
    expect(text).toContain("BOM V1");
    expect(text).toContain("EC-OLD");
    expect(text).not.toContain("EC-NEW");
    const lateRecord = await t.api("GET", `/api/orders/${late}/build-record`, { as: "sales" });
    expect(lateRecord.body.lines[0].bom.components.map((c: { sku: string }) => c.sku)).toEqual(["EC-NEW"]);
  });
});

describe("a switch on a work order already past operation 20", () => {
  it("changes only its unstarted operations", async () => {
    await item("EC-WO", "finished", { unitPrice: "50.00" });
    await bom("EC-WO", [{ sku: "EC-PART", qtyPer: "1" }]);
    await t.database.db.insertInto("inventory_balances").values({ sku: "EC-PART", location: "WH-MAIN", on_hand: "1000", reserved: "0" }).execute();
    await routing("EC-WO", [
      [10, "WC-ASM", "0.01"],
      [20, "WC-CAL", "0.01"],
      [30, "WC-ASM", "0.01"],
    ]);
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    const orderNo = (await placeOrder(t, { customer: "C-A1", lines: [{ sku: "EC-WO", qty: 10 }], requestedDate: inDays(30) })).orderNo;
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    expect((await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } })).status).toBe(200);
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    const wo = await t.database.db.selectFrom("work_orders").selectAll().where("order_no", "=", orderNo).executeTakeFirstOrThrow();
    const opsBefore = await t.database.db.selectFrom("work_order_operations").selectAll().where("work_order_id", "=", wo.id).orderBy("seq").execute();
    expect(opsBefore.map((o) => o.seq)).toEqual([10, 20, 30]);
    const report = (id: number, body: Record<string, unknown>) =>
      t.api("POST", `/api/operations/${id}/reports`, { as: "production", body, headers: { "idempotency-key": key() } });
    expect((await report(opsBefore[0].id, { kind: "start" })).status).toBe(200);
    expect((await report(opsBefore[0].id, { kind: "finish", good: 10 })).status).toBe(200);
    expect((await report(opsBefore[1].id, { kind: "start" })).status).toBe(200);
    expect((await report(opsBefore[1].id, { kind: "pause", good: 4 })).status).toBe(200);

    const v2 = await routing(
      "EC-WO",
      [
        [10, "WC-ASM", "0.02"],
        [20, "WC-CAL", "0.03"],
        [30, "WC-CAL", "0.05"],
        [40, "WC-ASM", "0.01"],
      ],
      false,
    );
    // The calibration bench's list as the shift saw it (its baseline), before the change.
    const calBefore = await t.api("GET", "/api/work-centres/WC-CAL/dispatch", { as: "production" });
    expect(calBefore.body.operations.filter((o: { orderNo: string }) => o.orderNo === orderNo).map((o: { seq: number }) => o.seq)).toEqual([20]);
    const created = await eng("POST", "/api/ecns", { sku: "EC-WO", title: "工序 30 改在校准台", toRoutingVersion: v2, effectivity: "order", submit: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.lines.map((l: { kind: string; ref: string }) => `${l.kind} ${l.ref}`)).toEqual([
      "time op 10",
      "time op 20",
      "operation op 30",
      "time op 30",
      "operation op 40",
    ]);
    const ecnNo = created.body.ecnNo;
    const impact = await eng("GET", `/api/ecns/${ecnNo}/impact`);
    expect(impact.body.rows[0]).toMatchObject({ ref: `${orderNo}/1`, stage: "in_progress", startedThrough: 20, workOrder: wo.wo_no, suggested: "switch" });
    await eng("POST", `/api/ecns/${ecnNo}/transitions`, { to: "approved" });
    await eng("POST", `/api/ecns/${ecnNo}/decisions`, { rows: [{ ref: `${orderNo}/1`, decision: "switch" }] });
    const released = await eng("POST", `/api/ecns/${ecnNo}/release`);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.workOrders).toEqual([{ workOrder: wo.wo_no, startedThrough: 20, replaced: [30], added: [30, 40] }]);
    const opsAfter = await t.database.db.selectFrom("work_order_operations").selectAll().where("work_order_id", "=", wo.id).orderBy("seq").execute();
    expect(opsAfter.map((o) => [o.seq, o.work_centre, Number(o.run_hours_per_unit)])).toEqual([
      [10, "WC-ASM", 0.01],
      [20, "WC-CAL", 0.01],
      [30, "WC-CAL", 0.05],
      [40, "WC-ASM", 0.01],
    ]);
    // The started operations are the same rows, with what was reported on them.
    expect(opsAfter.slice(0, 2).map((o) => [o.id, o.qty_good, o.status])).toEqual(
      opsBefore.slice(0, 2).map((o, i) => [o.id, i === 0 ? 10 : 4, i === 0 ? "done" : "paused"]),
    );
    // The dispatch list shows the change: operation 30 (on the assembly line before) is now on the calibration bench.
    const calAfter = await t.api("GET", "/api/work-centres/WC-CAL/dispatch", { as: "production" });
    const mine = calAfter.body.operations.filter((o: { orderNo: string }) => o.orderNo === orderNo);
    expect(mine.map((o: { seq: number }) => o.seq)).toEqual([20, 30]);
    expect(mine[1].change).toBe("added");
    const view = await t.api("GET", `/api/orders/${orderNo}`, { as: "planner" });
    expect(view.body.events.some((e: { kind: string; data: { what?: string } }) => e.kind === "production" && e.data.what === "routing_switched")).toBe(true);
  });
});
