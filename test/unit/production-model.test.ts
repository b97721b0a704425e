import { describe, expect, it } from "vitest";
import { centreDays, plantDays } from "../../src/calendar/model/calendar.js";
import { plantMs } from "../../src/calendar/model/dates.js";
import { planAll } from "../../src/planning/model/plan.js";
import type { ReleasedWorkOrder } from "../../src/planning/model/released.js";
import { dispatchChanges, shiftStart } from "../../src/production/model/dispatch-changes.js";
import { applyReport, flow, judgeReport, type OperationFigures, shortfall } from "../../src/production/model/flow.js";
import { workOrderSpecs } from "../../src/production/model/release.js";
import { calendar as calendarInputs, input, order, TODAY } from "../fixtures/planning-plant.js";

const ops = (...rows: [number, OperationFigures["status"], number, number][]): OperationFigures[] =>
  rows.map(([seq, status, good, scrap]) => ({ seq, status, good, scrap }));

describe("quantities flow through a work order", () => {
  it("40 good + 5 scrap of 100 at op 10: 55 remain there, 40 ready at op 20, which expects 95", () => {
    const f = flow(100, ops([10, "paused", 40, 5], [20, "open", 0, 0]));
    expect(f[0]).toMatchObject({ expected: 100, arrived: 100, ready: 55, remaining: 55 });
    expect(f[1]).toMatchObject({ expected: 95, arrived: 40, ready: 40, remaining: 95 });
    expect(shortfall(100, ops([10, "paused", 40, 5], [20, "open", 0, 0]))).toBe(5);
  });

  it("a finished operation passes on its good quantity only", () => {
    const f = flow(100, ops([10, "done", 90, 5], [20, "started", 30, 0]));
    expect(f[0].remaining).toBe(0);
    expect(f[1]).toMatchObject({ expected: 90, arrived: 90, ready: 60, remaining: 60 });
    expect(shortfall(100, ops([10, "done", 90, 5], [20, "done", 88, 2]))).toBe(12);
  });

  it("refuses what makes no sense: op 20 before op 10, more than arrived, a closed order, a done operation, pausing before starting", () => {
    const fresh = ops([10, "open", 0, 0], [20, "open", 0, 0]);
    expect(judgeReport(100, fresh, 1, { kind: "finish", good: 10, scrap: 0 }, true)).toBe("previous_not_reported");
    expect(judgeReport(100, fresh, 0, { kind: "finish", good: 101, scrap: 0 }, true)).toBe("more_than_arrived");
    expect(judgeReport(100, fresh, 0, { kind: "start", good: 0, scrap: 0 }, false)).toBe("order_closed");
    expect(judgeReport(100, fresh, 0, { kind: "pause", good: 0, scrap: 0 }, true)).toBe("not_started");
    expect(judgeReport(100, ops([10, "done", 100, 0], [20, "open", 0, 0]), 0, { kind: "start", good: 0, scrap: 0 }, true)).toBe("operation_done");
    const partly = ops([10, "paused", 40, 5], [20, "open", 0, 0]);
    expect(judgeReport(100, partly, 1, { kind: "finish", good: 40, scrap: 0 }, true)).toBeNull();
    expect(judgeReport(100, partly, 1, { kind: "finish", good: 41, scrap: 0 }, true)).toBe("more_than_arrived");
    expect(applyReport(partly[0], { kind: "finish", good: 55, scrap: 0 })).toEqual({ seq: 10, status: "done", good: 95, scrap: 5 });
  });
});

describe("release", () => {
  const routing = { id: 7, ops: [{ seq: 10, workCentre: "WC-ASM", setupHours: 0.5, runHoursPerUnit: 0.1 }] };
  const sub = { id: 9, ops: [{ seq: 10, workCentre: "WC-ASM", setupHours: 0, runHoursPerUnit: 0.2 }] };
  const routingOf = (sku: string) => (sku === "SA-CORE" ? sub : routing);
  const line = (lineNo: number, sku: string, qty: number) => ({ lineNo, sku, qty, routingVersionId: 7 });
  const p = (job: number, sku: string, hours: number) => ({ job, sku, seq: 10, hours, plannedStart: null, plannedEnd: null });

  it("one work order per made line and per sub-assembly the plan makes; a line from stock gets none", () => {
    const specs = workOrderSpecs(
      [line(1, "PS-100", 50), line(2, "TT-200", 5), line(3, "PS-100", 20)],
      [p(1, "PS-100", 5.5), p(2, "SA-CORE", 10), p(3, "PS-100", 2.5)],
      routingOf,
    );
    expect(specs).toEqual([
      { lineNo: 1, sku: "PS-100", qty: 50, routingVersionId: 7, parentIndex: null, job: 1 },
      { lineNo: 1, sku: "SA-CORE", qty: 50, routingVersionId: 9, parentIndex: 0, job: 2 },
      { lineNo: 3, sku: "PS-100", qty: 20, routingVersionId: 7, parentIndex: null, job: 3 },
    ]);
    expect(workOrderSpecs([line(1, "PS-100", 50)], [], routingOf)).toHaveLength(1);
  });
});

describe("the plan from released work", () => {
  const wo = (opStatus: [string, number, number?][]): ReleasedWorkOrder => ({
    id: 501,
    parentId: null,
    sku: "PS-100",
    qty: 100,
    ops: [
      {
        operationId: 1,
        seq: 10,
        workCentre: "WC-ASM",
        setupHours: 0.5,
        runHoursPerUnit: 0.1,
        status: opStatus[0][0] as "open",
        qtyRemaining: opStatus[0][1],
        actualStart: opStatus[0][2] ?? null,
      },
      {
        operationId: 2,
        seq: 20,
        workCentre: "WC-CAL",
        setupHours: 0.2,
        runHoursPerUnit: 0.05,
        status: opStatus[1][0] as "open",
        qtyRemaining: opStatus[1][1],
        actualStart: opStatus[1][2] ?? null,
      },
    ],
  });

  it("never plans a finished operation again; a started one plans its remaining quantity without setup; the next never starts before it", () => {
    const started = planAll(
      input([
        order(100, "2026-12-20", {
          released: [
            wo([
              ["started", 55],
              ["open", 95],
            ]),
          ],
        }),
      ]),
    ).orders[0];
    expect(started.ops.map((o) => [o.seq, Math.round(o.hours * 100) / 100])).toEqual([
      [10, 5.5],
      [20, 4.95],
    ]);
    expect(started.ops[1].startN).toBeGreaterThanOrEqual(started.ops[0].endN);
    const done = planAll(
      input([
        order(100, "2026-12-20", {
          released: [
            wo([
              ["done", 0],
              ["open", 95],
            ]),
          ],
        }),
      ]),
    ).orders[0];
    expect(done.ops.map((o) => o.seq)).toEqual([20]);
    expect(done.materials).toEqual([]);
  });

  it("a work order released before its parts are issued still needs them: the plan nets them and later orders do not get them", () => {
    // 500 housings on the shelf: the released, unstarted lot of 450 takes 450, so the next order of 100 is short.
    const released = {
      ...wo([
        ["open", 100],
        ["open", 100],
      ]),
      qty: 450,
    };
    const plan = planAll(input([order(450, "2026-12-20", { released: [released] }), order(100, "2026-12-22")]));
    const [first, second] = plan.orders;
    expect(first.materials.find((m) => m.sku === "PM-HOUSING")).toMatchObject({ qty: 450, short: 0 });
    expect(second.materials.find((m) => m.sku === "PM-HOUSING")?.short).toBeCloseTo(50);
    // Once a report shows work started, the parts are issued and no longer planned.
    const started = planAll(
      input([
        order(450, "2026-12-20", {
          released: [
            {
              ...released,
              ops: wo([
                ["started", 100, plantMs(TODAY, 9)],
                ["open", 100],
              ]).ops,
            },
          ],
        }),
      ]),
    );
    expect(started.orders[0].materials).toEqual([]);
  });

  it("a started operation keeps its actual start, even while the one before it still runs; a finished sub-assembly is not planned again", () => {
    const nowMs = plantMs(TODAY, 10);
    const core: ReleasedWorkOrder = {
      id: 502,
      parentId: 501,
      sku: "SA-CORE",
      qty: 100,
      ops: [
        {
          operationId: 3,
          seq: 10,
          workCentre: "WC-ASM",
          setupHours: 0.2,
          runHoursPerUnit: 0.02,
          status: "done",
          qtyRemaining: 0,
          actualStart: plantMs(TODAY, 8),
        },
      ],
    };
    // Op 10 started at 8:00 with 40 to go; op 20 started at 10:00 on the 50 passed on so far.
    const both = wo([
      ["started", 40, plantMs(TODAY, 8)],
      ["started", 50, nowMs],
    ]);
    const [plan] = planAll(input([order(100, "2026-12-20", { released: [both, core] })], { nowMs })).orders;
    expect(plan.ops.map((o) => `${o.sku}/${o.seq}`)).toEqual(["PS-100/10", "PS-100/20"]);
    expect(plan.ops[0].hours).toBeCloseTo(4, 6);
    expect(plan.ops[1].hours).toBeCloseTo(2.5, 6);
    // Both run from now (nothing is planned in the past), op 20 not pushed behind op 10's end.
    expect(plan.ops[0].startAt).toBe(nowMs);
    expect(plan.ops[1].startAt).toBe(nowMs);
    // Not yet started, op 20 would wait for op 10 to end.
    const waiting = planAll(
      input(
        [
          order(100, "2026-12-20", {
            released: [
              wo([
                ["started", 40, plantMs(TODAY, 8)],
                ["open", 95],
              ]),
              core,
            ],
          }),
        ],
        { nowMs },
      ),
    ).orders[0];
    expect(waiting.ops[1].startAt).toBeGreaterThanOrEqual(waiting.ops[0].endAt);
  });
});

describe("downtime on some units", () => {
  it("takes one unit's hours out of the centre's capacity, not the whole centre's", () => {
    const inputs = calendarInputs();
    const days = plantDays(TODAY, TODAY, inputs);
    const asm = inputs.centres.find((c) => c.code === "WC-ASM")!;
    const full = centreDays(asm, days, [])[0];
    const from = plantMs(TODAY, 8);
    const down = centreDays(asm, days, [{ id: -1, workCentre: "WC-ASM", startsAt: from, endsAt: from + 4 * 3_600_000, reason: "主轴故障", units: 1 }])[0];
    expect(full.capacityHours - down.capacityHours).toBeCloseTo(4);
    expect(down.maintenance[0]).toMatchObject({ reason: "主轴故障", hours: 4, units: 1 });
  });
});

describe("changes since the shift started", () => {
  const twoShifts = { shifts: 2, hoursPerShift: 8 };
  it("the shift started at 8:00 or 16:00 plant time; a night shift runs into the next day", () => {
    expect(shiftStart(plantMs(TODAY, 9.5), twoShifts)).toBe(plantMs(TODAY, 8));
    expect(shiftStart(plantMs(TODAY, 16), twoShifts)).toBe(plantMs(TODAY, 16));
    expect(shiftStart(plantMs(TODAY, 23.9), twoShifts)).toBe(plantMs(TODAY, 16));
    expect(shiftStart(plantMs(TODAY, 7), { shifts: 3, hoursPerShift: 8 })).toBe(plantMs(TODAY, 0));
    expect(shiftStart(plantMs(TODAY, 7), twoShifts)).toBe(plantMs(TODAY, -8));
  });

  it("marks an operation added, resequenced among those on both lists, or moved by a quarter of an hour or more", () => {
    const at = (h: number) => new Date(plantMs(TODAY, h)).toISOString();
    const baseline = [
      { operationId: 1, plannedStart: at(8) },
      { operationId: 2, plannedStart: at(9) },
      { operationId: 3, plannedStart: at(10) },
      { operationId: 4, plannedStart: at(11) },
    ];
    // 1 finished (gone), 5 new, 3 before 2 now, 4 a minute later (not a change), then 4 two hours later.
    const current = [
      { operationId: 5, plannedStart: at(8) },
      { operationId: 3, plannedStart: at(9) },
      { operationId: 2, plannedStart: at(10) },
      { operationId: 4, plannedStart: at(11 + 1 / 60) },
    ];
    expect(dispatchChanges(baseline, current)).toEqual(["added", "resequenced", "resequenced", null]);
    expect(dispatchChanges(baseline, [{ operationId: 4, plannedStart: at(13) }])).toEqual(["moved"]);
    expect(dispatchChanges(baseline, baseline.slice(1))).toEqual([null, null, null]);
  });
});
