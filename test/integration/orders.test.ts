import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const today = plantDay(new Date());
const order = (extra: Record<string, unknown> = {}) => ({
  customer: "C-A1",
  lines: [
    { sku: "PS-100", qty: 3, params: { pressureRating: "10MPa", calibrationCert: true } },
    { sku: "TT-200", qty: 2 },
  ],
  ...extra,
});

describe("creating an order", () => {
  it("returns a DH number, status, version, owner and its events", async () => {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: order({ tags: ["VIP"] }) });
    expect(res.status).toBe(201);
    expect(res.body.orderNo).toMatch(new RegExp(`^DH${today.replaceAll("-", "")}\\d{3}$`));
    expect(res.body.status).toBe("confirmed");
    expect(res.body.version).toBe(1);
    expect(res.body.totalAmount).toBe("5549.50"); // 3 × 1250.50 + 2 × 899.00, exact
    expect(res.body.nonstandard).toBe(true);
    expect(res.body.owner).toEqual({ role: "planner", user: null });
    expect(res.body.events.map((e: { to: string }) => e.to)).toEqual(["draft", "confirmed"]);
    expect(res.body.event).toMatchObject({ kind: "transition", from: "draft", to: "confirmed", actor: "sales" });
    expect(res.body.actions).toEqual([]);
  });

  it("answers with exactly what it stored (the reply is built without reading the rows back)", async () => {
    const requestedDate = plantDay(new Date(Date.now() + 40 * 86_400_000));
    for (const body of [
      order({ tags: ["VIP"], note: "蓝色外壳", requestedDate }),
      order({ confirm: false }),
      { customer: "C-C1", lines: [{ sku: "TT-200", qty: 400 }] },
    ]) {
      const created = await t.api("POST", "/api/orders", { as: "sales", body });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const { event, actions, ...reply } = created.body;
      const read = await t.api("GET", `/api/orders/${reply.orderNo}`, { as: "sales" });
      // The order page's extras: its customer link, its work orders, what has shipped, and names in people's words.
      const { statusLink: _link, workOrders: _work, ...page } = read.body;
      expect(page.lines.map((l: { shippedQty: number }) => l.shippedQty)).toEqual(page.lines.map(() => 0));
      const unshipped = { ...page, lines: page.lines.map(({ shippedQty: _shipped, ...line }: { shippedQty: number }) => line) };
      expect(reply).toEqual(withoutNames(unshipped));
      expect(event).toEqual(withoutNames(read.body).events.at(-1));
    }
  });

  it("pins the BOM and routing versions effective at confirmation, not future ones", async () => {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: order() });
    const item = await t.api("GET", "/api/items/PS-100", { as: "sales" });
    const v1 = item.body.bomVersions.find((v: { version: number }) => v.version === 1);
    expect(res.body.lines[0].bomVersionId).toBe(v1.id);
    expect(res.body.lines[0].routingVersionId).toBe(item.body.routingVersions[0].id);
    expect(res.body.lines[1].bomVersionId).toBeNull(); // TT-200 has no BOM in the fixture
  });

  it("sees a master-data change made anywhere (here: straight in the database) at the very next order", async () => {
    await t.database.db
      .insertInto("customers")
      .values({ code: "C-M1", name: "湖州主数据测试有限公司", grade: "B", credit_limit: "900000.00", open_receivables: "0.00" })
      .execute();
    const first = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-M1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(first.body.lines[0].unitPrice).toBe("899.00");
    await t.database.db.updateTable("items").set({ unit_price: "912.00" }).where("sku", "=", "TT-200").execute();
    const next = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-M1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(next.body.lines[0].unitPrice).toBe("912.00");
    await t.database.db.updateTable("items").set({ unit_price: "899.00" }).where("sku", "=", "TT-200").execute();
    await t.database.db.insertInto("bom_versions").values({ sku: "TT-200", version: 1, effective_from: "2025-01-01" }).execute();
    const pinned = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-M1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(pinned.body.lines[0].bomVersionId).not.toBeNull();
  });

  it("keeps a draft unpinned when asked not to confirm", async () => {
    const res = await t.api("POST", "/api/orders", { as: "service", body: order({ confirm: false }) });
    expect(res.body.status).toBe("draft");
    expect(res.body.owner).toEqual({ role: "sales", user: "service" });
    expect(res.body.lines[0].bomVersionId).toBeNull();
  });

  it("numbers orders consecutively within the day", async () => {
    const a = await t.api("POST", "/api/orders", { as: "sales", body: order() });
    const b = await t.api("POST", "/api/orders", { as: "sales", body: order() });
    expect(Number(b.body.orderNo.slice(10))).toBe(Number(a.body.orderNo.slice(10)) + 1);
  });

  it("returns the same order for a retried Idempotency-Key and refuses the key for another body", async () => {
    const headers = { "idempotency-key": "edi-batch-7-order-1" };
    const first = await t.api("POST", "/api/orders", { as: "sales", body: order(), headers });
    const again = await t.api("POST", "/api/orders", { as: "sales", body: order(), headers });
    expect(again.status).toBe(201);
    expect(again.body.orderNo).toBe(first.body.orderNo);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const count = await t.database.db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("idempotency_key", "like", `%#${headers["idempotency-key"]}`)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const other = await t.api("POST", "/api/orders", { as: "sales", body: order({ note: "different" }), headers });
    expect(other.status).toBe(409);
    expect(other.body.error.field).toBe("Idempotency-Key");
  });

  it("refuses the rush channel to a grade D customer, naming the field", async () => {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: order({ customer: "C-D1", rush: true }) });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "business_rule", field: "rush" });
    expect(res.body.error.message).toContain("D 级客户");
    const byTag = await t.api("POST", "/api/orders", {
      as: "sales",
      body: order({ customer: "C-D1", tags: ["VIP", "T+3"] }),
      headers: { "accept-language": "en" },
    });
    expect(byTag.status).toBe(422);
    expect(byTag.body.error.field).toBe("tags[1]");
    expect(byTag.body.error.message).toBe("Grade D customer C-D1 cannot use the rush channel");
  });
});

describe("reading orders", () => {
  it("gets one order with lines, owner and history", async () => {
    const created = await t.api("POST", "/api/orders", { as: "sales", body: order() });
    const res = await t.api("GET", `/api/orders/${created.body.orderNo}`, { as: "warehouse" });
    expect(res.status).toBe(200);
    expect(res.body.lines).toHaveLength(2);
    expect(res.body.events).toHaveLength(2);
    expect(res.headers.get("etag")).toBe('"1"');
  });

  it("404s an unknown order", async () => {
    const res = await t.api("GET", "/api/orders/DH20990101001", { as: "sales" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("lists with filters and pages by cursor without repeats", async () => {
    for (let i = 0; i < 5; i++) await t.api("POST", "/api/orders", { as: "sales", body: order({ customer: "C-B1" }) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { orders: { orderNo: string; customer: string }[]; nextCursor: string | null } } = await t.api(
        "GET",
        `/api/orders?customer=C-B1&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { as: "sales" },
      );
      for (const o of res.body.orders) expect(o.customer).toBe("C-B1");
      seen.push(...res.body.orders.map((o) => o.orderNo));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const byName = await t.api("GET", `/api/orders?q=${encodeURIComponent("华光")}&limit=100`, { as: "sales" });
    expect(byName.body.orders.length).toBe(5);
    const drafts = await t.api("GET", "/api/orders?status=draft,on_hold", { as: "sales" });
    for (const o of drafts.body.orders) expect(["draft", "on_hold"]).toContain(o.status);
  });
});

/** An order page without the names it shows beside codes (customer, owner, actors, items): the stored order. */
function withoutNames(page: Record<string, unknown>) {
  const {
    customerName: _c,
    owner,
    lines,
    events,
    ...rest
  } = page as {
    customerName?: string;
    owner: { name?: unknown };
    lines: { itemName?: string; uom?: string }[];
    events: { actorNames?: unknown }[];
  };
  const { name: _n, ...ownerCodes } = owner;
  return {
    ...rest,
    owner: ownerCodes,
    lines: lines.map(({ itemName: _i, uom: _u, ...line }) => line),
    events: events.map(({ actorNames: _a, ...event }) => event),
  };
}
