import { describe, expect, it } from "vitest";
import { bottleneckAlerts, calendarHighlights, kittingImpact, loadChart } from "../../src/dashboards/model/planning-figures.js";
import type { ShortageView } from "../../src/planning/list-shortages.js";

const shortage = (sku: string, orders: [string, boolean][], qtyShort: number): ShortageView => ({
  sku,
  name: sku,
  leadTimeDays: 10,
  qtyShort,
  dateNeeded: "2026-12-01",
  red: orders.some(([, rush]) => rush),
  onHand: 0,
  reserved: 0,
  orders: orders.map(([orderNo, rush]) => ({ orderNo, qtyShort: 1, dateNeeded: "2026-12-01", rush })),
  openSupply: [],
});

const day = (date: string, loadHours: number, full = false) => ({ date, loadHours, limitHours: 6.8, capacityHours: 8, full });
const centre = (code: string, loads: number[], overloaded = false) => ({
  code,
  name: code,
  loadHours: loads.reduce((s, x) => s + x, 0),
  utilisation: null,
  fullDays: loads.filter((l) => l >= 6.8).length,
  overloaded,
  lateOrders: overloaded ? ["DH20261125001"] : [],
  orders: [{ orderNo: "DH20261125001", hours: 5, rush: true }],
  days: loads.map((l, i) => day(`2026-12-0${i + 1}`, l, l >= 6.8)),
});

describe("planning figures on the boards", () => {
  it("ranks materials by orders held back, then rush orders, then quantity, and keeps five", () => {
    const list = [
      shortage("A", [["o1", false]], 100),
      shortage(
        "B",
        [
          ["o1", false],
          ["o2", false],
        ],
        1,
      ),
      shortage(
        "C",
        [
          ["o1", true],
          ["o2", false],
        ],
        1,
      ),
      shortage(
        "D",
        [
          ["o3", false],
          ["o3", false],
        ],
        5,
      ),
      shortage("E", [["o4", false]], 3),
      shortage("F", [["o5", false]], 2),
    ];
    const top = kittingImpact(list);
    expect(top.map((m) => m.sku)).toEqual(["C", "B", "A", "D", "E"]);
    // An order short twice on one material counts once.
    expect(top.find((m) => m.sku === "D")?.ordersShort).toBe(1);
    expect(top[0]).toMatchObject({ ordersShort: 2, rushOrdersShort: 1, red: true, nextSupply: null });
  });

  it("alerts only the overloaded centres, with their first full day", () => {
    const alerts = bottleneckAlerts([centre("WC-1", [7, 7], true), centre("WC-2", [1, 1])]);
    expect(alerts).toEqual([
      {
        code: "WC-1",
        name: "WC-1",
        utilisation: null,
        fullDays: 2,
        firstFullDay: "2026-12-01",
        lateOrders: ["DH20261125001"],
        lateCount: 1,
        topOrders: [{ orderNo: "DH20261125001", hours: 5, rush: true }],
      },
    ]);
  });

  it("charts the centres with the highest peak first and sums the rest, day by day", () => {
    // A peaks at 6.8 of 6.8 on its second day; B loads more hours in all but never above 3.4.
    const chart = loadChart([centre("A", [0, 6.8]), centre("B", [3.4, 3.4]), centre("C", [0.5, 0]), centre("D", [0, 0])], 2);
    expect(chart.dates).toEqual(["2026-12-01", "2026-12-02"]);
    expect(chart.series.map((s) => s.code)).toEqual(["A", "B"]);
    expect(chart.series[0]).toMatchObject({ loadHours: [0, 6.8], limitHours: [6.8, 6.8] });
    expect(chart.others).toEqual({ count: 2, loadHours: [0.5, 0], limitHours: [13.6, 13.6] });
    expect(chart.total).toEqual({ loadHours: [3.9, 10.2], limitHours: [27.2, 27.2] });
    expect(loadChart([])).toEqual({ dates: [], series: [], others: null, total: { loadHours: [], limitHours: [] } });
  });

  it("keeps the calendar days that differ from an ordinary week", () => {
    const base = { working: true, note: null, provisional: false, maintenance: [] };
    const days = calendarHighlights([
      { ...base, date: "2026-12-01", reason: "workday" },
      { ...base, date: "2026-12-05", reason: "weekend", working: false },
      { ...base, date: "2027-01-01", reason: "holiday", working: false, note: "元旦", provisional: true },
      { ...base, date: "2026-12-06", reason: "adjusted_workday" },
      { ...base, date: "2026-12-02", reason: "workday", maintenance: [{ workCentre: "WC-1", from: "x", to: "y", hours: 2, reason: "保养" }] },
    ]);
    expect(days.map((d) => [d.date, d.reason])).toEqual([
      ["2027-01-01", "holiday"],
      ["2026-12-06", "adjusted_workday"],
      ["2026-12-02", "workday"],
    ]);
    expect(days[2].maintenance).toEqual([{ workCentre: "WC-1", hours: 2, reason: "保养" }]);
  });
});
