import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t?.close());

describe("saved views of the orders list", () => {
  it("saves, lists, replaces by name, shares and deletes views", async () => {
    const mine = await t.api("POST", "/api/views", { as: "sales", body: { list: "orders", name: "我的加急", filter: { q: "加急", status: ["confirmed"] } } });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body).toMatchObject({ name: "我的加急", owner: "sales", shared: false, mine: true, filter: { q: "加急", status: ["confirmed"] } });
    const shared = await t.api("POST", "/api/views", { as: "service", body: { list: "orders", name: "待发货", filter: { status: ["ready"] }, shared: true } });
    expect(shared.status).toBe(201);
    await t.api("POST", "/api/views", { as: "service", body: { list: "orders", name: "私人", filter: {} } });

    const forSales = await t.api("GET", "/api/views?list=orders", { as: "sales" });
    expect(forSales.body.views.map((v: { name: string; mine: boolean }) => [v.name, v.mine])).toEqual([
      ["待发货", false],
      ["我的加急", true],
    ]);

    const replaced = await t.api("POST", "/api/views", { as: "sales", body: { list: "orders", name: "我的加急", filter: { customer: "C-A1" } } });
    expect(replaced.body.id).toBe(mine.body.id);
    expect(replaced.body.filter).toEqual({ customer: "C-A1" });

    const notYours = await t.api("DELETE", `/api/views/${shared.body.id}`, { as: "sales" });
    expect(notYours.status).toBe(403);
    expect(notYours.body.error.message).toContain("service");
    expect((await t.api("DELETE", `/api/views/${mine.body.id}`, { as: "sales" })).status).toBe(204);
    expect((await t.api("DELETE", `/api/views/${mine.body.id}`, { as: "sales" })).status).toBe(404);
    expect((await t.api("DELETE", `/api/views/${shared.body.id}`, { as: "admin" })).status).toBe(204);
  });

  it("refuses a bad view naming the field", async () => {
    const bad = async (body: unknown, field: string) => {
      const res = await t.api("POST", "/api/views", { as: "sales", body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    };
    await bad({ list: "orders", name: "x", filter: { status: ["lost"] } }, "filter.status[0]");
    await bad({ list: "orders", name: "x", filter: { from: "2026-13-01" } }, "filter.from");
    await bad({ list: "orders", name: "", filter: {} }, "name");
    await bad({ list: "customers", name: "x", filter: {} }, "list");
    await bad({ list: "orders", name: "x", filter: { colour: "red" } }, "filter.colour");
    const unknownList = await t.api("GET", "/api/views?list=parts", { as: "sales" });
    expect(unknownList.body.error.field).toBe("list");
  });
});
