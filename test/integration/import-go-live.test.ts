// The dual run (双轨制): once the admin sets a go-live date, ledger rows dated from it on are not imported
// as history but listed as orders that should have been entered in Lvyue (matched by order number, or
// by customer, day and amount), downloadable as Excel; the history imported stays read-only.
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, placeOrder } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { LEDGER_HEADER, upload, workbook } from "../support/workbooks.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const HENGRUI = "苏州恒锐机电有限责任公司";
const row = (no: string, customer: string, day: string, amount: string) => [no, customer, day, "", "", amount, "PS-100", "2", "待出库", ""];

describe("go-live and the dual run", () => {
  it("is set by the admin only, with the field named when it is wrong, and logged", async () => {
    expect((await t.api("GET", "/api/settings/go-live", { as: "sales" })).body).toMatchObject({ goLiveOn: null, dualRunDays: 30, dualRunEndsOn: null });
    expect((await t.api("PUT", "/api/settings/go-live", { as: "sales", body: { goLiveOn: inDays(-20) } })).status).toBe(403);
    const bad = await t.api("PUT", "/api/settings/go-live", { body: { goLiveOn: "2026-02-30" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("goLiveOn");
    expect((await t.api("PUT", "/api/settings/go-live", { body: { dualRunDays: -1 } })).status).toBe(400);
    const set = await t.api("PUT", "/api/settings/go-live", { body: { goLiveOn: inDays(-20), dualRunDays: 10 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ goLiveOn: inDays(-20), dualRunDays: 10, dualRunEndsOn: inDays(-11), updatedBy: expect.any(String) });
    const log = await t.database.db.selectFrom("master_changes").selectAll().where("entity_key", "=", "go-live").execute();
    expect(log).toHaveLength(1);
  });

  it("imports rows before go-live as history and lists the later ones Lvyue does not hold; the list downloads as Excel", async () => {
    const byNumber = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "PS-100", qty: 2 }], requestedDate: inDays(30) });
    const byMatch = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "PS-100", qty: 3 }], requestedDate: inDays(30) });
    const file = await workbook([
      {
        name: "台账",
        rows: [
          LEDGER_HEADER,
          row("GL-OLD", HENGRUI, inDays(-30), "1200"),
          row("GL-DUAL", HENGRUI, inDays(-15), "800"),
          row(byNumber.orderNo, HENGRUI, inDays(0), "1"),
          row("GL-SAME", HENGRUI, inDays(0), byMatch.totalAmount),
          row("GL-LATE", "南京新客户有限公司", inDays(-1), "500"),
        ],
      },
    ]);
    const dry = await upload(t, file, "双轨.xlsx", "?dryRun=1", { as: "sales" });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ rows: 5, valid: 1, invalid: 0, create: { orders: 1 } });
    const after = dry.body.afterGoLive;
    expect(after).toMatchObject({ goLiveOn: inDays(-20), dualRunEndsOn: inDays(-11), orders: 4, rows: 4 });
    expect(after.inLvyue).toEqual(
      expect.arrayContaining([
        { orderNo: byNumber.orderNo, lvyueOrderNo: byNumber.orderNo, by: "order_no" },
        { orderNo: "GL-SAME", lvyueOrderNo: byMatch.orderNo, by: "customer_date_amount" },
      ]),
    );
    expect(after.missing).toEqual([
      { orderNo: "GL-DUAL", customerName: HENGRUI, customerCode: "C-A1", orderedOn: inDays(-15), amount: "800.00", rows: [3], inDualRun: true },
      { orderNo: "GL-LATE", customerName: "南京新客户有限公司", customerCode: null, orderedOn: inDays(-1), amount: "500.00", rows: [6], inDualRun: false },
    ]);
    // The new customer of a post-go-live row is not created: only history makes customers.
    expect(dry.body.create.customers).toBe(0);

    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(file)]), "双轨.xlsx");
    const sheet = await t.fetch("POST", "/api/imports?dryRun=1&format=reconciliation", { as: "sales", form });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-disposition")).toContain(encodeURIComponent("对账_应录入履约"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await sheet.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(["台账行号", "订单号", "客户", "下单日期", "金额", "时段"]));
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(2).value).toBe("GL-DUAL");
    expect(ws.getRow(2).getCell(6).value).toBe("双轨期内");
    expect(ws.getRow(3).getCell(2).value).toBe("GL-LATE");
    expect(ws.getRow(3).getCell(6).value).toBe("双轨期后");

    const commit = await upload(t, file, "双轨.xlsx", "", { as: "sales" });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body.afterGoLive.missing.map((m: { orderNo: string }) => m.orderNo)).toEqual(["GL-DUAL", "GL-LATE"]);
    const history = await t.database.db.selectFrom("history_orders").select("order_no").execute();
    expect(history.map((h) => h.order_no)).toEqual(["GL-OLD"]);
    expect(await t.database.db.selectFrom("customers").select("code").where("name", "=", "南京新客户有限公司").execute()).toEqual([]);
    // The committed report keeps the list (the import history shows it).
    const listed = await t.api("GET", "/api/imports", { as: "sales" });
    expect(JSON.stringify(listed.body.imports[0].summary)).toContain("GL-LATE");
  });

  it("keeps imported history read-only: no route changes it and the database refuses an update or delete", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect((await t.api(method, "/api/history", { body: {} })).status).toBe(404);
      expect((await t.api(method, "/api/history/GL-OLD", { body: {} })).status).toBe(404);
    }
    await expect(sql`update history_orders set amount = 1 where order_no = 'GL-OLD'`.execute(t.database.db)).rejects.toThrow();
    await expect(sql`delete from history_order_lines where order_no = 'GL-OLD'`.execute(t.database.db)).rejects.toThrow();
    const kept = await t.database.db.selectFrom("history_orders").select("amount").where("order_no", "=", "GL-OLD").executeTakeFirstOrThrow();
    expect(Number(kept.amount)).toBe(1200);
  });

  it("imports every row as history while no go-live date is set", async () => {
    await t.api("PUT", "/api/settings/go-live", { body: { goLiveOn: null } });
    const file = await workbook([{ name: "台账", rows: [LEDGER_HEADER, row("NG-1", HENGRUI, inDays(-2), "300")] }]);
    const dry = await upload(t, file, "未上线.xlsx", "?dryRun=1");
    expect(dry.body).toMatchObject({ valid: 1, afterGoLive: null, create: { orders: 1 } });
  });
});
