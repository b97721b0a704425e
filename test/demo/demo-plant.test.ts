import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Role } from "../../src/core/auth/roles.js";
import { openDatabase } from "../../src/core/db/connect.js";
import { migrateToLatest } from "../../src/core/db/migrate.js";
import { lineAmount, sumMoney } from "../../src/core/money.js";
import { creditLimitFen } from "../../src/demo/credit-limits.js";
import { addDays, plantInstant } from "../../src/demo/dates.js";
import { bomIsAcyclic } from "../../src/demo/engineering.js";
import { generateDemoPlant } from "../../src/demo/generate-demo-plant.js";
import { GO_LIVE_RULES, goLiveVersion, judgeIntake } from "../../src/demo/intake-rules.js";
import { DEMO_TABLES, demoClock, loadDemoPlant } from "../../src/demo/load-demo-plant.js";
import { GO_LIVE_DAYS_AGO } from "../../src/demo/master-changes.js";
import { createRng } from "../../src/demo/random.js";
import type { OrderEventRow } from "../../src/demo/rows.js";
import { effectiveVersion } from "../../src/engineering/model.js";
import { creditExposures } from "../../src/finance/credit-exposure.js";
import { listFinanceWork } from "../../src/finance/list-finance-work.js";
import { taxIdProblem } from "../../src/finance/model/tax-ids.js";
import { createOrder } from "../../src/intake/create-order.js";
import { disagreementSummary } from "../../src/metrics/agreement-store.js";
import { refreshOutcomeSummaries } from "../../src/metrics/refresh-summaries.js";
import { checkTransition, type OrderStatus } from "../../src/orders/model/lifecycle.js";
import { formatOrderNo, parseOrderNo, plantDay } from "../../src/orders/model/numbering.js";
import { checkParams, type ParamSchema } from "../../src/orders/model/params.js";
import { compileRule } from "../../src/rules/active-rules.js";
import { DEFAULT_RULES } from "../../src/rules/default-rules.js";
import { dryRunRule } from "../../src/rules/dry-run-rule.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import type { RuleDefinitionInput } from "../../src/rules/model/definition.js";
import { ruleExecutionTrend } from "../../src/rules/rule-execution-rate.js";
import { getGoLiveSettings } from "../../src/settings/go-live-settings.js";
import { rowCounts } from "../support/helpers.js";

const TODAY = "2026-11-20";
const NOW = demoClock(TODAY, new Date("2030-01-01T00:00:00Z"));
const plant = generateDemoPlant(42, NOW);
const { book } = plant;

function eventsByOrder(events: OrderEventRow[]): Map<string, OrderEventRow[]> {
  const map = new Map<string, OrderEventRow[]>();
  for (const e of events) map.set(e.order_no, [...(map.get(e.order_no) ?? []), e]);
  return map;
}

describe("demo plant generator (pure)", () => {
  it("draws the same numbers from the same seed", () => {
    const a = createRng(9);
    const b = createRng(9);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("generates identical data from the same seed and day, different data from another seed", () => {
    expect(generateDemoPlant(42, NOW)).toEqual(plant);
    expect(generateDemoPlant(43, NOW).book.orders).not.toEqual(book.orders);
  });

  it("has the expected volumes and valid master data", () => {
    expect(plant.master.items).toHaveLength(2000);
    expect(new Set(plant.master.items.map((i) => i.sku)).size).toBe(2000);
    for (const item of plant.master.items) expect(item.sku).toMatch(/^[A-Z0-9][A-Z0-9._-]{1,39}$/);
    expect(plant.customers).toHaveLength(400);
    expect(new Set(plant.customers.map((c) => c.name)).size).toBe(400);
    expect(book.orders).toHaveLength(5000);
    for (const row of plant.inventory) expect(Number(row.reserved)).toBeLessThanOrEqual(Number(row.on_hand));
    const statuses = new Set(book.orders.map((o) => o.status));
    expect([...statuses].sort()).toEqual([
      "cancelled",
      "closed",
      "confirmed",
      "delivered",
      "draft",
      "in_production",
      "on_hold",
      "ready",
      "scheduled",
      "shipped",
    ]);
  });

  it("replays every order's events through the state machine to the order's status", () => {
    const byOrder = eventsByOrder(book.events);
    for (const order of book.orders) {
      const events = byOrder.get(order.order_no) ?? [];
      expect(events[0]).toMatchObject({ kind: "created", from_status: null, to_status: "draft" });
      expect(events[0].at).toEqual(order.created_at);
      let status: OrderStatus = "draft";
      let heldFrom: OrderStatus | null = null;
      for (const e of events.slice(1)) {
        expect(e.kind).toBe("transition");
        expect(e.from_status).toBe(status);
        const check = checkTransition(status, e.to_status, ["admin"], heldFrom);
        expect(check.ok, `${order.order_no} ${status}→${e.to_status}`).toBe(true);
        if (check.ok && check.reasonRequired) expect(e.reason).toBeTruthy();
        // The demo users are named after their role: the actor must hold a role allowed to act.
        expect(checkTransition(status, e.to_status, [e.actor as Role], heldFrom).ok, `${order.order_no} by ${e.actor}`).toBe(true);
        heldFrom = e.to_status === "on_hold" ? status : null;
        status = e.to_status;
      }
      for (let i = 1; i < events.length; i++) expect(events[i].at.getTime()).toBeGreaterThan(events[i - 1].at.getTime());
      expect(events[events.length - 1].at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(status).toBe(order.status);
      expect(order.version).toBe(events.length);
      expect(order.held_from).toBe(order.status === "on_hold" ? heldFrom : null);
      expect(order.delivered_at !== null).toBe(order.status === "delivered" || order.status === "closed");
    }
  });

  it("computes line amounts and order totals exactly", () => {
    const linesByOrder = new Map<string, string[]>();
    for (const line of book.lines) {
      expect(line.amount).toBe(lineAmount(line.unit_price, line.qty));
      linesByOrder.set(line.order_no, [...(linesByOrder.get(line.order_no) ?? []), line.amount]);
    }
    for (const order of book.orders) expect(order.total_amount).toBe(sumMoney(linesByOrder.get(order.order_no) ?? []));
  });

  it("never gives grade D customers the rush channel, and rush is about 30%", () => {
    const grade = new Map(plant.customers.map((c) => [c.code, c.grade]));
    const rush = book.orders.filter((o) => o.rush);
    for (const order of rush) {
      expect(grade.get(order.customer_code)).not.toBe("D");
      expect(order.tags).toContain("T+3");
    }
    expect(rush.length / book.orders.length).toBeGreaterThan(0.25);
    expect(rush.length / book.orders.length).toBeLessThan(0.35);
  });

  it("flags non-standard parameters as the schema says, on about 75% of orders", () => {
    const schema = new Map(plant.master.items.map((i) => [i.sku, i.param_schema as ParamSchema]));
    for (const line of book.lines) expect(line.nonstandard).toBe(checkParams(line.sku, schema.get(line.sku) ?? {}, line.params, "params").nonstandard);
    const share = book.orders.filter((o) => o.nonstandard).length / book.orders.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });

  it("judges the orders taken in since a date with the go-live rules, and refuses rules whose effects the histories ignore", () => {
    const since = plantInstant(addDays(TODAY, -30), 0);
    const rule = (name: string) => DEFAULT_RULES.find((r) => r.name === name) as RuleDefinitionInput;
    const goLive = GO_LIVE_RULES.map((g, n) => compileRule(n + 1, 1, goLiveVersion(rule(g.name))));
    const { orders, judgements } = judgeIntake(plant, goLive, since);
    expect(judgements.map((j) => j.orderNo)).toEqual(book.orders.filter((o) => o.created_at >= since).map((o) => o.order_no));
    for (const j of judgements) {
      expect(j.at).toEqual(book.orders.find((o) => o.order_no === j.orderNo)?.created_at);
      expect(j.facts.order.status).toBe("draft");
      expect(j.matched.length).toBe(j.facts.order.rush ? 1 : 0);
    }
    const tagged = orders.filter((o, i) => o.tags.length !== book.orders[i].tags.length);
    expect(tagged.length).toBe(judgements.filter((j) => j.facts.order.rush).length);
    for (const o of tagged) expect(o.tags).toEqual(expect.arrayContaining(["T+3", "加急"]));
    // A rule that would have tasked or pinned an order cannot be replayed onto a history that never saw it:
    // the full rush rule pins (its later version), the grade D rule makes a task.
    expect(() => judgeIntake(plant, [compileRule(9, 2, rule("加急订单标记"))], since)).toThrow(/only tag/);
    expect(() => judgeIntake(plant, [compileRule(9, 1, rule("D级订单财务复核"))], since)).toThrow(/only tag/);
  });

  it("sizes credit limits from the business: room for two typical orders, a few over or near by design", () => {
    const f = { monthlyFen: 10_000_000n, typicalOrderFen: 3_000_000n, exposureFen: 25_000_000n, paymentDays: 30 };
    // A month of orders plus 30 days' terms with half again: 100,000 × 60/30 × 1.5 = 300,000 — less than
    // 250,000 owed plus two typical orders (310,000), so the limit is 310,000.
    expect(creditLimitFen(f, "usual")).toBe(31_000_000n);
    expect(creditLimitFen({ ...f, exposureFen: 0n }, "usual")).toBe(30_000_000n);
    expect(creditLimitFen({ ...f, monthlyFen: 0n, typicalOrderFen: 0n, exposureFen: 0n }, "usual")).toBe(5_000_000n);
    expect(creditLimitFen(f, "over")).toBe(20_000_000n);
    const near = creditLimitFen(f, "near") - f.exposureFen;
    expect(near > 0n && near < 2_000_000n).toBe(true);
  });

  it("keeps BOM graphs acyclic", () => {
    expect(bomIsAcyclic(plant.master.items, plant.engineering)).toBe(true);
  });

  it("pins confirmed lines to the versions effective on the confirmation day", () => {
    const byOrder = eventsByOrder(book.events);
    const boms = plant.engineering.bomVersions;
    const confirmDay = new Map(book.orders.map((o) => [o.order_no, byOrder.get(o.order_no)?.find((e) => e.to_status === "confirmed")?.at]));
    for (const line of book.lines) {
      const at = confirmDay.get(line.order_no);
      const expected = at
        ? (effectiveVersion(
            boms.filter((v) => v.sku === line.sku),
            plantDay(at),
          )?.id ?? null)
        : null;
      expect(line.bom_version_id).toBe(expected);
    }
  });

  it("numbers orders per plant day and records each day's last sequence", () => {
    const maxSeq = new Map<string, number>();
    for (const order of book.orders) {
      const parsed = parseOrderNo(order.order_no);
      expect(parsed?.day).toBe(plantDay(order.created_at));
      if (parsed) maxSeq.set(parsed.day, Math.max(maxSeq.get(parsed.day) ?? 0, parsed.seq));
    }
    expect(new Map(book.sequences.map((s) => [s.day, s.last_seq]))).toEqual(maxSeq);
    expect(book.orders.some((o) => o.order_no === formatOrderNo(TODAY, 1))).toBe(true);
  });
});

describe("loadDemoPlant (PGlite)", () => {
  it("fills an empty database in one go and skips a second time", { timeout: 180_000 }, async () => {
    const database = await openDatabase({});
    try {
      await migrateToLatest(database.db);
      const summary = await loadDemoPlant(database.db, { seed: 42, today: TODAY });
      expect(summary.skipped).toBe(false);
      expect(summary.today).toBe(TODAY);
      for (const table of DEMO_TABLES) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db);
        expect(rows[0].n, table).toBe(summary.counts[table]);
      }
      expect(summary.counts).toMatchObject({ items: 2000, customers: 400, orders: 5000, locations: 2 });
      expect(summary.counts.order_events).toBe(book.events.length);

      // Since the go-live the orders were taken in through the rules then in force: each judged at its
      // creation, the rush ones tagged and pinned, as the execution rate and its weekly trend read them.
      const goLive = plantInstant(addDays(TODAY, -GO_LIVE_DAYS_AGO), 0);
      const sinceGoLive = book.orders.filter((o) => o.created_at >= goLive);
      expect(summary.counts.rule_evaluations).toBe(sinceGoLive.length);
      expect(summary.counts.rule_actions).toBe(sinceGoLive.filter((o) => o.rush).length);
      // Version 1 (the tag) since the go-live judged them all; version 2 (the default, with its pin) from now on.
      const versions = await database.db.selectFrom("rule_versions").select(["version", "created_at"]).orderBy("version").execute();
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions[0].created_at).toEqual(goLive);
      expect(versions[1].created_at.getTime()).toBeGreaterThan(goLive.getTime());
      // The go-live is the plant's setting too: the outcomes page's default pivot and the importer's dual run.
      expect(await getGoLiveSettings(database.db)).toMatchObject({ goLiveOn: addDays(TODAY, -GO_LIVE_DAYS_AGO), dualRunDays: 30 });
      const byVersion = await sql<{ v: number; n: number }>`select rule_version as v, count(*)::int as n from rule_actions group by 1`.execute(database.db);
      expect(byVersion.rows).toEqual([{ v: 1, n: summary.counts.rule_actions }]);
      expect(await database.db.selectFrom("order_pins").select("order_no").execute()).toEqual([]);
      const rush = await database.db.selectFrom("orders").select(["tags", "created_at"]).where("rush", "=", true).execute();
      for (const o of rush) expect(o.tags.includes("加急"), o.created_at.toISOString()).toBe(o.created_at >= goLive);
      const trend = await ruleExecutionTrend(database.db, { from: goLive, to: NOW }, "week");
      expect(trend.length).toBeGreaterThanOrEqual(17);
      for (const week of trend) expect(week).toMatchObject({ shouldHaveMatched: week.matched, executionRate: 1, successRate: 1 });
      expect(trend.reduce((n, w) => n + w.evaluations, 0)).toBe(sinceGoLive.length);

      // The demo's orders agree with their logs and shipments: status agreement finds nothing.
      await refreshOutcomeSummaries(database.db);
      const agreement = await disagreementSummary(database.db, 5);
      expect(agreement.examples).toEqual([]);
      expect(summary.counts.shipments).toBeGreaterThan(0);

      // Finance (decision 0069): shipments to invoice, overdue customers, this morning's unmatched payment,
      // a valid 纳税人识别号 on every profile.
      const work = await listFinanceWork(database.db, NOW);
      expect(work.toInvoice.count).toBeGreaterThan(0);
      expect(work.overdue.length).toBeGreaterThan(0);
      expect(work.payments.some((p) => p.customer === null)).toBe(true);
      const profiles = await database.db.selectFrom("invoicing_profiles").select("tax_id").execute();
      expect(profiles).toHaveLength(400);
      for (const p of profiles) expect(taxIdProblem(p.tax_id), p.tax_id).toBeUndefined();

      const again = await loadDemoPlant(database.db, { seed: 42, today: TODAY });
      expect(again.skipped).toBe(true);
      expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);

      // Dry-runs of the seed's rules over the demo's last 30 days: matches and planned actions, no row changed.
      await installDefaultRules(database.db);
      const tables = [...DEMO_TABLES, "tasks", "order_blocks", "rule_actions", "rule_evaluations", "reservations", "outbox", "notifications", "order_pins"];
      const counts = () => rowCounts(database.db, tables);
      const before = await counts();
      const rules = await database.db.selectFrom("rules").select(["id", "name"]).execute();
      const idOf = (name: string) => rules.find((r) => r.name === name)!.id;
      const from = plantDay(new Date(Date.parse(`${TODAY}T00:00:00Z`) - 30 * 86_400_000));
      const review = await dryRunRule(database.db, idOf("非标参数工程评审"), { from, to: TODAY });
      expect(review.ordersExamined).toBeGreaterThan(500);
      expect(review.matched / review.ordersExamined).toBeGreaterThan(0.5);
      expect(review.matches[0].actions.map((a: { type: string }) => a.type)).toEqual(["create_task", "block_transition"]);
      const credit = await dryRunRule(database.db, idOf("大额A级客户信用预审"), { from, to: TODAY });
      expect(credit.matched).toBeGreaterThan(0);
      expect(credit.matched).toBeLessThan(credit.ordersExamined);
      expect(await counts()).toEqual(before);

      // Credit (decisions 0069, 0076): a few customers over their limit (the ones with orders held for
      // credit) and a few close to it; everyone else has room, so a sales user's ordinary order passes.
      const customers = await database.db.selectFrom("customers").select(["code", "grade"]).execute();
      const exposures = [
        ...(
          await creditExposures(
            database.db,
            customers.map((c) => c.code),
            { at: NOW },
          )
        ).values(),
      ];
      const over = exposures.filter((e) => e.headroomFen < 0n);
      expect(over.length).toBeGreaterThanOrEqual(5);
      expect(over.length).toBeLessThanOrEqual(20);
      const close = exposures.filter((e) => e.headroomFen >= 0n && e.headroomFen < 2_000_000n);
      expect(close.length).toBeGreaterThanOrEqual(2);
      expect(close.length).toBeLessThanOrEqual(10);
      const heldFor = await database.db
        .selectFrom("orders")
        .select("customer_code")
        .where("status", "=", "on_hold")
        .where("hold_reason", "=", "超信用额度")
        .execute();
      for (const h of heldFor)
        expect(
          over.map((e) => e.code),
          h.customer_code,
        ).toContain(h.customer_code);
      // C0012 (grade B) was ¥920,030 over its limit before 0076 (exposure ¥1,240,030, limit ¥320,000): it
      // repeats its median order.
      const sales = { kind: "user" as const, id: 0, name: "sales", roles: ["sales" as const] };
      const repeatMedianOrder = async (customer: string) => {
        const past = await database.db
          .selectFrom("orders")
          .select("order_no")
          .where("customer_code", "=", customer)
          .where("status", "<>", "cancelled")
          .orderBy("total_amount")
          .orderBy("order_no")
          .execute();
        const median = past[Math.floor(past.length / 2)].order_no;
        const lines = await database.db.selectFrom("order_lines").select(["sku", "qty"]).where("order_no", "=", median).orderBy("line_no").execute();
        const { order } = await createOrder(database.db, sales, { customer, lines: lines.map((l) => ({ sku: l.sku, qty: Number(l.qty) })) });
        const blocks = await database.db.selectFrom("order_blocks").select("reason").where("order_no", "=", order.orderNo).execute();
        return { order, reasons: blocks.map((b) => b.reason) };
      };
      const typical = await repeatMedianOrder("C0012");
      expect(typical.order.status).not.toBe("on_hold");
      expect(typical.reasons).not.toContain("超信用额度");
      // One of the customers over its limit: the same kind of order is held for finance, and shows on its board.
      const strained = over.find((e) => customers.find((c) => c.code === e.code)?.grade !== "A")?.code as string;
      const held = await repeatMedianOrder(strained);
      expect(held.order.status).toBe("on_hold");
      expect(held.reasons).toContain("超信用额度");
      expect((await listFinanceWork(database.db, NOW)).held.map((h) => h.orderNo)).toContain(held.order.orderNo);

      // New version rows continue after the demo's explicit ids.
      const next = await database.db
        .insertInto("bom_versions")
        .values({ sku: "PS-1000-01", version: 99, effective_from: "2027-01-01" })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(next.id).toBe(summary.counts.bom_versions + 1);
    } finally {
      await database.close();
    }
  });
});
