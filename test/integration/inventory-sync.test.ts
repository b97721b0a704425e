import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationToken, startTestApp, type TestApp } from "../support/test-app.js";
import { workbook } from "../support/workbooks.js";

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await integrationToken(t.database);
  await t.database.db.insertInto("locations").values({ code: "WH-2", name: "二号仓" }).execute();
  await t.database.db.updateTable("inventory_balances").set({ reserved: "50" }).where("sku", "=", "PM-CHIP").execute();
});
afterAll(() => t?.close());

const balance = async (sku: string, location = "WH-MAIN") =>
  (
    await t.database.db
      .selectFrom("inventory_balances")
      .select(["on_hand", "reserved"])
      .where("sku", "=", sku)
      .where("location", "=", location)
      .executeTakeFirst()
  )?.on_hand;

describe("WMS sync", () => {
  it("applies balances and in-transit lines from an API token, once per batch id", async () => {
    const body = {
      batchId: "wms-0001",
      balances: [
        { sku: "PM-HOUSING", location: "WH-MAIN", onHand: "420" },
        { sku: "PM-HOUSING", location: "WH-2", onHand: 35.5 },
      ],
      inTransit: [{ kind: "purchase", ref: "PO-7001", sku: "PM-CHIP", location: "WH-MAIN", qty: "1000", expectedDate: "2026-12-10" }],
    };
    const res = await t.api("POST", "/api/inventory/sync", { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ batchId: "wms-0001", applied: { balances: 2, inTransit: 1 }, rejected: [], replayed: false });
    expect(await balance("PM-HOUSING")).toBe("420.000");
    expect(await balance("PM-HOUSING", "WH-2")).toBe("35.500");
    const po = await t.database.db.selectFrom("supply_lines").selectAll().where("ref", "=", "PO-7001").executeTakeFirstOrThrow();
    expect(po).toMatchObject({ qty: "1000.000", expected_date: "2026-12-10", status: "open" });

    // A stock movement after the batch must survive a retry of the same batch.
    await t.database.db.updateTable("inventory_balances").set({ on_hand: "400" }).where("sku", "=", "PM-HOUSING").where("location", "=", "WH-MAIN").execute();
    const retry = await t.api("POST", "/api/inventory/sync", { token, body });
    expect(retry.body).toMatchObject({ replayed: true, applied: { balances: 2, inTransit: 1 } });
    expect(await balance("PM-HOUSING")).toBe("400.000");
    const changed = await t.api("POST", "/api/inventory/sync", { token, body: { ...body, balances: [body.balances[0]] } });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ reason: "sync.batch_mismatch", field: "batchId" });
  });

  it("refuses the whole batch when a line is wrong, naming each line, unless partial mode is asked for", async () => {
    const body = {
      batchId: "wms-0002",
      balances: [
        { sku: "PM-HOUSING", location: "WH-MAIN", onHand: "300" },
        { sku: "PM-CHIP", location: "WH-MAIN", onHand: "10" },
        { sku: "NO-SUCH", location: "WH-MAIN", onHand: "1" },
        { sku: "PM-HOUSING", location: "WH-9", onHand: "1" },
      ],
      inTransit: [{ kind: "transfer", ref: "TR-1", sku: "PM-CHIP", location: "WH-2", qty: 5, expectedDate: "2026-12-01" }],
    };
    const res = await t.api("POST", "/api/inventory/sync", { as: "warehouse", body, headers: { "accept-language": "en" } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ reason: "sync.rejected", field: "balances[1].onHand" });
    expect(res.body.error.rejected).toEqual([
      { line: "balances[1]", field: "balances[1].onHand", reason: "stock.below_reserved", message: "on hand is below the reserved quantity (10 < 50.000)" },
      { line: "balances[2]", field: "balances[2].sku", reason: "item.unknown", message: "item NO-SUCH does not exist" },
      { line: "balances[3]", field: "balances[3].location", reason: "location.unknown", message: "location WH-9 does not exist" },
    ]);
    expect(await balance("PM-HOUSING")).toBe("400.000");
    expect(await t.database.db.selectFrom("supply_lines").select("id").where("ref", "=", "TR-1").executeTakeFirst()).toBeUndefined();

    const partial = await t.api("POST", "/api/inventory/sync?partial=1", { as: "warehouse", body });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ partial: true, applied: { balances: 1, inTransit: 1 } });
    expect(partial.body.rejected).toHaveLength(3);
    expect(await balance("PM-HOUSING")).toBe("300.000");
    expect(await balance("PM-CHIP")).toBe("80.000");
  });

  it("refuses malformed lines with the field at fault", async () => {
    const res = await t.api("POST", "/api/inventory/sync", {
      token,
      body: { batchId: "x", balances: [{ sku: "PM-CHIP", location: "WH-MAIN", onHand: "-5" }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("balances[0].onHand");
    const duplicate = await t.api("POST", "/api/inventory/sync", {
      token,
      body: {
        batchId: "dup",
        balances: [
          { sku: "PM-CHIP", location: "WH-MAIN", onHand: "60" },
          { sku: "PM-CHIP", location: "WH-MAIN", onHand: "70" },
        ],
      },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error.rejected[0]).toMatchObject({ line: "balances[1]", reason: "line.duplicate" });
  });

  it("takes the same from a WMS export file", async () => {
    const file = await workbook([
      {
        name: "库存",
        rows: [
          ["物料编码", "库位", "库存数量"],
          ["PM-HOUSING", "WH-MAIN", "1,200 pcs"],
          ["PM-CHIP", "wh-main", 90],
        ],
      },
    ]);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(file)]), "wms.xlsx");
    const res = await t.api("POST", "/api/inventory/sync/file", { token, form });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      applied: { balances: 2 },
      rows: [
        { line: "balances[0]", row: 2 },
        { line: "balances[1]", row: 3 },
      ],
    });
    expect(await balance("PM-HOUSING")).toBe("1200.000");
    expect(await balance("PM-CHIP")).toBe("90.000");

    const bad = await workbook([
      {
        name: "库存",
        rows: [
          ["物料编码", "库位", "库存数量"],
          ["PM-HOUSING", "WH-MAIN", "5"],
          ["PM-CHIP", "WH-MAIN", "很多"],
        ],
      },
    ]);
    const badForm = new FormData();
    badForm.append("file", new Blob([new Uint8Array(bad)]), "wms.xlsx");
    const refused = await t.api("POST", "/api/inventory/sync/file", { as: "warehouse", form: badForm });
    expect(refused.status).toBe(422);
    expect(refused.body.error.rejected[0]).toMatchObject({ line: "row 3", field: "onHand", reason: "qty.unreadable" });
    expect(await balance("PM-HOUSING")).toBe("1200.000");
  });
});
