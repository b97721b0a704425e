import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { QUOTE_DEFAULT_RULES } from "../../src/rules/quote-default-rules.js";
import { inDays, placeOrder } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const sensor = (qty: number, extra: Record<string, unknown> = {}) => ({ sku: "PS-100", qty, params: { pressureRating: "10MPa", cableLength: 5 }, ...extra });

async function quote(body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/quotes", { as: "sales", body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function send(quoteNo: string, v: number, as: "sales" | "admin" = "sales") {
  return t.api("POST", `/api/quotes/${quoteNo}/versions/${v}/send`, { as });
}
async function revise(quoteNo: string, body: Record<string, unknown>) {
  const res = await t.api("POST", `/api/quotes/${quoteNo}/versions`, { as: "sales", body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const convert = (quoteNo: string, v: number) => t.api("POST", `/api/quotes/${quoteNo}/versions/${v}/convert`, { as: "sales" });
// biome-ignore lint/suspicious/noExplicitAny: JSON replies are checked by the tests' assertions
const version = (q: { versions: { version: number }[] }, v: number) => q.versions.find((x) => x.version === v) as Record<string, any>;

describe("quotes: number, cost roll-up, price and promise", () => {
  it("numbers BJ + day + sequence, costs V1 on the BOM and routing in force and promises the requested date", async () => {
    const q = await quote({ customer: "C-A1", title: "恒锐 压力传感器询价", requestedDate: inDays(30), lines: [sensor(10)] });
    expect(q.quoteNo).toMatch(new RegExp(`^BJ${today.replaceAll("-", "")}\\d{3}$`));
    const v1 = version(q, 1);
    expect(v1).toMatchObject({ label: "V1", status: "draft", validUntil: inDays(30), marginFloorPct: 12, belowMargin: false });
    // Materials: chip 88 (through the core's own BOM) + housing 45; labour: (0.5+1.0 h assembly + 0.2+0.5 h calibration) × 80 / 10.
    expect(v1.lines[0]).toMatchObject({
      bomVersion: 1,
      routingVersion: 1,
      materialCost: "133.00",
      labourCost: "17.60",
      outsourcingCost: "0.00",
      unitCost: "150.60",
    });
    // Grade A: floor 12% + 10 → 22% of the price, rounded up to a yuan.
    expect(v1.lines[0]).toMatchObject({ unitPrice: "194.00", amount: "1940.00", params: { pressureRating: "10MPa", cableLength: 5 } });
    expect(v1.promise.date).toBe(inDays(30));
    expect(v1.promise.validUntil).toBe(inDays(7));
    const second = await quote({ customer: "C-B1", lines: [sensor(1, { outsourcingPerUnit: "12.50" })] });
    expect(Number(second.quoteNo.slice(-3))).toBe(Number(q.quoteNo.slice(-3)) + 1);
    expect(version(second, 1).lines[0]).toMatchObject({ outsourcingCost: "12.50" });
  });

  it("refuses bad input naming the field, and lets only quoting roles quote", async () => {
    const bad = await t.api("POST", "/api/quotes", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "NOPE", qty: 1 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("lines[0].sku");
    const version9 = await t.api("POST", "/api/quotes", { as: "sales", body: { customer: "C-A1", lines: [sensor(1, { bomVersion: 9 })] } });
    expect(version9.body.error.field).toBe("lines[0].bomVersion");
    const planner = await t.api("POST", "/api/quotes", { as: "planner", body: { customer: "C-A1", lines: [sensor(1)] } });
    expect(planner.status).toBe(403);
    expect((await t.api("GET", "/api/quotes/BJ20990101001", { as: "sales" })).status).toBe(404);
  });

  it("a retried create with the same Idempotency-Key answers the same quote", async () => {
    const body = { customer: "C-A1", lines: [sensor(2)] };
    const headers = { "idempotency-key": "quote-retry-0001" };
    const a = await t.api("POST", "/api/quotes", { as: "sales", body, headers });
    const b = await t.api("POST", "/api/quotes", { as: "sales", body, headers });
    expect(b.body.quoteNo).toBe(a.body.quoteNo);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("quotes: versions", () => {
  it("creating V2 leaves a sent V1 unchanged, and a sent version cannot be sent again as something else", async () => {
    const q = await quote({ customer: "C-A1", requestedDate: inDays(30), lines: [sensor(10)] });
    expect((await send(q.quoteNo, 1)).status).toBe(200);
    const before = version((await t.api("GET", `/api/quotes/${q.quoteNo}`, { as: "sales" })).body, 1);
    expect(before.status).toBe("sent");
    const after = await revise(q.quoteNo, { requestedDate: inDays(25), lines: [sensor(20, { unitPrice: "185.00" }), { sku: "TT-200", qty: 3 }] });
    expect(after.versions.map((v: { label: string; status: string }) => [v.label, v.status])).toEqual([
      ["V1", "sent"],
      ["V2", "draft"],
    ]);
    expect(version(after, 1)).toEqual(before);
    // Sending V1 again changes nothing.
    expect((await send(q.quoteNo, 1)).status).toBe(200);
    expect(version((await t.api("GET", `/api/quotes/${q.quoteNo}`, { as: "sales" })).body, 1)).toEqual(before);

    const diff = await t.api("GET", `/api/quotes/${q.quoteNo}/diff?from=1&to=2`, { as: "sales" });
    expect(diff.status).toBe(200);
    expect(diff.body.terms.map((c: { field: string }) => c.field)).toEqual(expect.arrayContaining(["requestedDate", "priceTotal"]));
    expect(diff.body.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          change: "changed",
          sku: "PS-100",
          fields: expect.arrayContaining([
            { field: "qty", from: 10, to: 20 },
            { field: "unitPrice", from: "194.00", to: "185.00" },
          ]),
        }),
        expect.objectContaining({ change: "added", line: expect.objectContaining({ sku: "TT-200", qty: 3 }) }),
      ]),
    );
  });

  it("converting V1 while V2 is live makes the order from V1 and marks V2 superseded; converting again answers the same order", async () => {
    const q = await quote({ customer: "C-A1", requestedDate: inDays(30), lines: [sensor(10)] });
    await send(q.quoteNo, 1);
    await revise(q.quoteNo, { lines: [sensor(12)] });
    expect((await send(q.quoteNo, 2)).status).toBe(200);
    const res = await convert(q.quoteNo, 1);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const v1 = version(q, 1);
    expect(res.body).toMatchObject({ status: "confirmed", customer: "C-A1", promisedDate: v1.promise.date, requestedDate: v1.promise.date });
    expect(res.body.fromQuote).toMatchObject({ quoteNo: q.quoteNo, version: 1, repriced: null, repromised: null, superseded: [2] });
    expect(res.body.lines).toEqual([
      expect.objectContaining({ sku: "PS-100", qty: 10, unitPrice: "194.00", params: { pressureRating: "10MPa", cableLength: 5 } }),
    ]);
    const after = (await t.api("GET", `/api/quotes/${q.quoteNo}`, { as: "sales" })).body;
    expect(after).toMatchObject({ status: "won", wonVersion: 1, orderNo: res.body.orderNo });
    expect(after.versions.map((v: { status: string }) => v.status)).toEqual(["won", "superseded"]);
    const again = await convert(q.quoteNo, 1);
    expect(again.body.orderNo).toBe(res.body.orderNo);
    const other = await convert(q.quoteNo, 2);
    expect(other.status).toBe(422);
    expect((await t.api("POST", `/api/quotes/${q.quoteNo}/versions`, { as: "sales", body: { lines: [sensor(1)] } })).status).toBe(422);
    const orders = await t.database.db.selectFrom("orders").select("order_no").where("note", "=", `报价 ${q.quoteNo} V1`).execute();
    expect(orders).toHaveLength(1);
  });

  it("a draft cannot be converted; a lost quote takes its live versions with it and keeps the reason", async () => {
    const q = await quote({ customer: "C-A1", lines: [sensor(3)] });
    const draft = await convert(q.quoteNo, 1);
    expect(draft.status).toBe(422);
    expect(draft.body.error.reason).toBe("quote.not_sent");
    await send(q.quoteNo, 1);
    await revise(q.quoteNo, { lines: [sensor(4)] });
    const lost = await t.api("POST", `/api/quotes/${q.quoteNo}/lost`, { as: "sales", body: { reason: "price", note: "竞争对手便宜 8%" } });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ status: "lost", lostReason: "price", lostNote: "竞争对手便宜 8%" });
    expect(lost.body.versions.map((v: { status: string }) => v.status)).toEqual(["lost", "lost"]);
    const badReason = await t.api("POST", `/api/quotes/${q.quoteNo}/lost`, { as: "sales", body: { reason: "weather" } });
    expect(badReason.status).toBe(400);
    expect(badReason.body.error.field).toBe("reason");
  });
});

describe("quotes: retries and races", () => {
  it("a retried revision makes one version; two versions converted at once make one order", async () => {
    const q = await quote({ customer: "C-A1", requestedDate: inDays(30), lines: [sensor(2)] });
    await send(q.quoteNo, 1);
    const headers = { "idempotency-key": "revise-retry-0001" };
    const body = { requestedDate: inDays(30), lines: [sensor(3)] };
    const a = await t.api("POST", `/api/quotes/${q.quoteNo}/versions`, { as: "sales", body, headers });
    const b = await t.api("POST", `/api/quotes/${q.quoteNo}/versions`, { as: "sales", body, headers });
    expect(a.status).toBe(201);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(b.body.versions).toHaveLength(2);
    await send(q.quoteNo, 2);
    const [one, two] = await Promise.all([convert(q.quoteNo, 1), convert(q.quoteNo, 2)]);
    expect([one.status, two.status].sort()).toEqual([201, 422]);
    const orders = await t.database.db.selectFrom("orders").select("order_no").where("note", "like", `报价 ${q.quoteNo} %`).execute();
    expect(orders).toHaveLength(1);
    const after = (await t.api("GET", `/api/quotes/${q.quoteNo}`, { as: "sales" })).body;
    expect(after.versions.map((v: { status: string }) => v.status).sort()).toEqual(["superseded", "won"]);
  });
});

describe("quotes: the quotation PDF", () => {
  it("prints the version in Chinese with its lines, total, validity and promise, and no cost or margin", async () => {
    const q = await quote({ customer: "C-A1", title: "恒锐 压力传感器询价", requestedDate: inDays(30), lines: [sensor(10)] });
    const res = await t.fetch("GET", `/api/quotes/${q.quoteNo}/versions/1/pdf`, { as: "sales" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text;
    for (const part of ["报价单", `${q.quoteNo} V1`, "苏州恒锐机电有限公司", "压力传感器 PS-100", "pressureRating=10MPa", "1,940.00", inDays(30), "194.00"]) {
      expect(text, part).toContain(part);
    }
    expect(text).not.toContain("150.60");
    expect((await t.fetch("GET", `/api/quotes/${q.quoteNo}/versions/9/pdf`, { as: "sales" })).status).toBe(404);
  });
});

describe("quotes: expiry", () => {
  it("converting an expired version re-runs the price on today's costs at the quoted margin, and the date", async () => {
    const q = await quote({ customer: "C-A1", requestedDate: inDays(30), lines: [sensor(10)] });
    await send(q.quoteNo, 1);
    // Time passes: the price's and the promise's validity run out, and the chip costs more.
    await t.database.db
      .updateTable("quote_versions")
      .set({ valid_until: inDays(-1), promise_valid_until: inDays(-1) })
      .where("quote_no", "=", q.quoteNo)
      .execute();
    await t.database.db.updateTable("items").set({ unit_price: "100.00" }).where("sku", "=", "PM-CHIP").execute();
    try {
      const listed = (await t.api("GET", `/api/quotes/${q.quoteNo}`, { as: "sales" })).body;
      expect(version(listed, 1).status).toBe("expired");
      const res = await convert(q.quoteNo, 1);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      // Cost 150.60 → 162.60; the quoted margin (194 on 150.60: 22.37%) is kept: 162.60 / 0.7763 → 210.
      expect(res.body.fromQuote.repriced).toEqual([{ lineNo: 1, from: "194.00", to: "210.00" }]);
      expect(res.body.fromQuote.repromised).toMatchObject({ from: inDays(30), to: inDays(30) });
      expect(res.body.lines[0]).toMatchObject({ unitPrice: "210.00", amount: "2100.00" });
      expect(res.body.promisedDate).toBe(inDays(30));
      // The sent version itself stays as sent; the conversion says what was re-run.
      const after = version((await t.api("GET", `/api/quotes/${q.quoteNo}`, { as: "sales" })).body, 1);
      expect(after.lines[0].unitPrice).toBe("194.00");
      expect(after.conversion).toMatchObject({ orderNo: res.body.orderNo, repriced: [{ lineNo: 1, from: "194.00", to: "210.00" }] });
    } finally {
      await t.database.db.updateTable("items").set({ unit_price: "88.00" }).where("sku", "=", "PM-CHIP").execute();
    }
  });
});

describe("quotes: margin floor", () => {
  it("a version below the margin floor is not sent until someone other than its author approves it", async () => {
    const q = await quote({ customer: "C-B1", requestedDate: inDays(30), lines: [sensor(10, { unitPrice: "160.00" })] });
    const v1 = version(q, 1);
    expect(v1).toMatchObject({ marginFloorPct: 15, belowMargin: true });
    expect(v1.marginPct).toBeCloseTo(5.88, 2);
    const first = await send(q.quoteNo, 1);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ sent: false, approval: "pending" });
    const task = await t.database.db.selectFrom("tasks").selectAll().where("id", "=", first.body.taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ assignee_role: "sales", status: "open" });
    expect(task.title).toContain(`${q.quoteNo} V1`);
    // Asking again opens no second task, and the version is still a draft that cannot become an order.
    const second = await send(q.quoteNo, 1);
    expect(second.status).toBe(202);
    expect(second.body.taskId).toBe(first.body.taskId);
    expect(version(second.body.quote, 1).status).toBe("draft");
    expect((await convert(q.quoteNo, 1)).status).toBe(422);
    const own = await t.api("POST", `/api/quotes/${q.quoteNo}/versions/1/approve`, { as: "sales", body: {} });
    expect(own.status).toBe(422);
    expect(own.body.error.reason).toBe("quote.self_approval");
    expect((await t.api("POST", `/api/quotes/${q.quoteNo}/versions/1/approve`, { as: "planner", body: {} })).status).toBe(403);
    const approved = await t.api("POST", `/api/quotes/${q.quoteNo}/versions/1/approve`, { as: "admin", body: { note: "战略客户，同意" } });
    expect(approved.status).toBe(200);
    expect(version(approved.body, 1).approval).toMatchObject({ state: "approved", approvedBy: "系统管理员" });
    const closed = await t.database.db.selectFrom("tasks").select(["status", "done_note"]).where("id", "=", first.body.taskId).executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: "done", done_note: "战略客户，同意" });
    const sent = await send(q.quoteNo, 1);
    expect(sent.status).toBe(200);
    expect(version(sent.body.quote, 1).status).toBe("sent");
  });

  it("a version at or above the floor is sent at once, with no task", async () => {
    const tasksBefore = await t.database.db.selectFrom("tasks").select("id").execute();
    const q = await quote({ customer: "C-B1", lines: [sensor(10)] });
    expect(version(q, 1).belowMargin).toBe(false);
    expect((await send(q.quoteNo, 1)).status).toBe(200);
    expect(await t.database.db.selectFrom("tasks").select("id").execute()).toHaveLength(tasksBefore.length);
  });
});

describe("quotes: the order builds what was quoted", () => {
  it("keeps the version's parameters and BOM/routing versions after engineering releases a newer BOM", async () => {
    const q = await quote({ customer: "C-A1", requestedDate: inDays(30), lines: [sensor(5)] });
    await send(q.quoteNo, 1);
    const quoted = version(q, 1).lines[0];
    // Engineering releases a newer BOM of PS-100, in force from today, through its own routes (released
    // versions are immutable, so it stays: the same lines, so later tests' costs do not move).
    const current = await t.api("GET", "/api/items/PS-100/bom", { as: "engineering" });
    const lines = current.body.bom.lines.map((l: { sku: string; qtyPer: string }) => ({ sku: l.sku, qtyPer: l.qtyPer }));
    const drafted = await t.api("POST", "/api/items/PS-100/bom-versions", { as: "engineering", body: { lines, effectiveFrom: today, note: "新壳体" } });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const released = await t.api("POST", `/api/items/PS-100/bom-versions/${drafted.body.version}/release`, { as: "engineering", body: {} });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    const newer = await t.database.db
      .selectFrom("bom_versions")
      .select("id")
      .where("sku", "=", "PS-100")
      .where("version", "=", drafted.body.version)
      .executeTakeFirstOrThrow();
    expect(newer.id).not.toBe(quoted.bomVersionId);
    const plain = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1 }], requestedDate: inDays(40) });
    expect(plain.lines[0].bomVersionId).toBe(newer.id);
    const res = await convert(q.quoteNo, 1);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.lines[0]).toMatchObject({
      bomVersionId: quoted.bomVersionId,
      routingVersionId: quoted.routingVersionId,
      params: { pressureRating: "10MPa", cableLength: 5 },
    });
    const stored = await t.database.db
      .selectFrom("order_lines")
      .select(["bom_version_id", "routing_version_id", "params"])
      .where("order_no", "=", res.body.orderNo)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ bom_version_id: quoted.bomVersionId, routing_version_id: quoted.routingVersionId });
  });
});

describe("quotes: rules act on quote.below_margin", () => {
  it("the default rule opens the approval task; a rule of the business tells finance; a quote rule cannot hold", async () => {
    await installDefaultRules(t.database.db, QUOTE_DEFAULT_RULES);
    const notice = await t.api("POST", "/api/rules", {
      as: "admin",
      body: {
        name: "大幅低于毛利下限告知财务",
        trigger: { event: "quote.below_margin" },
        condition: { ">": [{ var: "quote.shortfallPct" }, 5] },
        actions: [{ type: "notify", channels: ["inapp"], toRole: "finance", level: "warning", message: "{quoteNo} {version} 毛利 {marginPct}%（{customer}）" }],
      },
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    const hold = await t.api("POST", "/api/rules", {
      as: "admin",
      body: { name: "报价暂停", trigger: { event: "quote.below_margin" }, condition: true, actions: [{ type: "hold", reason: "x" }] },
    });
    expect(hold.status).toBe(400);

    const q = await quote({ customer: "C-B1", lines: [sensor(10, { unitPrice: "160.00" })] });
    const res = await send(q.quoteNo, 1);
    expect(res.status).toBe(202);
    const task = await t.database.db.selectFrom("tasks").selectAll().where("id", "=", res.body.taskId).executeTakeFirstOrThrow();
    expect(task.title).toBe(`报价审批（销售经理）：${q.quoteNo} V1 毛利 5.9% 低于 15.0% 下限，批准后方可发出`);
    expect(task.rule_id).not.toBeNull();
    expect(task.due_at).not.toBeNull();
    const evaluation = await t.database.db.selectFrom("rule_evaluations").selectAll().where("quote_no", "=", q.quoteNo).executeTakeFirstOrThrow();
    expect(evaluation.trigger).toBe("quote.below_margin");
    expect(evaluation.matched).toHaveLength(2);
    const told = await t.database.db.selectFrom("notifications").selectAll().where("to_role", "=", "finance").execute();
    expect(told.map((n) => n.message)).toContain(`${q.quoteNo} V1 毛利 5.9%（C-B1）`);
    // A version only just below the floor is asked about, but finance is not told.
    const near = await quote({ customer: "C-B1", lines: [sensor(10, { unitPrice: "176.00" })] });
    expect((await send(near.quoteNo, 1)).status).toBe(202);
    expect(await t.database.db.selectFrom("notifications").select("id").where("to_role", "=", "finance").execute()).toHaveLength(told.length);

    // The dry-run goes over the versions below their floor made in the range, and writes nothing.
    const evaluations = await t.database.db.selectFrom("rule_evaluations").select("id").execute();
    const dry = await t.api("POST", `/api/rules/${notice.body.id}/dry-run`, { as: "admin", body: { from: inDays(-1), to: inDays(0) } });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    // Below the floor today: the margin test's version and this test's two; only the two far below match.
    expect(dry.body).toMatchObject({ quotesExamined: 3, matched: 2 });
    expect(dry.body.matches.map((m: { quoteNo: string }) => m.quoteNo)).toContain(q.quoteNo);
    const all = await t.api("POST", `/api/rules/${notice.body.id}/dry-run`, {
      as: "admin",
      body: { from: inDays(-1), to: inDays(0), draft: { condition: true } },
    });
    expect(all.body.matched).toBe(3);
    expect(await t.database.db.selectFrom("rule_evaluations").select("id").execute()).toHaveLength(evaluations.length);
  });
});
