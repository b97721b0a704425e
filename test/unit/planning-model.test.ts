import { describe, expect, it } from "vitest";
import { dayFromNumber, dayNumber, plantMs } from "../../src/calendar/model/dates.js";
import { AtpLedger } from "../../src/planning/model/atp.js";
import { promiseOrder } from "../../src/planning/model/ctp.js";
import { initialState, planAll } from "../../src/planning/model/plan.js";
import { calendar, engineering, input, order, supply, TODAY } from "../fixtures/planning-plant.js";

const eng = engineering();
const names = { item: (sku: string) => eng.items.get(sku), centre: (code: string) => ({ "WC-ASM": "装配线", "WC-CAL": "校准台" })[code] };
const day = (n: number | null) => (n === null ? null : dayFromNumber(n));
const line = (qty: number) => [{ lineNo: 1, sku: "PS-100", qty, bomVersionId: 1, routingVersionId: 1, standard: false }];

describe("ATP ledger", () => {
  const n = dayNumber(TODAY);
  it("counts stock now and supply from its date; takes the latest bucket first; never below zero", () => {
    const ledger = AtpLedger.build(supply(), n, dayNumber);
    expect(ledger.availableBy("PM-CHIP", n)).toBe(80);
    expect(ledger.availableBy("PM-CHIP", n + 7)).toBe(280);
    expect(ledger.earliestCovering("PM-CHIP", 100)).toBe(n + 7);
    expect(ledger.earliestCovering("PM-CHIP", 1000)).toBeNull();
    expect(ledger.allocateBy("PM-CHIP", 250, n + 7)).toBe(250);
    // The receipt went first: 30 of today's 80 are left, all of it still free today.
    expect(ledger.availableBy("PM-CHIP", n)).toBe(30);
    expect(ledger.allocateBy("PM-CHIP", 100, n + 30)).toBe(30);
    expect(ledger.availableBy("PM-CHIP", n + 30)).toBe(0);
  });

  it("overdue supply counts from today; an order's reservation is its own", () => {
    const ledger = AtpLedger.build(
      supply({ receipts: [{ sku: "PM-CHIP", location: "WH-MAIN", qty: 5, date: "2026-11-01" }], reservations: [{ orderNo: "X", sku: "PM-CHIP", qty: 3 }] }),
      n,
      dayNumber,
    );
    expect(ledger.availableBy("PM-CHIP", n)).toBe(85);
    expect(ledger.takeReserved("Y", "PM-CHIP", 3)).toBe(0);
    expect(ledger.takeReserved("X", "PM-CHIP", 5)).toBe(3);
    expect(ledger.takeReserved("X", "PM-CHIP", 5)).toBe(0);
  });

  it("a fork leaves the original untouched", () => {
    const ledger = AtpLedger.build(supply(), n, dayNumber);
    const fork = ledger.fork();
    fork.allocateBy("PM-CHIP", 80, n);
    expect(fork.availableBy("PM-CHIP", n)).toBe(0);
    expect(ledger.availableBy("PM-CHIP", n)).toBe(80);
  });
});

describe("scheduling and promises", () => {
  it("an order needing a material that arrives next week is planned after its arrival, and says so", () => {
    // 150 pieces need 150 chips: 80 in stock, the rest arrive on 7 December.
    const { orders } = planAll(input([order(150, "2026-12-03")]));
    const [p] = orders;
    expect(day(p.materialReadyN)).toBe("2026-12-07");
    expect(p.ops.every((op) => op.startN >= dayNumber("2026-12-07"))).toBe(true);
    expect(p.bottleneck).toMatchObject({ kind: "material", sku: "PM-CHIP", purchase: false });
    expect(p.late).toBe(true);
    expect(p.kittingRate).toBe(0.5);
    expect(p.materials.find((m) => m.sku === "PM-CHIP")).toMatchObject({ short: 70, kitted: false });
  });

  it("a material nobody has on order comes after its purchase lead time", () => {
    const { orders } = planAll(input([order(400, "2026-12-10")]));
    expect(orders[0].bottleneck).toMatchObject({ kind: "material", sku: "PM-CHIP", purchase: true });
    expect(day(orders[0].materialReadyN)).toBe("2026-12-20");
  });

  it("schedules around a maintenance window and never on a holiday", () => {
    const cal = calendar({
      maintenance: [{ id: 1, workCentre: "WC-CAL", startsAt: plantMs("2026-11-30", 0), endsAt: plantMs("2026-12-02", 0), reason: "标准压力源送检" }],
      statutory: [{ date: "2026-12-02", work: false, name: "测试假日", nameEn: "Test holiday", provisional: false }],
    });
    const state = initialState(input([], { calendar: cal }));
    const outcome = promiseOrder(state, { customer: "C-A1", grade: "A", rush: false, requestedDate: "2026-12-01", lines: line(10) }, names);
    const cal10 = outcome.plan.ops.find((o) => o.workCentre === "WC-CAL")!;
    expect(day(cal10.startN)).toBe("2026-12-03");
    expect(outcome.feasible).toBe(false);
    expect(day(outcome.earliestN)).toBe("2026-12-03");
    expect(outcome.bottleneck).toMatchObject({ kind: "work_centre", code: "WC-CAL", why: "maintenance", note: "标准压力源送检" });
    expect(outcome.explanation.zh).toContain("校准台（WC-CAL）");
  });

  it("the shipping buffer moves the promise, not the plan: the earliest date is the finish plus the buffer", () => {
    const cal = calendar({
      maintenance: [{ id: 1, workCentre: "WC-CAL", startsAt: plantMs("2026-11-30", 0), endsAt: plantMs("2026-12-02", 0), reason: "标准压力源送检" }],
      statutory: [{ date: "2026-12-02", work: false, name: "测试假日", nameEn: "Test holiday", provisional: false }],
    });
    const request = (requestedDate: string) => ({ customer: "C-A1", grade: "A", rush: false, requestedDate, lines: line(10) });
    const state = initialState({ ...input([], { calendar: cal }), shippingBufferDays: 2 });
    const outcome = promiseOrder(state, request("2026-12-04"), names);
    expect(day(outcome.plan.finishN)).toBe("2026-12-03");
    expect(day(outcome.earliestN)).toBe("2026-12-05");
    // Finished on the 3rd, it still cannot be promised for the 4th: the buffer is part of the promise.
    expect(outcome.feasible).toBe(false);
    expect(promiseOrder(state, request("2026-12-05"), names).feasible).toBe(true);
  });

  it("a full bottleneck binds: the explanation names it and the day it is full until", () => {
    // Each order loads the calibration bench for 0.2 + 0.05 × 100 = 5.2 h of its 6.8 h daily limit.
    const orders = [order(100, "2026-12-01"), order(100, "2026-12-01"), order(100, "2026-12-02")];
    const plan = planAll(
      input(orders, {
        supply: supply({
          stock: [
            { sku: "PM-HOUSING", location: "WH-MAIN", free: 5000 },
            { sku: "PM-CHIP", location: "WH-MAIN", free: 5000 },
          ],
        }),
      }),
    );
    // In clock time the bench cannot start before the assembly line hands over (20:42, after it closed at
    // 16:00), so nothing reaches it on the first day: the queue ends on 3 December.
    const outcome = promiseOrder(plan.state, { customer: "C-A1", grade: "A", rush: true, requestedDate: "2026-12-03", lines: line(100) }, names);
    expect(outcome.feasible).toBe(false);
    expect(outcome.bottleneck).toMatchObject({ kind: "work_centre", code: "WC-CAL", why: "full" });
    expect(outcome.explanation.zh).toMatch(/^12月3日（周四）无法交付：校准台（WC-CAL）满负荷至12月\d+日（周.）；最早12月\d+日（周.）/);
    expect(outcome.explanation.en).toContain("is full until");
    expect(outcome.partial?.qty).toBeGreaterThan(0);
    expect(outcome.explanation.zh).toContain(`先交 ${outcome.partial!.qty} 件`);
  });

  it("a bench full until Friday reads 'full until Friday', not 'closed until Sunday'", () => {
    // Wednesday 2 December on: five orders of 130 pieces fill the bench's 6.8 h a day to Friday and past it.
    const plenty = supply({
      stock: [
        { sku: "PM-HOUSING", location: "WH-MAIN", free: 5000 },
        { sku: "PM-CHIP", location: "WH-MAIN", free: 5000 },
      ],
    });
    const orders = [1, 2, 3, 4, 5].map(() => order(130, "2026-12-02"));
    const plan = planAll(input(orders, { supply: plenty }));
    const fullUntil = dayFromNumber(Math.max(...plan.orders.flatMap((o) => o.ops.filter((op) => op.workCentre === "WC-CAL").map((op) => op.endN))));
    const outcome = promiseOrder(plan.state, { customer: "C-A1", grade: "A", rush: false, requestedDate: "2026-12-03", lines: line(50) }, names);
    expect(outcome.bottleneck).toMatchObject({ kind: "work_centre", code: "WC-CAL", why: "full" });
    expect(dayFromNumber((outcome.bottleneck as { untilN: number }).untilN) <= fullUntil).toBe(true);
    expect(outcome.explanation.zh).toMatch(/^12月3日（周四）无法交付：校准台（WC-CAL）满负荷至12月\d+日（周.）；最早12月\d+日（周.）/);
  });

  it("a promise on top of the plan changes nothing unless committed", () => {
    const plan = planAll(input([order(50, "2026-12-04")]));
    const before = JSON.stringify(plan.state.board.loadRows());
    const ledgerBefore = JSON.stringify(plan.state.ledger.remaining());
    const request = { customer: "C-A1", grade: "A", rush: false, requestedDate: "2026-12-10", lines: line(20) };
    const outcome = promiseOrder(plan.state, request, names);
    expect(outcome.feasible).toBe(true);
    expect(outcome.explanation.zh).toContain("可按要求交期");
    expect(JSON.stringify(plan.state.board.loadRows())).toBe(before);
    expect(JSON.stringify(plan.state.ledger.remaining())).toBe(ledgerBefore);
    promiseOrder(plan.state, request, names, { commit: true });
    expect(JSON.stringify(plan.state.board.loadRows())).not.toBe(before);
  });

  it("stock reserved for an order is used by that order only; finished stock serves standard lines", () => {
    const withFinished = supply({ stock: [...supply().stock, { sku: "PS-100", location: "WH-MAIN", free: 5 }] });
    const standard = order(5, "2026-12-04", { lines: [{ ...line(5)[0], standard: true }] });
    const { orders } = planAll(input([standard], { supply: withFinished }));
    expect(orders[0].ops).toHaveLength(0);
    expect(day(orders[0].finishN)).toBe(TODAY);
    const special = planAll(input([order(5, "2026-12-04")], { supply: withFinished }));
    expect(special.orders[0].ops.length).toBeGreaterThan(0);
  });

  it("plans in priority order: due date, then rush, then grade", () => {
    const a = order(10, "2026-12-10", { grade: "C" });
    const b = order(10, "2026-12-10", { grade: "A" });
    const c = order(10, "2026-12-10", { rush: true, grade: "D" });
    const d = order(10, "2026-12-05");
    const { orders } = planAll(input([a, b, c, d]));
    expect(orders.map((o) => o.orderNo)).toEqual([d.orderNo, c.orderNo, b.orderNo, a.orderNo]);
  });
});

describe("honest promises", () => {
  const n = dayNumber(TODAY);
  const spare = (qty: number) => [{ lineNo: 1, sku: "PM-CHIP", qty, bomVersionId: null, routingVersionId: null, standard: true }];

  it("a purchased spare with no stock is not promised today: it waits for its purchase, and says so", () => {
    const state = initialState(input([], { supply: supply({ stock: [], receipts: [] }) }));
    const outcome = promiseOrder(state, { customer: "C-A1", grade: "A", rush: false, requestedDate: TODAY, lines: spare(239) }, names);
    expect(outcome.earliestN).toBe(n + 20);
    expect(outcome.feasible).toBe(false);
    expect(outcome.conditions).toEqual([{ kind: "purchase", sku: "PM-CHIP", qty: 239, leadTimeDays: 20, readyN: n + 20 }]);
    expect(outcome.explanation.en).toContain("subject to purchase of 239 × PM-CHIP, supplier lead time 20 days");
    expect(outcome.explanation.zh).toContain("以采购 239 × PM-CHIP 为前提（供应商周期 20 天）");
    // From stock it ships today, with nothing to buy.
    const stocked = promiseOrder(initialState(input([])), { customer: "C-A1", grade: "A", rush: false, requestedDate: TODAY, lines: spare(50) }, names);
    expect(stocked.earliestN).toBe(n);
    expect(stocked.conditions).toEqual([]);
  });

  it("supply past its expected date is counted on only as 'at risk'", () => {
    const late = supply({
      stock: [{ sku: "PM-HOUSING", location: "WH-MAIN", free: 500 }],
      receipts: [{ sku: "PM-CHIP", location: "WH-MAIN", qty: 200, date: "2026-11-20" }],
    });
    const state = initialState(input([], { supply: late }));
    const outcome = promiseOrder(state, { customer: "C-A1", grade: "A", rush: false, requestedDate: "2026-12-10", lines: line(20) }, names);
    expect(outcome.conditions).toContainEqual({ kind: "overdue_supply", sku: "PM-CHIP" });
    expect(outcome.explanation.en).toContain("at risk: counts on overdue supply of PM-CHIP");
  });

  it("an order without a promise waits behind every promised one, whatever date it asked for", () => {
    const promised = order(100, "2026-12-20", { promisedDate: "2026-12-20" });
    const unpromised = order(100, "2026-12-01");
    const { orders } = planAll(input([unpromised, promised]));
    expect(orders.map((o) => o.orderNo)).toEqual([promised.orderNo, unpromised.orderNo]);
  });

  it("a unit broken down takes no work while it is down", () => {
    const down = { workCentre: "WC-CAL", unit: null, startsAt: plantMs(TODAY, 0), endsAt: plantMs("2026-12-02", 0) };
    const [plan] = planAll(input([order(10, "2026-12-20")], { downtime: [down] })).orders;
    const cal = plan.ops.find((op) => op.workCentre === "WC-CAL")!;
    expect(cal.startAt).toBeGreaterThanOrEqual(down.endsAt);
  });
});

describe("material buffer", () => {
  it("wants purchased parts a few days before the job starts, so a receipt due just before it is left for later needs", () => {
    const receiptDay = dayFromNumber(dayNumber(TODAY) + 15);
    const base = input([order(50, dayFromNumber(dayNumber(TODAY) + 20))], {
      supply: supply({
        stock: [
          { sku: "PM-HOUSING", location: "WH-MAIN", free: 100 },
          { sku: "PM-CHIP", location: "WH-MAIN", free: 1000 },
        ],
        receipts: [{ sku: "PM-HOUSING", location: "WH-MAIN", qty: 100, date: receiptDay }],
      }),
    });
    const housing = (materialBufferDays?: number) => planAll({ ...base, materialBufferDays }).orders[0].materials.find((m) => m.sku === "PM-HOUSING")!;
    // Latest supply first: without a buffer the order counts on the receipt due on day 15.
    expect(housing().readyN).toBe(dayNumber(receiptDay));
    // With a 7-day buffer its parts are wanted by day 12 or so: only the stock on the shelf does.
    expect(housing(7).readyN).toBe(dayNumber(TODAY));
  });
});
