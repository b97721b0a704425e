// A ledger's short name is proposed as an existing customer; the person confirms it, the spelling becomes
// an alias, and the next import and the order entry search find the customer by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { LEDGER_HEADER, upload, workbook } from "../support/workbooks.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const ledger = (rows: unknown[][]) => workbook([{ name: "2025", rows: [LEDGER_HEADER, ...rows] }]);
const row = (no: string, customer: string) => [no, customer, "2025-03-01", "2025-03-20", "2025-03-19", "1000", "PS-100", "2", "已交货", ""];
type Outcome = { code: string; name: string; action: string; by?: string; proposals?: { code: string; confidence: number; by: string }[] };

describe("customer aliases from the importer's proposals", () => {
  it("proposes 常州精测 as 常州精测自动化有限公司; once confirmed, the next dry run matches it by alias", async () => {
    const file = await ledger([row("AL001", "常州精测"), row("AL002", "常州精测"), row("AL003", "广州白云电器有限公司")]);
    const first = await upload(t, file, "aliases.xlsx", "?dryRun=1", { as: "sales" });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const short = (first.body.customers as Outcome[]).find((c) => c.name === "常州精测");
    expect(short).toMatchObject({ action: "create" });
    expect(short?.proposals?.[0]).toMatchObject({ code: "C-C1", by: "short_name" });
    expect(short?.proposals?.[0].confidence).toBeGreaterThan(0.7);
    // An unrelated new customer gets no proposal.
    expect((first.body.customers as Outcome[]).find((c) => c.name === "广州白云电器有限公司")?.proposals).toEqual([]);
    expect(first.body.create.customers).toBe(2);

    const confirmed = await t.api("POST", "/api/customers/C-C1/aliases", { as: "sales", body: { alias: " 常州精测 " } });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    expect(confirmed.body).toMatchObject({ alias: "常州精测", customerCode: "C-C1", createdBy: expect.any(String) });
    // Confirming again answers the same alias and adds nothing.
    expect((await t.api("POST", "/api/customers/C-C1/aliases", { as: "sales", body: { alias: "常州精测" } })).status).toBe(201);
    expect((await t.api("GET", "/api/customers/C-C1/aliases", { as: "sales" })).body.aliases).toHaveLength(1);

    const again = await upload(t, file, "aliases.xlsx", "?dryRun=1", { as: "sales" });
    expect((again.body.customers as Outcome[]).find((c) => c.code === "C-C1")).toMatchObject({ action: "matched", by: "alias", orders: 2 });
    expect(again.body.create.customers).toBe(1);

    // The master-data log keeps who confirmed it.
    const log = await t.database.db.selectFrom("master_changes").selectAll().where("entity_key", "=", "C-C1").execute();
    expect(log.some((l) => JSON.stringify(l.change).includes("常州精测"))).toBe(true);
  });

  it("finds the customer by its alias in the order entry search", async () => {
    await t.api("POST", "/api/customers/C-B1/aliases", { as: "sales", body: { alias: "华光仪表" } });
    const found = await t.api("GET", `/api/customers?q=${encodeURIComponent("华光仪表")}`, { as: "sales" });
    expect(found.body.customers.map((c: { code: string }) => c.code)).toEqual(["C-B1"]);
  });

  it("refuses a spelling that names another customer, the customer's own name, an empty one and an unknown customer", async () => {
    const taken = await t.api("POST", "/api/customers/C-A1/aliases", { as: "sales", body: { alias: "常州精测" } });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ field: "alias", code: "conflict", reason: "customer.alias_taken" });
    const othersName = await t.api("POST", "/api/customers/C-A1/aliases", { as: "sales", body: { alias: "无锡华光仪表有限公司" } });
    expect(othersName.status).toBe(409);
    const own = await t.api("POST", "/api/customers/C-A1/aliases", { as: "sales", body: { alias: "苏州恒锐机电有限责任公司" } });
    expect(own.status).toBe(400);
    expect(own.body.error.field).toBe("alias");
    const empty = await t.api("POST", "/api/customers/C-A1/aliases", { as: "sales", body: { alias: "   " } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe("alias");
    expect((await t.api("POST", "/api/customers/C-NONE/aliases", { as: "sales", body: { alias: "某某" } })).status).toBe(404);
    expect((await t.api("POST", "/api/customers/C-A1/aliases", { as: "warehouse", body: { alias: "恒锐" } })).status).toBe(403);
    expect((await t.api("GET", "/api/customers/C-A1/aliases", { as: "sales" })).body.aliases).toEqual([]);
  });
});
