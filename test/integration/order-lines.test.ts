// An order goes out in parts and its lines can be lowered before scheduling: part shipments by line keep
// the order ready (partly shipped) until its last line has gone; a lower quantity changes the amounts,
// gives back the stock held above it, and a stale edit is refused with the current version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineAmount, sumMoney } from "../../src/core/money.js";
import { placeOrder, saveRule } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await saveRule(t, {
    name: "C-A1 订单锁库(测试)",
    trigger: { event: "order.created" },
    condition: { "==": [{ var: "customer.code" }, "C-A1"] },
    actions: [{ type: "soft_reserve", expiresInHours: 24 }],
  });
});
afterAll(() => t?.close());

const move = async (orderNo: string, as: "planner" | "warehouse", to: string) => {
  const res = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const toReady = async (orderNo: string) => {
  await move(orderNo, "planner", "scheduled");
  await move(orderNo, "planner", "in_production");
  await move(orderNo, "warehouse", "ready");
};
const ship = (orderNo: string, body: Record<string, unknown>) => t.api("POST", `/api/orders/${orderNo}/shipments`, { as: "warehouse", body });
const view = async (orderNo: string) => (await t.api("GET", `/api/orders/${orderNo}`, { as: "warehouse" })).body;

describe("part shipments by line", () => {
  it("ships 2 of line 1, stays ready and partly shipped, refuses more than remains and the shipped move, then ships the rest", async () => {
    const { orderNo } = await placeOrder(t, {
      customer: "C-B1",
      lines: [
        { sku: "TT-200", qty: 5 },
        { sku: "PM-HOUSING", qty: 3 },
      ],
    });
    await toReady(orderNo);
    const ask = (await t.api("GET", `/api/orders/${orderNo}/actions`, { as: "warehouse" })).body;
    expect(ask.find((a: { action: string }) => a.action === "ship").needs).toEqual(["carrier", "trackingNo", "lines"]);

    const first = await ship(orderNo, { carrier: "顺丰速运", trackingNo: "SF0001", lines: [{ line: 1, qty: 2 }] });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      lines: [{ line: 1, qty: 2 }],
      remaining: [
        { line: 1, qty: 3 },
        { line: 2, qty: 3 },
      ],
      complete: false,
    });
    const partly = await view(orderNo);
    expect(partly.status).toBe("ready");
    expect(partly.lines.map((l: { shippedQty: number }) => l.shippedQty)).toEqual([2, 0]);
    expect(partly.events.at(-1)).toMatchObject({ kind: "changed", actor: "warehouse", data: { shipment: { lines: [{ line: 1, qty: 2 }], complete: false } } });

    // Not ready to be called shipped while 6 pieces wait.
    const early = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "warehouse", body: { to: "shipped" } });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ reason: "order.partly_shipped", field: "to" });
    expect(early.body.error.message).toContain("6");
    // More than remains, an unknown line, a line named twice: refused, nothing written.
    const over = await ship(orderNo, {
      carrier: "顺丰速运",
      trackingNo: "SF0002",
      lines: [
        { line: 2, qty: 1 },
        { line: 1, qty: 4 },
      ],
    });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ reason: "order.ship_over", field: "lines[1].qty" });
    const unknown = await ship(orderNo, { carrier: "顺丰速运", trackingNo: "SF0002", lines: [{ line: 9, qty: 1 }] });
    expect(unknown.body.error).toMatchObject({ reason: "order.line_not_found", field: "lines[0].line" });
    const twice = await ship(orderNo, {
      carrier: "顺丰速运",
      trackingNo: "SF0002",
      lines: [
        { line: 2, qty: 1 },
        { line: 2, qty: 1 },
      ],
    });
    expect(twice.body.error).toMatchObject({ reason: "order.line_repeated", field: "lines[1].line" });
    expect((await t.api("GET", `/api/orders/${orderNo}/shipments`, { as: "service" })).body.shipments).toHaveLength(1);

    // No lines named: everything still to ship goes in this parcel; then the order may be shipped.
    const rest = await ship(orderNo, { carrier: "德邦物流", trackingNo: "DB0003" });
    expect(rest.body).toMatchObject({
      lines: [
        { line: 1, qty: 3 },
        { line: 2, qty: 3 },
      ],
      remaining: [],
      complete: true,
    });
    await move(orderNo, "warehouse", "shipped");
    const shipments = (await t.api("GET", `/api/orders/${orderNo}/shipments`, { as: "service" })).body.shipments;
    expect(shipments.map((s: { trackingNo: string; lines: unknown[] }) => [s.trackingNo, s.lines])).toEqual([
      ["SF0001", [{ line: 1, qty: 2 }]],
      [
        "DB0003",
        [
          { line: 1, qty: 3 },
          { line: 2, qty: 3 },
        ],
      ],
    ]);
    expect((await view(orderNo)).lines.map((l: { shippedQty: number }) => l.shippedQty)).toEqual([5, 3]);
  });

  it("a one-piece order ships whole as before: no lines asked, shipment then transition", async () => {
    const { orderNo } = await placeOrder(t, { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] });
    await toReady(orderNo);
    const ask = (await t.api("GET", `/api/orders/${orderNo}/actions`, { as: "warehouse" })).body;
    expect(ask.find((a: { action: string }) => a.action === "ship").needs).toEqual(["carrier", "trackingNo"]);
    expect((await ship(orderNo, { carrier: "顺丰速运", trackingNo: "SF0100" })).body).toMatchObject({ complete: true, lines: [{ line: 1, qty: 1 }] });
    await move(orderNo, "warehouse", "shipped");
  });
});

describe("PATCH /api/orders/:orderNo/lines", () => {
  it("lowers a line with If-Match: amounts and total follow, the stock held above it goes back, the event says what changed", async () => {
    const placed = await placeOrder(t, {
      customer: "C-A1",
      lines: [
        { sku: "PM-HOUSING", qty: 4 },
        { sku: "TT-200", qty: 2 },
      ],
    });
    const { orderNo } = placed;
    const held = async () => {
      const rows = await t.database.db
        .selectFrom("reservations")
        .select("qty")
        .where("order_no", "=", orderNo)
        .where("line_no", "=", 1)
        .where("status", "=", "active")
        .execute();
      return rows.reduce((n, r) => n + Number(r.qty), 0);
    };
    const reservedOfStock = async () =>
      (
        await t.database.db
          .selectFrom("inventory_balances")
          .select((eb) => eb.fn.sum<string>("reserved").as("r"))
          .where("sku", "=", "PM-HOUSING")
          .executeTakeFirstOrThrow()
      ).r;
    const heldBefore = await held();
    expect(heldBefore).toBeGreaterThan(1);
    const stockBefore = Number(await reservedOfStock());

    const res = await t.api("PATCH", `/api/orders/${orderNo}/lines`, {
      as: "sales",
      body: { lines: [{ line: 1, qty: 1 }] },
      headers: { "if-match": String(placed.version) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${placed.version + 1}"`);
    const [l1, l2] = res.body.lines;
    expect(l1).toMatchObject({ qty: 1, amount: lineAmount(l1.unitPrice, 1) });
    expect(res.body.totalAmount).toBe(sumMoney([l1.amount, l2.amount]));
    expect(res.body.events.at(-1)).toMatchObject({
      kind: "changed",
      actor: "sales",
      data: { lines: { from: [{ line: 1, qty: 4 }], to: [{ line: 1, qty: 1 }] }, totalAmount: { from: placed.totalAmount, to: res.body.totalAmount } },
    });
    expect(await held()).toBe(1);
    expect(Number(await reservedOfStock())).toBe(stockBefore - (heldBefore - 1));

    // Someone who saw the old version is told the current one; nothing changes.
    const stale = await t.api("PATCH", `/api/orders/${orderNo}/lines`, {
      as: "service",
      body: { lines: [{ line: 2, qty: 1 }] },
      headers: { "if-match": String(placed.version) },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "stale_version", currentVersion: placed.version + 1 });
    expect((await view(orderNo)).lines[1].qty).toBe(2);
  });

  it("refuses a larger quantity, a role that does not keep lines and a scheduled order", async () => {
    const placed = await placeOrder(t, { customer: "C-B1", lines: [{ sku: "TT-200", qty: 3 }] });
    const patch = (as: "sales" | "planner", qty: number, version: number) =>
      t.api("PATCH", `/api/orders/${placed.orderNo}/lines`, { as, body: { lines: [{ line: 1, qty }] }, headers: { "if-match": String(version) } });
    const more = await patch("sales", 4, placed.version);
    expect(more.status).toBe(422);
    expect(more.body.error).toMatchObject({ reason: "order.line_increase", field: "lines[0].qty" });
    expect((await patch("planner", 2, placed.version)).status).toBe(403);
    await move(placed.orderNo, "planner", "scheduled");
    const locked = await patch("sales", 2, placed.version + 1);
    expect(locked.status).toBe(422);
    expect(locked.body.error).toMatchObject({ reason: "order.lines_locked", field: "lines" });
    expect((await view(placed.orderNo)).lines[0].qty).toBe(3);
    const offered = (await t.api("GET", `/api/orders/${placed.orderNo}/actions`, { as: "sales" })).body.map((a: { action: string }) => a.action);
    expect(offered).not.toContain("editLines");
  });
});
