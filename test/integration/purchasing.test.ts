// Purchasing in the loop (decision 0067): supplier-confirmed dates move promises and tell the owners;
// unconfirmed lines put supply at risk; receipts raise on-hand and close lines; overdue lines never supply
// in the past; accepting proposals covers a shortage exactly once.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { placeOrder } from "../support/helpers.js";
import { partAndProduct, placePo, supplierFor } from "../support/purchasing.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const replan = async () => expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
const planOf = async (orderNo: string) => (await t.api("GET", `/api/planning/orders/${orderNo}`, { as: "planner" })).body;

describe("dates that matter", () => {
  it("confirming a line for 10 May (requested 1 May) moves the dependent order's promise and tells its owner", async () => {
    const { part, product } = await partAndProduct(t, "MOVE");
    await supplierFor(t, "S-MOVE", part);
    // "1 May": what we asked for; "10 May": what the supplier confirms, nine days later.
    const may1 = addDays(today, 10);
    const may10 = addDays(today, 19);
    const po = await placePo(t, "S-MOVE", [{ sku: part, qty: 10, requestedDate: may1 }]);
    expect(po.lines[0]).toMatchObject({ state: "unconfirmed", expectedDate: may1, confirmedDate: null, version: 1 });
    await replan();
    const order = await placeOrder(t, { customer: "C-A1", lines: [{ sku: product, qty: 10 }] });
    const promised = order.promise.date;
    expect(promised >= may1 && promised < may10).toBe(true);
    // A rule listening to the supplier's move, to prove the event reaches rules.
    const rule = await t.api("POST", "/api/rules", {
      body: {
        name: "供应商改期(测试)",
        trigger: { event: "purchase.line.rescheduled", fields: [part] },
        condition: true,
        actions: [{ type: "add_tag", tag: "供应商改期" }],
      },
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    await replan();

    const stale = await t.api("PATCH", `/api/purchase-orders/${po.poNo}/lines/1`, {
      as: "purchasing",
      headers: { "if-match": "7" },
      body: { confirmedDate: may10 },
    });
    expect(stale.status).toBe(409);
    expect(
      (await t.api("PATCH", `/api/purchase-orders/${po.poNo}/lines/1`, { as: "sales", headers: { "if-match": "1" }, body: { confirmedDate: may10 } })).status,
    ).toBe(403);
    const confirmed = await t.api("PATCH", `/api/purchase-orders/${po.poNo}/lines/1`, {
      as: "purchasing",
      headers: { "if-match": "1" },
      body: { confirmedDate: may10 },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.headers.get("etag")).toBe('"2"');
    expect(confirmed.body.lines[0]).toMatchObject({ state: "confirmed", confirmedDate: may10, expectedDate: may10, version: 2 });
    expect(confirmed.body.affected.map((a: { orderNo: string }) => a.orderNo)).toContain(order.orderNo);

    const after = (await t.api("GET", `/api/orders/${order.orderNo}`, { as: "sales" })).body;
    expect(after.promise.state).toBe("at_risk");
    expect(after.promise.plannedDate >= may10).toBe(true);
    expect(after.tags).toContain("供应商改期");
    const tasks = await t.database.db.selectFrom("tasks").selectAll().where("order_no", "=", order.orderNo).execute();
    const told = tasks.find((x) => x.title.includes(po.poNo));
    // The order's owner at its stage (the planner for a confirmed order) is told, by name when it has one.
    const owner = await t.database.db.selectFrom("orders").select(["owner_role", "owner_user"]).where("order_no", "=", order.orderNo).executeTakeFirstOrThrow();
    expect(owner.owner_role).toBeTruthy();
    expect(told).toMatchObject({ assignee_role: owner.owner_role, assignee_user: owner.owner_user, status: "open", created_by: "purchasing" });
    // And sales, who holds the promise, is asked to call the customer.
    expect(tasks.some((x) => x.assignee_role === "sales" && x.title.includes(after.promise.plannedDate))).toBe(true);
    expect(told!.title).toContain(may10);
    // The sales board lists the promise with the date the plan now gives.
    const sales = (await t.api("GET", "/api/dashboards/sales", { as: "sales" })).body;
    expect(sales.promisesAtRisk).toContainEqual(
      expect.objectContaining({ orderNo: order.orderNo, promisedDate: promised, atRisk: true, plannedDate: after.promise.plannedDate }),
    );
    // The line's history: created at the requested date, then confirmed nine days later.
    const history = await t.database.db
      .selectFrom("purchase_line_events")
      .select(["kind", "from_date", "to_date"])
      .where("po_no", "=", po.poNo)
      .orderBy("id")
      .execute();
    expect(history).toEqual([
      { kind: "created", from_date: null, to_date: may1 },
      { kind: "confirmed", from_date: may1, to_date: may10 },
    ]);
    // The supplier moves it again: rescheduled.
    const moved = await t.api("PATCH", `/api/purchase-orders/${po.poNo}/lines/1`, {
      as: "purchasing",
      headers: { "if-match": "2" },
      body: { confirmedDate: addDays(may10, 2) },
    });
    expect(moved.body.lines[0].state).toBe("rescheduled");
    await t.api("PATCH", `/api/rules/${rule.body.id}`, { body: { enabled: false } });
  });

  it("a supplier confirming later than the item's lead time moves the promise; the plan does not buy again on a lead time it cannot have", async () => {
    const { part, product } = await partAndProduct(t, "SLIP", { lead: 30 });
    await supplierFor(t, "S-SLIP", part);
    const order = await placeOrder(t, { customer: "C-A1", lines: [{ sku: product, qty: 4 }] });
    await replan();
    const key = (await t.api("GET", "/api/purchasing/proposals", { as: "purchasing" })).body.groups
      .flatMap((g: { lines: { key: string; sku: string }[] }) => g.lines)
      .find((l: { sku: string }) => l.sku === part).key;
    const accepted = await t.api("POST", "/api/purchasing/proposals/accept", { as: "purchasing", body: { keys: [key] } });
    const poNo = accepted.body.created[0].poNo;
    const asked = (await t.api("GET", `/api/purchase-orders/${poNo}`, { as: "purchasing" })).body.lines[0].requestedDate;
    // Five days later than asked: more than the three days of material buffer absorb.
    const patched = await t.api("PATCH", `/api/purchase-orders/${poNo}/lines/1`, {
      as: "purchasing",
      headers: { "if-match": "1" },
      body: { confirmedDate: addDays(asked, 5) },
    });
    expect(patched.status).toBe(200);
    const after = (await t.api("GET", `/api/orders/${order.orderNo}`, { as: "sales" })).body;
    expect(after.promise.state).toBe("at_risk");
    expect((await planOf(order.orderNo)).materialReadyDate).toBe(addDays(asked, 5));
    const requests = await t.database.db.selectFrom("purchase_requests").select("status").where("sku", "=", part).execute();
    expect(requests.map((r) => r.status)).toEqual(["confirmed"]);
  });

  it("an unconfirmed line marks the orders that count on it 'supply at risk' until the supplier confirms", async () => {
    const { part, product } = await partAndProduct(t, "RISK");
    await supplierFor(t, "S-RISK", part);
    const po = await placePo(t, "S-RISK", [{ sku: part, qty: 5, requestedDate: addDays(today, 8) }]);
    await replan();
    const order = await placeOrder(t, { customer: "C-A1", lines: [{ sku: product, qty: 5 }] });
    await replan();
    expect((await planOf(order.orderNo)).supplyRisk).toEqual([{ sku: part, kind: "unconfirmed" }]);
    const promise = await t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-A1", lines: [{ sku: product, qty: 1 }] } });
    expect(promise.status).toBe(200);
    // The first order took the line; a new one would need a new purchase, not the unconfirmed line.
    const confirmed = await t.api("PATCH", `/api/purchase-orders/${po.poNo}/lines/1`, {
      as: "purchasing",
      headers: { "if-match": "1" },
      body: { confirmedDate: addDays(today, 8) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.lines[0].state).toBe("confirmed");
    await replan();
    expect((await planOf(order.orderNo)).supplyRisk).toEqual([]);
  });

  it("an overdue line never supplies in the past: it counts from today + the set delay, flagged, and turns late once", async () => {
    const { part, product } = await partAndProduct(t, "LATE");
    await supplierFor(t, "S-LATE", part);
    const po = await placePo(t, "S-LATE", [{ sku: part, qty: 8, requestedDate: addDays(today, -5) }]);
    await replan();
    const atp = (await t.api("GET", `/api/planning/atp/${part}`, { as: "planner" })).body;
    const line = atp.inTransit.find((s: { ref: string }) => s.ref === `${po.poNo}/1`);
    expect(line).toMatchObject({ qty: 8, expectedDate: addDays(today, -5), countedFrom: addDays(today, 2), overdue: true, confirmed: false });
    expect(atp.timeline[0]).toMatchObject({ date: today, supplied: 0 });
    expect(atp.timeline.find((d: { date: string }) => d.date === addDays(today, 2))).toMatchObject({ supplied: 8 });

    const order = await placeOrder(t, { customer: "C-A1", lines: [{ sku: product, qty: 8 }] });
    await replan();
    const plan = await planOf(order.orderNo);
    expect(plan.materialReadyDate >= addDays(today, 2)).toBe(true);
    expect(plan.supplyRisk).toEqual([{ sku: part, kind: "overdue" }]);
    const stored = (await t.api("GET", `/api/orders/${order.orderNo}`, { as: "sales" })).body;
    expect(stored.promise.state).toBe("at_risk");

    // The delay is a plant setting: five days, and the line counts from today + 5.
    expect((await t.api("PUT", "/api/settings/purchasing", { as: "planner", body: { overdueSupplyDelayDays: 5 } })).status).toBe(200);
    await replan();
    const later = (await t.api("GET", `/api/planning/atp/${part}`, { as: "planner" })).body;
    expect(later.inTransit.find((s: { ref: string }) => s.ref === `${po.poNo}/1`).countedFrom).toBe(addDays(today, 5));
    expect((await planOf(order.orderNo)).materialReadyDate >= addDays(today, 5)).toBe(true);
    await t.api("PUT", "/api/settings/purchasing", { as: "planner", body: { overdueSupplyDelayDays: 2 } });

    // Purchasing sees the late line with the order it holds up.
    const watch = (await t.api("GET", "/api/purchasing/watch", { as: "purchasing" })).body;
    const chased = watch.late.find((l: { poNo: string }) => l.poNo === po.poNo);
    expect(chased).toMatchObject({ line: 1, daysLate: 5, expectedDate: addDays(today, -5) });
    expect(chased.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual([order.orderNo]);
    expect(watch.unconfirmed.some((l: { poNo: string }) => l.poNo === po.poNo)).toBe(true);
    // The re-plan before turned it late, once.
    const viewed = (await t.api("GET", `/api/purchase-orders/${po.poNo}`, { as: "purchasing" })).body;
    expect(viewed.lines[0]).toMatchObject({ late: true, state: "unconfirmed" });
    const late = await t.database.db.selectFrom("purchase_line_events").select("kind").where("po_no", "=", po.poNo).where("kind", "=", "late").execute();
    expect(late).toHaveLength(1);
  });
});

describe("receipts", () => {
  it("receipts of 60 + 40 close a line of 100, on-hand rises through inventory and ATP agrees", async () => {
    const { part } = await partAndProduct(t, "RCV");
    await supplierFor(t, "S-RCV", part);
    const po = await placePo(t, "S-RCV", [
      { sku: part, qty: 100, requestedDate: addDays(today, 5) },
      { sku: part, qty: 50, requestedDate: addDays(today, 6) },
    ]);
    const atp = async () => (await t.api("GET", `/api/planning/atp/${part}`, { as: "planner" })).body;
    expect((await atp()).inTransit.map((s: { qty: number }) => s.qty)).toEqual([100, 50]);

    expect((await t.api("POST", `/api/purchase-orders/${po.poNo}/receipts`, { as: "sales", body: { lines: [{ line: 1, qty: 60 }] } })).status).toBe(403);
    const first = await t.api("POST", `/api/purchase-orders/${po.poNo}/receipts`, {
      as: "warehouse",
      headers: { "idempotency-key": "receipt-rcv-0001" },
      body: { lines: [{ line: 1, qty: 60 }] },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.lines[0]).toMatchObject({ state: "partly_received", received: 60, open: 40 });
    // The scanner retries: taken once.
    const retried = await t.api("POST", `/api/purchase-orders/${po.poNo}/receipts`, {
      as: "warehouse",
      headers: { "idempotency-key": "receipt-rcv-0001" },
      body: { lines: [{ line: 1, qty: 60 }] },
    });
    expect(retried.body).toMatchObject({ replayed: true });
    let view = await atp();
    expect(view.locations).toEqual([{ location: "WH-MAIN", onHand: 60, reserved: 0, inTransit: 90, free: 60 }]);

    const second = await t.api("POST", `/api/purchase-orders/${po.poNo}/receipts`, { as: "warehouse", body: { lines: [{ line: 1, qty: 40 }] } });
    expect(second.status).toBe(200);
    expect(second.body.lines[0]).toMatchObject({ state: "received", received: 100, open: 0 });
    view = await atp();
    expect(view.locations).toEqual([{ location: "WH-MAIN", onHand: 100, reserved: 0, inTransit: 50, free: 100 }]);
    expect(view.inTransit.map((s: { ref: string }) => s.ref)).toEqual([`${po.poNo}/2`]);
    expect(view.timeline[0]).toMatchObject({ date: today, supplied: 100 });
    const closed = await t.api("POST", `/api/purchase-orders/${po.poNo}/receipts`, { as: "warehouse", body: { lines: [{ line: 1, qty: 1 }] } });
    expect(closed.status).toBe(422);
    expect(closed.body.error.field).toBe("lines[0].line");

    // Tolerance 5%: 53 on a line of 50 is refused (at most 52.5) and nothing is saved; 49 closes it.
    const over = await t.api("POST", `/api/purchase-orders/${po.poNo}/receipts`, { as: "warehouse", body: { lines: [{ line: 2, qty: 53 }] } });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ field: "lines[0].qty", reason: "purchase_line.over_tolerance" });
    expect((await atp()).locations[0].onHand).toBe(100);
    const under = await t.api("POST", `/api/purchase-orders/${po.poNo}/receipts`, { as: "warehouse", body: { lines: [{ line: 2, qty: 49 }] } });
    expect(under.body.lines[1]).toMatchObject({ state: "received", received: 49 });
    expect(under.body.status).toBe("closed");
    view = await atp();
    expect(view.inTransit).toEqual([]);
    expect(view.locations[0].onHand).toBe(149);
    const suppliers = (await t.api("GET", "/api/suppliers", { as: "purchasing" })).body.suppliers;
    expect(suppliers.find((s: { code: string }) => s.code === "S-RCV").reliability).toEqual({ lines: 2, onTime: 2, onTimeRate: 1, meanDelayDays: 0 });
  });
});

describe("WMS receipts", () => {
  it("a WMS receipt of a purchase line closes the buyer's line; the stock comes with the WMS balance, once", async () => {
    const { part } = await partAndProduct(t, "WMS");
    await supplierFor(t, "S-WMS", part);
    const po = await placePo(t, "S-WMS", [{ sku: part, qty: 12, requestedDate: addDays(today, 3) }]);
    const synced = await t.api("POST", "/api/inventory/sync", {
      as: "warehouse",
      body: {
        batchId: `wms-${po.poNo}`,
        balances: [{ sku: part, location: "WH-MAIN", onHand: 12 }],
        inTransit: [{ kind: "purchase", ref: `${po.poNo}/1`, sku: part, location: "WH-MAIN", qty: 12, expectedDate: addDays(today, 3), status: "received" }],
      },
    });
    expect(synced.status, JSON.stringify(synced.body)).toBe(200);
    const after = (await t.api("GET", `/api/purchase-orders/${po.poNo}`, { as: "purchasing" })).body;
    expect(after).toMatchObject({ status: "closed", lines: [expect.objectContaining({ state: "received", received: 12, open: 0 })] });
    const atp = (await t.api("GET", `/api/planning/atp/${part}`, { as: "planner" })).body;
    expect(atp.locations).toEqual([{ location: "WH-MAIN", onHand: 12, reserved: 0, inTransit: 0, free: 12 }]);
    expect(atp.inTransit).toEqual([]);
  });
});

describe("from shortage to purchase order", () => {
  it("accepting proposals creates purchase orders that cover the shortage exactly once", async () => {
    const { part, product } = await partAndProduct(t, "PROP", { lead: 25 });
    await supplierFor(t, "S-PROP", part, { items: [{ sku: part, priceFen: 1500, preferred: true, leadTimeDays: 20 }] });
    const order = await placeOrder(t, { customer: "C-A1", rush: true, lines: [{ sku: product, qty: 20 }] });
    await replan();
    const proposals = (await t.api("GET", "/api/purchasing/proposals", { as: "purchasing" })).body;
    const group = proposals.groups.find((g: { supplier: { code: string } | null }) => g.supplier?.code === "S-PROP");
    expect(group.lines).toHaveLength(1);
    const line = group.lines[0];
    expect(line).toMatchObject({
      source: "request",
      sku: part,
      qty: 20,
      orderNo: order.orderNo,
      rush: true,
      priceFen: 1500,
      earliestDelivery: addDays(today, 20),
    });
    expect(group.rush).toBe(true);
    expect(proposals.groups[0].rush).toBe(true);

    expect((await t.api("POST", "/api/purchasing/proposals/accept", { as: "sales", body: { keys: [line.key] } })).status).toBe(403);
    const unknown = await t.api("POST", "/api/purchasing/proposals/accept", { as: "purchasing", body: { keys: ["short:NOPE:DH00000000000"] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe("keys[0]");
    // Two clicks at once: one purchase order.
    const [a, b] = await Promise.all([
      t.api("POST", "/api/purchasing/proposals/accept", { as: "purchasing", body: { keys: [line.key] } }),
      t.api("POST", "/api/purchasing/proposals/accept", { as: "purchasing", body: { keys: [line.key] } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const created = [...a.body.created, ...b.body.created];
    expect(created).toHaveLength(1);
    expect([...a.body.alreadyOrdered, ...b.body.alreadyOrdered]).toEqual([line.key]);
    const po = (await t.api("GET", `/api/purchase-orders/${created[0].poNo}`, { as: "purchasing" })).body;
    expect(po.lines).toEqual([expect.objectContaining({ sku: part, qty: 20, orderNo: order.orderNo, state: "unconfirmed", priceFen: 1500 })]);
    const request = await t.database.db.selectFrom("purchase_requests").selectAll().where("id", "=", line.requestId).executeTakeFirstOrThrow();
    expect(request.status).toBe("confirmed");

    // The next plan counts the line: nothing is proposed or requested again, and a third accept creates nothing.
    await replan();
    await replan();
    const again = (await t.api("GET", "/api/purchasing/proposals", { as: "purchasing" })).body;
    expect(again.groups.flatMap((g: { lines: { sku: string }[] }) => g.lines).filter((l: { sku: string }) => l.sku === part)).toEqual([]);
    const third = await t.api("POST", "/api/purchasing/proposals/accept", { as: "purchasing", body: { keys: [line.key] } });
    expect(third.body).toEqual({ created: [], alreadyOrdered: [line.key] });
    const lines = await t.database.db.selectFrom("purchase_order_lines").select(["qty"]).where("sku", "=", part).execute();
    expect(lines.map((l) => Number(l.qty))).toEqual([20]);
    const requests = await t.database.db.selectFrom("purchase_requests").select("status").where("sku", "=", part).execute();
    expect(requests.map((r) => r.status)).toEqual(["confirmed"]);
  });

  it("suppliers: bad input names the field; a duplicate code is a conflict", async () => {
    const bad = await t.api("POST", "/api/suppliers", { as: "purchasing", body: { code: "S-BAD", name: "坏", items: [{ sku: "NOPE", priceFen: 1 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("items[0].sku");
    const ok = await t.api("POST", "/api/suppliers", {
      as: "purchasing",
      body: { code: "S-DUP", name: "苏州某供应商", closures: [{ from: "2027-02-03", to: "2027-02-17", reason: "春节" }] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ code: "S-DUP", leadTimeDays: 14, receiptTolerancePct: 5, reliability: { lines: 0, onTimeRate: null } });
    expect((await t.api("POST", "/api/suppliers", { as: "purchasing", body: { code: "S-DUP", name: "again" } })).status).toBe(409);
    const po = await t.api("POST", "/api/purchase-orders", {
      as: "purchasing",
      body: { supplier: "S-DUP", location: "WH-MAIN", lines: [{ sku: "PM-CHIP", qty: 1, requestedDate: "2027-02-30" }] },
    });
    expect(po.status).toBe(400);
    expect(po.body.error.field).toContain("requestedDate");
    const keyed = {
      as: "purchasing" as const,
      headers: { "idempotency-key": "po-retry-0001" },
      body: { supplier: "S-DUP", location: "WH-MAIN", lines: [{ sku: "PM-CHIP", qty: 3, requestedDate: addDays(today, 30) }] },
    };
    const first = await t.api("POST", "/api/purchase-orders", keyed);
    const retry = await t.api("POST", "/api/purchase-orders", keyed);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.poNo).toBe(first.body.poNo);
  });
});

describe("talking to suppliers", () => {
  it("sends the order as PDF and Excel, and takes the supplier's Excel back with a dry run first", async () => {
    const { part } = await partAndProduct(t, "XLS");
    await supplierFor(t, "S-XLS", part, { name: "无锡回传测试供应商" });
    const po = await placePo(t, "S-XLS", [
      { sku: part, qty: 30, requestedDate: addDays(today, 12) },
      { sku: part, qty: 20, requestedDate: addDays(today, 20) },
    ]);
    const pdf = await t.fetch("GET", `/api/purchase-orders/${po.poNo}/pdf`, { as: "purchasing" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(2000);

    const xlsx = await t.fetch("GET", `/api/purchase-orders/${po.poNo}/xlsx`, { as: "purchasing" });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(["采购单号", "行号", "要求到货日期", "确认交期", "确认数量"]));
    expect(sheet.getRow(2).getCell(1).value).toBe(po.poNo);
    // The supplier answers line 1 with a date as text, line 2 with an Excel date and a smaller quantity.
    sheet.getRow(2).getCell(8).value = addDays(today, 15).replaceAll("-", "/");
    sheet.getRow(3).getCell(8).value = new Date(`${addDays(today, 22)}T00:00:00Z`);
    sheet.getRow(3).getCell(9).value = 18;
    const upload = async (wb: ExcelJS.Workbook, dryRun: boolean) => {
      const form = new FormData();
      form.append("file", new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), "回传.xlsx");
      return t.api("POST", `/api/purchasing/confirmations?dryRun=${dryRun ? 1 : 0}`, { as: "purchasing", form });
    };
    const dry = await upload(book, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, refused: [] });
    expect(dry.body.rows).toEqual([
      { row: 2, poNo: po.poNo, line: 1, from: addDays(today, 12), to: addDays(today, 15), qty: null, changes: true },
      { row: 3, poNo: po.poNo, line: 2, from: addDays(today, 20), to: addDays(today, 22), qty: 18, changes: true },
    ]);
    expect((await t.api("GET", `/api/purchase-orders/${po.poNo}`, { as: "purchasing" })).body.lines.map((l: { state: string }) => l.state)).toEqual([
      "unconfirmed",
      "unconfirmed",
    ]);

    // A row naming a line that does not exist refuses the whole file.
    const row = sheet.addRow([]);
    row.getCell(1).value = po.poNo;
    row.getCell(2).value = 9;
    row.getCell(8).value = addDays(today, 30);
    const bad = await upload(book, false);
    expect(bad.body).toMatchObject({ applied: false, refused: [{ row: 4, field: "line" }] });
    expect((await t.api("GET", `/api/purchase-orders/${po.poNo}`, { as: "purchasing" })).body.lines[0].state).toBe("unconfirmed");
    sheet.spliceRows(4, 1);

    const done = await upload(book, false);
    expect(done.body).toMatchObject({ dryRun: false, applied: true, refused: [] });
    const lines = (await t.api("GET", `/api/purchase-orders/${po.poNo}`, { as: "purchasing" })).body.lines;
    expect(lines).toEqual([
      expect.objectContaining({ state: "confirmed", confirmedDate: addDays(today, 15), qty: 30 }),
      expect.objectContaining({ state: "confirmed", confirmedDate: addDays(today, 22), qty: 18 }),
    ]);
    const atp = (await t.api("GET", `/api/planning/atp/${part}`, { as: "planner" })).body;
    expect(atp.inTransit.map((s: { qty: number; expectedDate: string; confirmed: boolean }) => [s.qty, s.expectedDate, s.confirmed])).toEqual([
      [30, addDays(today, 15), true],
      [18, addDays(today, 22), true],
    ]);
  });
});
