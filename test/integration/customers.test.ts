import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("customer master", () => {
  it("creates a customer and logs the change with the actor's roles", async () => {
    const res = await t.api("POST", "/api/customers", {
      as: "finance",
      body: { code: "C-NEW", name: "杭州新锐传感有限公司", grade: "B", creditLimit: "300000.00", contactPhone: "+86 571 8888 0000" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: "C-NEW",
      grade: "B",
      creditLimit: "300000.00",
      openReceivables: "0.00",
      creditHeadroom: "300000.00",
      onTimeRate: null,
      version: 1,
    });
    const log = await t.database.db.selectFrom("master_changes").selectAll().where("entity_key", "=", "C-NEW").execute();
    expect(log).toHaveLength(1);
    expect(log[0].actor_roles).toEqual(["finance"]);
    const dup = await t.api("POST", "/api/customers", { as: "finance", body: { code: "C-NEW", name: "重复", grade: "C" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe("code");
  });

  it("lets sales keep contacts but leaves grade and credit to finance", async () => {
    const current = await t.api("GET", "/api/customers/C-B1", { as: "sales" });
    const contact = await t.api("PATCH", "/api/customers/C-B1", {
      as: "sales",
      headers: { "if-match": String(current.body.version) },
      body: { contactName: "陈工" },
    });
    expect(contact.status).toBe(200);
    expect(contact.body.contactName).toBe("陈工");
    const grade = await t.api("PATCH", "/api/customers/C-B1", { as: "sales", headers: { "if-match": String(contact.body.version) }, body: { grade: "A" } });
    expect(grade.status).toBe(403);
    expect(grade.body.error.field).toBe("grade");
    const credit = await t.api("POST", "/api/customers", { as: "sales", body: { code: "C-NEW2", name: "某公司", grade: "C", creditLimit: "9999999.00" } });
    expect(credit.status).toBe(403);
    // Grade and credit change only with a reason, which the master-data log keeps.
    const noReason = await t.api("PATCH", "/api/customers/C-B1", {
      as: "finance",
      headers: { "if-match": String(contact.body.version) },
      body: { grade: "A", creditLimit: "800000.00" },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ field: "reason", message: "修改 grade 需要填写原因" });
    const byFinance = await t.api("PATCH", "/api/customers/C-B1", {
      as: "finance",
      headers: { "if-match": String(contact.body.version) },
      body: { grade: "A", creditLimit: "800000.00", reason: "年度授信复审" },
    });
    expect(byFinance.body).toMatchObject({ grade: "A", creditLimit: "800000.00", version: contact.body.version + 1 });
    const logged = await t.database.db
      .selectFrom("master_changes")
      .select(["actor", "change"])
      .where("entity", "=", "customer")
      .where("entity_key", "=", "C-B1")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ actor: "finance", change: { reason: "年度授信复审", creditLimit: { from: "500000.00", to: "800000.00" } } });
    const stale = await t.api("PATCH", "/api/customers/C-B1", { as: "finance", headers: { "if-match": "1" }, body: { region: "江苏" } });
    expect(stale.status).toBe(409);
  });

  it("keeps delivery and invoice addresses with the contacts, each field checked", async () => {
    const current = await t.api("GET", "/api/customers/C-C1", { as: "sales" });
    const addresses = [{ label: "收货地址", address: "常州市武进区常武中路 18 号 3 号门", contact: "钱经理", phone: "0519-8888 0000" }];
    const saved = await t.api("PATCH", "/api/customers/C-C1", { as: "sales", headers: { "if-match": String(current.body.version) }, body: { addresses } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.addresses).toEqual(addresses);
    const bad = await t.api("PATCH", "/api/customers/C-C1", {
      as: "sales",
      headers: { "if-match": String(saved.body.version) },
      body: { addresses: [{ label: "收货", address: "" }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("addresses[0].address");
  });

  it("computes the on-time rate from deliveries, never from a typed field", async () => {
    const deliver = async (promised: string) => {
      const o = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-C1", lines: [{ sku: "TT-200", qty: 1 }] } });
      const no = o.body.orderNo;
      await t.api("PATCH", `/api/orders/${no}`, { as: "planner", headers: { "if-match": "1" }, body: { promisedDate: promised } });
      for (const [to, as] of [
        ["scheduled", "planner"],
        ["in_production", "planner"],
        ["ready", "warehouse"],
        ["shipped", "warehouse"],
        ["delivered", "service"],
      ] as const) {
        const r = await t.api("POST", `/api/orders/${no}/transitions`, { as, body: { to } });
        expect(r.status).toBe(200);
      }
    };
    await deliver("2099-12-31"); // on time
    await deliver("2099-12-31"); // on time
    await deliver("2026-01-01"); // promised in the past: delivered late
    const res = await t.api("GET", "/api/customers/C-C1", { as: "sales" });
    expect(res.body.deliveredOrders).toBe(3);
    expect(res.body.onTimeRate).toBeCloseTo(2 / 3, 4);
    const bad = await t.api("PATCH", "/api/customers/C-C1", { as: "finance", headers: { "if-match": "1" }, body: { onTimeRate: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("onTimeRate");
  });

  it("lists and searches", async () => {
    const res = await t.api("GET", `/api/customers?q=${encodeURIComponent("恒锐")}`, { as: "service" });
    expect(res.body.customers.map((c: { code: string }) => c.code)).toEqual(["C-A1"]);
    const d = await t.api("GET", "/api/customers?grade=D", { as: "service" });
    expect(d.body.customers.every((c: { grade: string }) => c.grade === "D")).toBe(true);
    const missing = await t.api("GET", "/api/customers/NOPE", { as: "service" });
    expect(missing.status).toBe(404);
  });
});

describe("items, BOM and routing versions", () => {
  it("shows an item with its versions", async () => {
    const res = await t.api("GET", "/api/items/PS-100", { as: "engineering" });
    expect(res.status).toBe(200);
    expect(res.body.bomVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(res.body.paramSchema.pressureRating.values).toContain("10MPa");
  });

  it("gives today's BOM by default and any version on request, with the routing", async () => {
    const today = await t.api("GET", "/api/items/PS-100/bom", { as: "planner" });
    expect(today.body.bom.version).toBe(1);
    expect(today.body.bom.lines.map((l: { sku: string; qtyPer: string }) => `${l.sku}×${Number(l.qtyPer)}`)).toEqual(["PM-HOUSING×1", "SA-CORE×1"]);
    expect(today.body.routing.operations.map((o: { workCentre: string }) => o.workCentre)).toEqual(["WC-ASM", "WC-CAL"]);
    const v2 = await t.api("GET", "/api/items/PS-100/bom?version=2", { as: "planner" });
    expect(v2.body.bom.lines.find((l: { sku: string }) => l.sku === "PM-HOUSING").qtyPer).toBe("2.0000");
    const none = await t.api("GET", "/api/items/PS-100/bom?version=9", { as: "planner" });
    expect(none.status).toBe(404);
    expect(none.body.error.field).toBe("version");
  });

  it("a new BOM version never changes a confirmed order", async () => {
    const o = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1 }] } });
    const pinned = o.body.lines[0].bomVersionId;
    await t.database.db.insertInto("bom_versions").values({ sku: "PS-100", version: 3, effective_from: "2020-01-01", note: "工程变更 ECN-1" }).execute();
    const after = await t.api("GET", `/api/orders/${o.body.orderNo}`);
    expect(after.body.lines[0].bomVersionId).toBe(pinned);
    const next = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1 }] } });
    expect(next.body.lines[0].bomVersionId).not.toBe(pinned);
  });
});
