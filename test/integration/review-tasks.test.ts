// Engineering's review task decides the order's next step: approve lets it be scheduled, reject keeps it
// blocked and asks sales to settle with the customer, needs-input asks sales, whose answer goes back to review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/core/auth/roles.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { placeOrder } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
});
afterAll(() => t?.close());

type Task = { id: number; title: string; orderNo: string; review: boolean; kind: string; status: string; follows: { note: string } | null };
const nonstandard = () => placeOrder(t, { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1, params: { pressureRating: "10MPa", calibrationCert: true } }] });
const tasksOf = async (orderNo: string, role: Role = "admin"): Promise<Task[]> =>
  (await t.api("GET", `/api/tasks?mine=1&status=open&orderNo=${orderNo}`, { as: role })).body.tasks;
const reviewOf = async (orderNo: string) => (await tasksOf(orderNo, "engineering")).find((x) => x.review) as Task;
const actions = async (orderNo: string, role: Role): Promise<string[]> =>
  (await t.api("GET", `/api/orders/${orderNo}/actions`, { as: role })).body.map((a: { action: string }) => a.action);
const done = (id: number, role: Role, body: Record<string, unknown>) => t.api("POST", `/api/tasks/${id}/done`, { as: role, body });

describe("review tasks", () => {
  it("approve lifts the engineering block: the planner is offered scheduling and it goes through", async () => {
    const { orderNo } = await nonstandard();
    const review = await reviewOf(orderNo);
    expect(review.title).toContain("工程评审");
    expect(await actions(orderNo, "planner")).not.toContain("schedule");
    const offered = (await t.api("GET", `/api/orders/${orderNo}/actions`, { as: "engineering" })).body;
    expect(offered).toEqual([expect.objectContaining({ action: "review", taskId: review.id, needs: ["outcome", "note"] })]);
    expect((await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } })).status).toBe(422);
    const res = await done(review.id, "engineering", { outcome: "approve", note: "参数可做" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.orders).toEqual([orderNo]);
    expect(await actions(orderNo, "planner")).toContain("schedule");
    const order = (await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } })).body;
    expect(order.status).toBe("scheduled");
    expect(order.events.find((e: { data: { task?: unknown } }) => e.data.task)).toMatchObject({
      actor: "engineering",
      reason: "参数可做",
      data: { task: { outcome: "approve" } },
    });
  });

  it("reject keeps the block with the reason and gives sales a task to settle with the customer", async () => {
    const { orderNo } = await nonstandard();
    const review = await reviewOf(orderNo);
    const noNote = await done(review.id, "engineering", { outcome: "reject" });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.field).toBe("note");
    expect((await tasksOf(orderNo, "engineering")).map((x) => x.id)).toContain(review.id);
    expect((await done(review.id, "engineering", { outcome: "reject", note: "40MPa 超出量程" })).status).toBe(200);
    const refused = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain("工程评审驳回：40MPa 超出量程");
    const sales = await tasksOf(orderNo, "sales");
    expect(sales.map((x) => x.title)).toEqual([expect.stringContaining("评审驳回")]);
    expect(await actions(orderNo, "sales")).toContain("cancel");
  });

  it("needs input: sales asks the customer; the answer sends it back to engineering, whose approval frees it", async () => {
    const { orderNo } = await nonstandard();
    const review = await reviewOf(orderNo);
    expect((await done(review.id, "engineering", { outcome: "needs_input", note: "接口协议是 HART 还是 Modbus？" })).status).toBe(200);
    const [question] = await tasksOf(orderNo, "sales");
    expect(question).toMatchObject({ kind: "customer_input", review: false });
    expect(await actions(orderNo, "planner")).not.toContain("schedule");
    expect((await done(question.id, "sales", { note: "客户确认 HART" })).status).toBe(200);
    const again = await reviewOf(orderNo);
    expect(again.id).not.toBe(review.id);
    expect(again.title).toContain("客户确认 HART");
    expect(again.follows?.note).toBe("客户确认 HART");
    expect(await actions(orderNo, "planner")).not.toContain("schedule");
    expect((await done(again.id, "engineering", { outcome: "approve" })).status).toBe(200);
    expect(await actions(orderNo, "planner")).toContain("schedule");
  });

  it("a plain task takes a note and @mentions, not an outcome; mentioned people get a follow-up", async () => {
    const { orderNo } = await nonstandard();
    const cert = (await tasksOf(orderNo, "engineering")).find((x) => !x.review) as Task;
    expect(cert).toBeDefined();
    const outcome = await done(cert.id, "engineering", { outcome: "approve" });
    expect(outcome.status).toBe(400);
    expect(outcome.body.error.field).toBe("outcome");
    const nobody = await done(cert.id, "engineering", { note: "证书已备", mentions: ["nobody"] });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.field).toBe("mentions");
    expect((await done(cert.id, "sales", { note: "x" })).status).toBe(403);
    expect((await done(cert.id, "engineering", { note: "证书已备", mentions: ["warehouse"] })).status).toBe(200);
    const [follow] = await tasksOf(orderNo, "warehouse");
    expect(follow).toMatchObject({ title: `请跟进：${cert.title}`, follows: { note: "证书已备" } });
    const people = (await t.api("GET", "/api/tasks/people", { as: "warehouse" })).body.people;
    expect(people).toContainEqual({ username: "finance", displayName: "吴财务", roles: ["finance"] });
  });
});
