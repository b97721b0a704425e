// The outcome figures on a hand-built history (test/fixtures/outcome-history.ts), each worked out by
// hand below. Hours are plant time; percentiles interpolate between closest ranks (percentile_cont).
import { beforeAll, describe, expect, it } from "vitest";
import { at, outcomeAppWithHistory } from "../fixtures/outcome-history.js";
import { integrationToken, type TestApp } from "../support/test-app.js";

const app = outcomeAppWithHistory();
let t: TestApp;
beforeAll(() => {
  t = app.t;
});

const PERIOD = "from=2026-03-02&to=2026-03-15";
const stats = (count: number, meanHours: number | null, medianHours: number | null, p90Hours: number | null) => ({ count, meanHours, medianHours, p90Hours });

describe("stage dwell times", () => {
  it("measures each stage per order, net of time on hold, and aggregates mean, median and p90", async () => {
    const res = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`, { as: "engineering" });
    expect(res.status).toBe(200);
    const stage = (key: string) => res.body.dwell.stages.find((s: { stage: string }) => s.stage === key);
    // Sales acceptance (creation → first confirmed): 001 1 h; 0303 7 h − 4 h on hold = 3 h; 0309 0 h
    // (confirmed at intake); 0310 2 h. Sorted 0,1,2,3: mean 1.5, median 1.5, p90 at rank 2.7 = 2.7.
    expect(stage("sales_acceptance")).toMatchObject({ from: "created", to: "confirmed", ...stats(4, 1.5, 1.5, 2.7) });
    expect(stage("sales_acceptance").byWeek).toEqual([
      { week: "2026-W10", ...stats(2, 2, 2, 2.8) },
      { week: "2026-W11", ...stats(2, 1, 1, 1.8) },
    ]);
    expect(stage("sales_acceptance").byGrade).toEqual([
      { grade: "A", ...stats(2, 0.5, 0.5, 0.9) },
      { grade: "B", ...stats(1, 3, 3, 3) },
      { grade: "C", ...stats(1, 2, 2, 2) },
    ]);
    expect(stage("sales_acceptance").byRush).toEqual([
      { rush: false, ...stats(2, 1.5, 1.5, 2.7) },
      { rush: true, ...stats(2, 1.5, 1.5, 1.9) },
    ]);
    // Scheduling (confirmed → scheduled, first pass): 4, 8, 12 h; 0220 was scheduled in February.
    expect(stage("scheduling")).toMatchObject(stats(3, 8, 8, 11.2));
    // Shipping (ready → shipped): 0220 1 h (on 2 March), 001 2 h, 0303 6 h.
    expect(stage("shipping")).toMatchObject(stats(3, 3, 2, 5.2));
    // Every draft stay that ended in the period: 1, 1 and 2 (around the hold), 0, 2, 2 (cancelled).
    const status = (s: string) => res.body.dwell.statuses.find((x: { status: string }) => x.status === s);
    expect(status("draft")).toEqual({ status: "draft", count: 6, meanHours: 1.33 });
    expect(status("on_hold")).toEqual({ status: "on_hold", count: 1, meanHours: 4 });
    // in_production: 0220 from 23 Feb 08:00 to 2 Mar 08:00 (168 h), 001 24 h, 0303 5 days (120 h).
    expect(status("in_production")).toEqual({ status: "in_production", count: 3, meanHours: 104 });
  });

  it("lists the orders behind a figure, longest first, with the time on hold", async () => {
    const res = await t.api("GET", `/api/metrics/outcomes/dwell/sales_acceptance/orders?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.orders.map((o: { orderNo: string; hours: number; heldHours: number }) => [o.orderNo, o.hours, o.heldHours])).toEqual([
      ["DH20260303001", 3, 4],
      ["DH20260310001", 2, 0],
      ["DH20260302001", 1, 0],
      ["DH20260309001", 0, 0],
    ]);
    const drafts = await t.api("GET", `/api/metrics/outcomes/dwell/draft/orders?${PERIOD}&limit=2`);
    expect(drafts.body.total).toBe(6);
    expect(drafts.body.orders).toHaveLength(2);
  });

  it("names the open orders waiting longest in each status (delivered ones wait to be closed)", async () => {
    const res = await t.api("GET", "/api/metrics/outcomes/stuck");
    expect(res.status).toBe(200);
    expect(res.body.orders.map((o: { orderNo: string; status: string; since: string }) => [o.orderNo, o.status, o.since])).toEqual([
      ["DH20260310001", "confirmed", at("03-10", "10:00").toISOString()],
      ["DH20260220001", "delivered", at("03-03", "12:00").toISOString()],
      ["DH20260302001", "delivered", at("03-05", "10:00").toISOString()],
      ["DH20260309001", "scheduled", at("03-10", "11:00").toISOString()],
    ]);
    const one = await t.api("GET", "/api/metrics/outcomes/stuck?status=delivered&limit=1");
    expect(one.body.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual(["DH20260220001"]);
  });

  it("gives weekly trend series and a before/after comparison around a pivot date", async () => {
    const trends = await t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=week`);
    expect(trends.status).toBe(200);
    const scheduling = trends.body.dwell.find((s: { key: string }) => s.key === "scheduling");
    expect(scheduling.points).toEqual([
      { bucket: "2026-W10", ...stats(2, 6, 6, 7.6) },
      { bucket: "2026-W11", ...stats(1, 12, 12, 12) },
    ]);
    // Draft stays by week: W10 1, 1, 2 (001, 0303 around its hold); W11 0, 2, 2.
    const draft = trends.body.dwell.find((s: { key: string }) => s.key === "draft");
    expect(draft).toMatchObject({ kind: "status" });
    expect(draft.points).toEqual([
      { bucket: "2026-W10", ...stats(3, 1.33, 1, 1.8) },
      { bucket: "2026-W11", ...stats(3, 1.33, 2, 2) },
    ]);
    const months = await t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=month`);
    expect(months.body.dwell.find((s: { key: string }) => s.key === "in_production").points).toEqual([{ bucket: "2026-03", ...stats(3, 104, 120, 158.4) }]);
    expect(trends.body.onTime).toEqual([
      expect.objectContaining({ bucket: "2026-W10", delivered: 2, onTime: 2, onTimeRate: 1 }),
      expect.objectContaining({ bucket: "2026-W11", delivered: 1, onTime: 0, onTimeRate: 0 }),
    ]);
    expect(trends.body.autonomy.map((a: { bucket: string; share: number }) => [a.bucket, a.share])).toEqual([
      ["2026-W10", 0.6667],
      ["2026-W11", 0.5],
    ]);

    const res = await t.api("GET", `/api/metrics/outcomes?${PERIOD}&pivot=2026-03-09`);
    const { before, after, changes } = res.body.comparison;
    expect([before.from, before.to, after.from, after.to]).toEqual(["2026-03-02", "2026-03-08", "2026-03-09", "2026-03-15"]);
    expect(before.dwellMedianHours.sales_acceptance).toBe(2);
    expect(after.dwellMedianHours.sales_acceptance).toBe(1);
    expect(changes.dwellMedianHours.sales_acceptance).toEqual({ delta: -1, relative: -0.5 });
    expect(changes.onTimeRate).toEqual({ delta: -1, relative: -1 });
    expect([before.autonomyShare, after.autonomyShare]).toEqual([0.6667, 0.5]);
  });
});

describe("on-time delivery", () => {
  it("gives the figure against the re-confirmed date beside the first-commit one", async () => {
    // 0303 was first promised for 9 Mar and delivered on the 10th; re-confirmed for the 11th it is on time
    // by the re-confirmed date and still late by the first commit.
    const db = t.database.db;
    const was = await db
      .selectFrom("orders")
      .select(["first_promised_date", "promised_date"])
      .where("order_no", "=", "DH20260303001")
      .executeTakeFirstOrThrow();
    expect(was.promised_date).toBe("2026-03-09");
    await db.updateTable("orders").set({ first_promised_date: "2026-03-09", promised_date: "2026-03-11" }).where("order_no", "=", "DH20260303001").execute();
    try {
      const res = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
      expect(res.body.onTime.promised).toMatchObject({ count: 3, onTime: 2 });
      expect(res.body.onTime.reconfirmed).toEqual({ count: 3, onTime: 3, rate: 1 });
    } finally {
      await db.updateTable("orders").set(was).where("order_no", "=", "DH20260303001").execute();
    }
  });

  it("judges each delivery by the promised and the requested date, per customer, family and month", async () => {
    const res = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    const onTime = res.body.onTime;
    // 001 on 5 Mar: promised 6 Mar (on time), requested 4 Mar (late). 0303 on 10 Mar: promised 9 Mar (late).
    // 0220 on 3 Mar: promised and requested 3 Mar (on time). The due date is the promise, else the request.
    expect(onTime).toMatchObject({
      delivered: 3,
      withDueDate: 3,
      onTime: 2,
      onTimeRate: 0.6667,
      promised: { count: 3, onTime: 2, rate: 0.6667 },
      requested: { count: 2, onTime: 1, rate: 0.5 },
    });
    expect(onTime.byCustomer.map((c: { customer: string; onTimeRate: number; grade: string }) => [c.customer, c.grade, c.onTimeRate])).toEqual([
      ["C-A1", "A", 1],
      ["C-B1", "B", 0.5],
    ]);
    expect(onTime.byFamily.map((f: { family: string; delivered: number; onTimeRate: number }) => [f.family, f.delivered, f.onTimeRate])).toEqual([
      ["压力传感器", 2, 1],
      ["温度变送器", 2, 0.5],
    ]);
    expect(onTime.byMonth).toEqual([expect.objectContaining({ month: "2026-03", delivered: 3, onTimeRate: 0.6667 })]);
    expect(onTime.bySource).toEqual([expect.objectContaining({ source: "live", delivered: 3 })]);

    const late = await t.api("GET", `/api/metrics/outcomes/on-time/orders?${PERIOD}&late=true`);
    expect(late.body.orders).toEqual([
      {
        source: "live",
        orderNo: "DH20260303001",
        customer: "C-B1",
        deliveredOn: "2026-03-10",
        promisedDate: "2026-03-09",
        requestedDate: null,
        dueDate: "2026-03-09",
        families: ["温度变送器"],
        onTime: false,
        onTimePromised: false,
        onTimeRequested: null,
      },
    ]);
    const family = await t.api("GET", `/api/metrics/outcomes/on-time/orders?${PERIOD}&family=${encodeURIComponent("压力传感器")}`);
    expect(family.body.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual(["DH20260302001", "DH20260220001"]);
  });
});

describe("data autonomy", () => {
  it("is the business roles' share of master-data changes, per entity and month, automated changes apart", async () => {
    const res = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    // In the period: sales, finance, engineering (business); admin twice; the system loader once.
    expect(res.body.autonomy).toMatchObject({ business: 3, admin: 2, automated: 1, share: 0.6 });
    expect(res.body.autonomy.byEntity).toEqual([
      { entity: "customer", business: 2, admin: 1, automated: 1, share: 0.6667 },
      { entity: "item", business: 1, admin: 1, automated: 0, share: 0.5 },
    ]);
    expect(res.body.autonomy.byMonth).toEqual([{ month: "2026-03", business: 3, admin: 2, automated: 1, share: 0.6 }]);
    const changes = await t.api("GET", `/api/metrics/outcomes/autonomy/changes?${PERIOD}&entity=item`);
    expect(changes.body.changes.map((c: { key: string; class: string }) => [c.key, c.class])).toEqual([
      ["TT-200", "admin"],
      ["PS-100", "business"],
    ]);
  });

  it("counts a customer change made through the API as the caller's", async () => {
    const before = await t.api("GET", "/api/customers/C-C1", { as: "service" });
    const patched = await t.api("PATCH", "/api/customers/C-C1", {
      as: "service",
      body: { contactName: "钱经理" },
      headers: { "if-match": String(before.body.version) },
    });
    expect(patched.status).toBe(200);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await t.api("GET", `/api/metrics/outcomes/autonomy/changes?from=${today}&to=${today}`);
    expect(res.body.changes).toEqual([expect.objectContaining({ entity: "customer", key: "C-C1", actor: "service", class: "business" })]);
  });
});

describe("rule execution rate and status agreement", () => {
  it("reports the rules' execution rate with the failing cases", async () => {
    const rule = await t.api("POST", "/api/rules", {
      body: {
        name: "B级标记(指标测试)",
        trigger: { event: "order.created" },
        condition: { "==": [{ var: "customer.grade" }, "B"] },
        actions: [{ type: "add_tag", tag: "B" }],
      },
    });
    expect(rule.status).toBe(201);
    const b = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
    await t.database.db.updateTable("rule_actions").set({ status: "failed", error: "robot down" }).where("order_no", "=", b.body.orderNo).execute();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await t.api("GET", `/api/metrics/outcomes?from=${today}&to=${today}`);
    expect(res.body.ruleExecution).toMatchObject({ evaluations: 2, shouldHaveMatched: 1, matched: 1, executionRate: 1, successRate: 0 });
    const mine = res.body.ruleExecution.rules.find((r: { ruleId: number }) => r.ruleId === rule.body.id);
    expect(mine.failures).toEqual([{ orderNo: b.body.orderNo, type: "add_tag", error: "robot down" }]);
  });

  it("finds no disagreement on a healthy database, and names each corrupted row with its cause", async () => {
    const healthy = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    expect(healthy.body.agreement.disagreements).toBe(0);
    const db = t.database.db;
    const was = await db
      .selectFrom("orders")
      .select(["first_promised_date", "promised_date"])
      .where("order_no", "=", "DH20260303001")
      .executeTakeFirstOrThrow();
    expect(was.promised_date).toBe("2026-03-09");
    await db.updateTable("orders").set({ status: "shipped" }).where("order_no", "=", "DH20260310001").execute();
    await db.updateTable("orders").set({ delivered_at: null }).where("order_no", "=", "DH20260303001").execute();
    await db
      .insertInto("reservations")
      .values({ order_no: "DH20260311001", line_no: 1, sku: "PM-CHIP", location: "WH-MAIN", qty: "5", kind: "soft", expires_at: null, rule_id: null })
      .execute();
    await db
      .insertInto("order_events")
      .values({ order_no: "DH20260309001", actor: "x", kind: "transition", from_status: "ready", to_status: "scheduled", reason: null, data: "{}" })
      .execute();
    const res = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    // 0310 set to shipped behind its log's back also has no shipment.
    expect(res.body.agreement.disagreements).toBe(5);
    expect(res.body.agreement.byCause).toMatchObject({
      event_log: 1,
      delivered_at_missing: 1,
      reservations: 1,
      event_chain: 1,
      shipment_missing: 1,
      no_events: 0,
    });
    const list = await t.api("GET", "/api/metrics/outcomes/disagreements");
    expect(list.body.disagreements.map((d: { orderNo: string; cause: string }) => [d.orderNo, d.cause])).toEqual([
      ["DH20260303001", "delivered_at_missing"],
      ["DH20260309001", "event_chain"],
      ["DH20260310001", "event_log"],
      ["DH20260310001", "shipment_missing"],
      ["DH20260311001", "reservations"],
    ]);
    const token = await integrationToken(t.database);
    const metrics = await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(metrics).toContain('lvyue_outcome_status_disagreements{cause="event_log"} 1');
    expect(metrics).toContain('lvyue_outcome_rule_rate{rate="execution"} 1');
    expect(metrics).toContain("lvyue_outcome_data_autonomy_share 1");
    expect(metrics).toMatch(/lvyue_outcome_dwell_hours\{stage="sales_acceptance",stat="median"\} \d/);
  });
});

describe("bad input", () => {
  it("names the field and the reason", async () => {
    const cases: [string, string, string][] = [
      ["/api/metrics/outcomes?from=2026-03-10&to=2026-03-01", "to", "metrics.period_order"],
      ["/api/metrics/outcomes?from=2024-01-01&to=2026-03-01", "to", "metrics.period_too_long"],
      ["/api/metrics/outcomes?from=2026-03-01&to=2026-03-10&pivot=2026-03-01", "pivot", "metrics.pivot_outside"],
      ["/api/metrics/outcomes?from=2026-02-30&to=2026-03-10", "from", "field.invalid"],
      ["/api/metrics/outcomes?to=2026-03-10", "from", "field.required"],
      ["/api/metrics/outcomes/dwell/nowhere/orders?from=2026-03-01&to=2026-03-10", "stage", "metrics.unknown_stage"],
      ["/api/metrics/outcomes/trends?from=2026-03-01&to=2026-03-10&by=day", "by", "field.enum"],
    ];
    for (const [path, field, reason] of cases) {
      const res = await t.api("GET", path, { headers: { "accept-language": "en" } });
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatchObject({ code: "invalid", field, reason });
    }
    const anonymous = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`, { as: "anonymous" });
    expect(anonymous.status).toBe(401);
  });
});

describe("live orders", () => {
  it("shows each new event at the next read: the trigger queues the order, the read re-derives it", async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 5 }] } });
    expect(created.body.status).toBe("confirmed");
    const no = created.body.orderNo as string;
    const sample = async (stage: string) => {
      const res = await t.api("GET", `/api/metrics/outcomes/dwell/${stage}/orders?from=${today}&to=${today}&limit=1000`);
      return res.body.orders.find((o: { orderNo: string }) => o.orderNo === no);
    };
    expect(await sample("sales_acceptance")).toMatchObject({ hours: 0, heldHours: 0 });
    expect(await sample("scheduling")).toBeUndefined();
    expect((await t.api("POST", `/api/orders/${no}/transitions`, { as: "planner", body: { to: "scheduled" } })).status).toBe(200);
    const scheduling = await sample("scheduling");
    expect(scheduling.hours).toBeGreaterThanOrEqual(0);
    expect(scheduling.hours).toBeLessThan(0.1);
    expect(await t.database.db.selectFrom("metric_dirty_orders").selectAll().execute()).toEqual([]);
  });
});
