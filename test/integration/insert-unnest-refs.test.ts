// Rows written in one statement can point at rows written earlier in it: by index, resolved to new ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUnnestTogether, unnestPart } from "../../src/core/db/insert-unnest.js";
import { placeOrder } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let orderNo: string;
beforeAll(async () => {
  t = await startTestApp();
  orderNo = (await placeOrder(t, { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] })).orderNo;
});
afterAll(() => t?.close());

const tasks = (titles: string[]) =>
  unnestPart({
    table: "tasks",
    columns: { title: "text", order_no: "text", assignee_role: "text", created_by: "text" },
    rows: titles.map((title) => ({ title, order_no: orderNo, assignee_role: "planner", created_by: "test" })),
    returningId: true,
  });
const blocks = (parent: ReturnType<typeof tasks>, taskAt: (number | null)[]) =>
  unnestPart({
    table: "order_blocks",
    columns: { order_no: "text", to_status: "text", reason: "text", task_id: "int" },
    rows: taskAt.map((at, i) => ({ order_no: orderNo, to_status: "scheduled", reason: `block ${i}`, task_id: at })),
    refs: { task_id: parent },
    returningId: true,
  });

describe("references between the parts of one statement", () => {
  it("writes each reference as the new id of the row it names, null staying null", async () => {
    const parent = tasks(["first", "second", "third"]);
    const [taskIds, blockIds] = await insertUnnestTogether(t.database.db, [parent, blocks(parent, [2, null, 0, 2])]);
    const rows = await t.database.db.selectFrom("order_blocks").select(["id", "task_id"]).where("id", "in", blockIds).orderBy("id").execute();
    expect(rows.map((r) => r.task_id)).toEqual([taskIds[2], null, taskIds[0], taskIds[2]]);
    const titles = await t.database.db.selectFrom("tasks").select(["id", "title"]).where("id", "in", taskIds).orderBy("id").execute();
    expect(titles.map((r) => r.title)).toEqual(["first", "second", "third"]);
  });

  it("references to a part with no rows are null", async () => {
    const parent = tasks([]);
    const [, blockIds] = await insertUnnestTogether(t.database.db, [parent, blocks(parent, [null])]);
    const row = await t.database.db.selectFrom("order_blocks").select("task_id").where("id", "=", blockIds[0]).executeTakeFirstOrThrow();
    expect(row.task_id).toBeNull();
  });

  it("sets a JSON key to the new id of the row named, leaving rows that name none as they are", async () => {
    const parent = tasks(["one", "two"]);
    const messages = unnestPart({
      table: "outbox",
      columns: { topic: "text", payload: "jsonb", order_no: "text" },
      rows: [
        { topic: "robot", payload: JSON.stringify({ n: 0 }), order_no: orderNo, task_at: 1 },
        { topic: "robot", payload: JSON.stringify({ n: 1 }), order_no: orderNo, task_at: null },
      ],
      jsonIds: [{ column: "payload", key: "taskId", at: "task_at", part: parent }],
      returningId: true,
    });
    const [taskIds, outboxIds] = await insertUnnestTogether(t.database.db, [parent, messages]);
    const rows = await t.database.db.selectFrom("outbox").select("payload").where("id", "in", outboxIds).orderBy("id").execute();
    expect(rows.map((r) => r.payload)).toEqual([{ n: 0, taskId: taskIds[1] }, { n: 1 }]);
  });

  it("a statement that fails (a prepared one, run again) reports the database's error and leaves the connection usable", async () => {
    const orphan = (order: string) =>
      unnestPart({
        table: "order_blocks",
        columns: { order_no: "text", to_status: "text", reason: "text" },
        rows: [{ order_no: order, to_status: "scheduled", reason: "x" }],
      });
    for (let i = 0; i < 3; i++) {
      const error = await insertUnnestTogether(t.database.db, [orphan("SO-NO-SUCH-ORDER")]).then(
        () => undefined,
        (e: { code?: string }) => e,
      );
      expect(error?.code).toBe("23503");
    }
    await insertUnnestTogether(t.database.db, [orphan(orderNo)]);
    const blocks = await t.database.db.selectFrom("order_blocks").select("id").where("order_no", "=", orderNo).where("reason", "=", "x").execute();
    expect(blocks).toHaveLength(1);
  });

  it("refuses a reference to a part written after it", async () => {
    const parent = tasks(["late"]);
    await expect(insertUnnestTogether(t.database.db, [blocks(parent, [0]), parent])).rejects.toThrow(/earlier in the same statement/);
  });
});
