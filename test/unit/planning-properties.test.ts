// Property tests of the planning model over random calendars, supply and order books.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plantDays } from "../../src/calendar/model/calendar.js";
import { addDays, dayNumber, plantMs } from "../../src/calendar/model/dates.js";
import { AtpLedger } from "../../src/planning/model/atp.js";
import { promiseOrder } from "../../src/planning/model/ctp.js";
import { planAll, slipped } from "../../src/planning/model/plan.js";
import type { OrderPlan, PlanningInput } from "../../src/planning/model/types.js";
import { CENTRES, calendar, engineering, input, order, supply, TODAY } from "../fixtures/planning-plant.js";

type Gen<A> = A extends fc.Arbitrary<infer T> ? T : never;

const eng = engineering();
const names = { item: (sku: string) => eng.items.get(sku), centre: () => undefined };
const todayN = dayNumber(TODAY);

const arbCalendar = fc.record({
  shutdowns: fc.array(fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
  maintenance: fc.array(
    fc.record({
      centre: fc.constantFrom("WC-ASM", "WC-CAL"),
      day: fc.integer({ min: 0, max: 40 }),
      hour: fc.integer({ min: 0, max: 23 }),
      hours: fc.integer({ min: 1, max: 40 }),
    }),
    { maxLength: 5 },
  ),
});
const arbOrders = fc.array(
  fc.record({ qty: fc.integer({ min: 1, max: 120 }), due: fc.integer({ min: 0, max: 40 }), rush: fc.boolean(), grade: fc.constantFrom("A", "B", "C", "D") }),
  { minLength: 1, maxLength: 25 },
);
const arbSupply = fc.record({
  housing: fc.integer({ min: 0, max: 3000 }),
  chips: fc.integer({ min: 0, max: 3000 }),
  receipts: fc.array(
    fc.record({ sku: fc.constantFrom("PM-HOUSING", "PM-CHIP"), qty: fc.integer({ min: 1, max: 500 }), day: fc.integer({ min: -5, max: 30 }) }),
    {
      maxLength: 6,
    },
  ),
});

function build(c: Gen<typeof arbCalendar>, o: Gen<typeof arbOrders>, s: Gen<typeof arbSupply>): PlanningInput {
  return input(
    o.map((x) => order(x.qty, addDays(TODAY, x.due), { rush: x.rush, grade: x.grade })),
    {
      horizonDays: 400,
      calendar: calendar({
        exceptions: c.shutdowns.map((x, i) => ({
          id: i + 1,
          dayFrom: addDays(TODAY, x.start),
          dayTo: addDays(TODAY, x.start + x.length),
          kind: "shutdown" as const,
          reason: "停产",
        })),
        statutory: c.holidays.map((d) => ({ date: addDays(TODAY, d), work: false, name: "假日", nameEn: "Holiday", provisional: false })),
        maintenance: c.maintenance.map((m, i) => ({
          id: i + 1,
          workCentre: m.centre,
          startsAt: plantMs(addDays(TODAY, m.day), m.hour),
          endsAt: plantMs(addDays(TODAY, m.day), m.hour + m.hours),
          reason: "维护",
        })),
      }),
      supply: supply({
        stock: [
          { sku: "PM-HOUSING", location: "WH-MAIN", free: s.housing },
          { sku: "PM-CHIP", location: "WH-MAIN", free: s.chips },
        ],
        receipts: s.receipts.map((r) => ({ sku: r.sku, location: "WH-MAIN", qty: r.qty, date: addDays(TODAY, r.day) })),
      }),
    },
  );
}

function loadByCentreDay(plans: OrderPlan[]) {
  const load = new Map<string, number>();
  for (const p of plans)
    for (const op of p.ops) for (const s of op.segments) load.set(`${op.workCentre}|${s.n}`, (load.get(`${op.workCentre}|${s.n}`) ?? 0) + s.hours);
  return load;
}

describe("planning properties", () => {
  it("never schedules on a day off or inside a maintenance window, and never beyond a day's load limit", () => {
    fc.assert(
      fc.property(arbCalendar, arbOrders, arbSupply, (c, o, s) => {
        const plan = planAll(build(c, o, s));
        const inp = build(c, o, s);
        const days = new Map(plantDays(TODAY, addDays(TODAY, 399), inp.calendar).map((d) => [dayNumber(d.date), d]));
        for (const p of plan.orders) {
          for (const op of p.ops) {
            for (const seg of op.segments) {
              expect(days.get(seg.n)!.working).toBe(true);
              for (const [from, to] of seg.at) {
                for (const m of inp.calendar.maintenance.filter((w) => w.workCentre === op.workCentre)) expect(to <= m.startsAt || from >= m.endsAt).toBe(true);
              }
            }
          }
        }
        for (const [key, hours] of loadByCentreDay(plan.orders)) {
          const [code, n] = key.split("|");
          expect(hours).toBeLessThanOrEqual(plan.state.board.limit(code, Number(n)) + 1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("operations of a job run in routing order and after its materials and sub-assemblies", () => {
    fc.assert(
      fc.property(arbCalendar, arbOrders, arbSupply, (c, o, s) => {
        for (const p of planAll(build(c, o, s)).orders) {
          if (p.finishN === null) continue;
          const byJob = new Map<number, typeof p.ops>();
          for (const op of p.ops) byJob.set(op.job, [...(byJob.get(op.job) ?? []), op]);
          for (const ops of byJob.values()) for (let i = 1; i < ops.length; i++) expect(ops[i].startN).toBeGreaterThanOrEqual(ops[i - 1].endN);
          for (const op of p.ops) expect(op.startN).toBeGreaterThanOrEqual(todayN);
          const top = p.ops.filter((op) => op.sku === "PS-100");
          if (top.length)
            expect(top[0].startN).toBeGreaterThanOrEqual(p.materials.filter((m) => m.sku === "PM-HOUSING").reduce((n, m) => Math.max(n, m.readyN), 0));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("precedence holds in clock time, a lot runs on one unit, and no unit works two things at once", () => {
    fc.assert(
      fc.property(arbCalendar, arbOrders, arbSupply, fc.integer({ min: 0, max: 3 }), (c, o, s, move) => {
        const inp = { ...build(c, o, s), moveHours: { "WC-ASM": move } };
        const busy = new Map<string, [number, number][]>();
        for (const p of planAll(inp).orders) {
          if (p.finishN === null) continue;
          const byJob = new Map<number, typeof p.ops>();
          for (const op of p.ops) byJob.set(op.job, [...(byJob.get(op.job) ?? []), op]);
          for (const ops of byJob.values())
            for (let i = 1; i < ops.length; i++) {
              const gap = ops[i - 1].workCentre === "WC-ASM" ? move * 3_600_000 : 0;
              expect(ops[i].startAt).toBeGreaterThanOrEqual(ops[i - 1].endAt + gap);
            }
          // The finished item's first operation starts after every sub-assembly operation ended.
          const top = p.ops.filter((op) => op.sku === "PS-100");
          const subs = p.ops.filter((op) => op.sku === "SA-CORE");
          if (top.length && subs.length) expect(top[0].startAt).toBeGreaterThanOrEqual(Math.max(...subs.map((x) => x.endAt)));
          for (const op of p.ops) {
            expect(new Set(op.segments.map((x) => x.unit)).size).toBeLessThanOrEqual(1);
            for (const seg of op.segments)
              for (const at of seg.at) busy.set(`${op.workCentre}|${seg.unit}`, [...(busy.get(`${op.workCentre}|${seg.unit}`) ?? []), at]);
          }
        }
        for (const stretches of busy.values()) {
          stretches.sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < stretches.length; i++) expect(stretches[i][0]).toBeGreaterThanOrEqual(stretches[i - 1][1]);
        }
      }),
      // Unseeded. A piece ending exactly where maintenance begins used to get an empty clock stretch after
      // the window (float residue), so two pieces overlapped on one unit: about 1 input in 400 here. The
      // shrunk case stays as an example; "load to clock time at the edges" (calendar-model.test.ts) hits
      // the edge itself within a few runs.
      {
        numRuns: 300,
        examples: [
          [
            { shutdowns: [], holidays: [], maintenance: [{ centre: "WC-ASM", day: 0, hour: 9, hours: 1 }] },
            [
              { qty: 1, due: 1, rush: false, grade: "A" },
              { qty: 4, due: 1, rush: false, grade: "A" },
              { qty: 11, due: 0, rush: false, grade: "A" },
            ],
            {
              housing: 0,
              chips: 0,
              receipts: [
                { sku: "PM-CHIP", qty: 16, day: 0 },
                { sku: "PM-HOUSING", qty: 12, day: 0 },
              ],
            },
            0,
          ],
        ],
      },
    );
  });

  it("ATP is never negative, whatever is allocated", () => {
    fc.assert(
      fc.property(
        arbSupply,
        fc.array(fc.record({ sku: fc.constantFrom("PM-HOUSING", "PM-CHIP"), qty: fc.integer({ min: 0, max: 2000 }), day: fc.integer({ min: 0, max: 40 }) })),
        (s, takes) => {
          const ledger = build({ shutdowns: [], holidays: [], maintenance: [] }, [{ qty: 1, due: 1, rush: false, grade: "A" }], s).supply;
          const atp = AtpLedger.build(ledger, todayN, dayNumber);
          for (const t of takes) {
            const before = atp.availableBy(t.sku, todayN + t.day);
            const took = atp.allocateBy(t.sku, t.qty, todayN + t.day);
            expect(took).toBeLessThanOrEqual(Math.min(t.qty, before) + 1e-9);
            for (let d = 0; d <= 45; d++) expect(atp.availableBy(t.sku, todayN + d)).toBeGreaterThanOrEqual(-1e-9);
          }
          for (const r of atp.remaining()) expect(r.free).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a new promise never moves an earlier promise later; a re-plan reports every order it pushes later", () => {
    fc.assert(
      fc.property(arbCalendar, arbOrders, arbSupply, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 20 }), (c, o, s, qty, due) => {
        const inp = build(c, o, s);
        const plan = planAll(inp);
        const loadsBefore = loadByCentreDay(plan.orders);
        const request = {
          customer: "C-NEW",
          grade: "A",
          rush: true,
          requestedDate: addDays(TODAY, due),
          lines: [{ lineNo: 1, sku: "PS-100", qty, bomVersionId: 1, routingVersionId: 1, standard: false }],
        };
        const outcome = promiseOrder(plan.state, request, names, { commit: true });
        // Committing the promise only adds load: every earlier order keeps its days and hours.
        for (const [key, hours] of loadsBefore) {
          const [code, n] = key.split("|");
          expect(plan.state.board.load(code, Number(n))).toBeGreaterThanOrEqual(hours - 1e-6);
          expect(plan.state.board.load(code, Number(n))).toBeLessThanOrEqual(plan.state.board.limit(code, Number(n)) + 1e-6);
        }
        if (outcome.earliestN !== null && outcome.feasible) expect(outcome.earliestN).toBeLessThanOrEqual(outcome.requestedN!);
        // A full re-plan with the new order may reorder; whatever it pushes later is reported.
        const newOrder = order(qty, addDays(TODAY, due), { rush: true, grade: "A" });
        const after = planAll({ ...inp, orders: [...inp.orders, newOrder] });
        const reported = new Set(slipped(plan.orders, after.orders).map((x) => x.orderNo));
        const was = new Map(plan.orders.map((p) => [p.orderNo, p.finishN]));
        for (const p of after.orders) {
          const before = was.get(p.orderNo);
          if (before === undefined) continue;
          const later = p.finishN === null ? before !== null : before !== null && p.finishN > before;
          expect(reported.has(p.orderNo)).toBe(later);
        }
      }),
      { numRuns: 40 },
    );
  });
});

it("centre list of the fixture is what the properties assume", () => {
  expect(CENTRES.map((c) => c.code)).toEqual(["WC-ASM", "WC-CAL"]);
});
