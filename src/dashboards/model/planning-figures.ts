// Shapes the planning reports for the boards: pure, so the ranking and the chart series are unit-tested.
import type { ShortageView } from "../../planning/model/shortage-view.js";

export const TOP_KITTING = 5;

/**
 * The materials that hold back the most orders from being complete (齐套): most orders short first,
 * then the rush ones, then the larger shortage.
 */
export function kittingImpact(shortages: ShortageView[], top = TOP_KITTING) {
  return shortages
    .map((s) => ({
      sku: s.sku,
      name: s.name,
      ordersShort: new Set(s.orders.map((o) => o.orderNo)).size,
      rushOrdersShort: new Set(s.orders.filter((o) => o.rush).map((o) => o.orderNo)).size,
      qtyShort: s.qtyShort,
      dateNeeded: s.dateNeeded,
      nextSupply: s.openSupply[0] ? { qty: s.openSupply[0].qty, expectedDate: s.openSupply[0].expectedDate } : null,
      red: s.red,
    }))
    .sort((a, b) => b.ordersShort - a.ordersShort || b.rushOrdersShort - a.rushOrdersShort || b.qtyShort - a.qtyShort || a.sku.localeCompare(b.sku))
    .slice(0, top);
}

interface CentreLoad {
  code: string;
  name: string;
  loadHours: number;
  utilisation: number | null;
  fullDays: number;
  overloaded: boolean;
  lateOrders: string[];
  orders: { orderNo: string; hours: number; rush: boolean }[];
  days: { date: string; loadHours: number; limitHours: number; capacityHours: number; full: boolean }[];
}

/** Bottleneck alerts: the centres the plan fills (or makes late), with the orders that fill them. */
export function bottleneckAlerts(centres: CentreLoad[]) {
  return centres
    .filter((c) => c.overloaded)
    .map((c) => ({
      code: c.code,
      name: c.name,
      utilisation: c.utilisation,
      fullDays: c.fullDays,
      firstFullDay: c.days.find((d) => d.full)?.date ?? null,
      lateOrders: c.lateOrders.slice(0, 10),
      lateCount: c.lateOrders.length,
      topOrders: c.orders.slice(0, 5),
    }));
}

/**
 * The work-centre load chart: per centre and day, load against the load limit (hours), the centres
 * with the highest peak first; past `maxSeries` the rest are summed into one row so the chart stays
 * readable. A day without capacity (holiday, shutdown, weekend) has a limit of 0.
 */
export function loadChart(centres: CentreLoad[], maxSeries = 10) {
  const dates = centres[0]?.days.map((d) => d.date) ?? [];
  const peak = (c: CentreLoad) => Math.max(0, ...c.days.map((d) => (d.limitHours > 0 ? d.loadHours / d.limitHours : 0)));
  const busiest = [...centres].sort((a, b) => peak(b) - peak(a) || b.loadHours - a.loadHours || a.code.localeCompare(b.code));
  const shown = busiest.slice(0, maxSeries).filter((c) => c.loadHours > 0);
  const rest = busiest.filter((c) => !shown.includes(c));
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const sumDays = (list: CentreLoad[], pick: (d: CentreLoad["days"][number]) => number) =>
    dates.map((_, i) => r2(list.reduce((s, c) => s + pick(c.days[i]), 0)));
  return {
    dates,
    series: shown.map((c) => ({ code: c.code, name: c.name, loadHours: c.days.map((d) => d.loadHours), limitHours: c.days.map((d) => d.limitHours) })),
    others: rest.length ? { count: rest.length, loadHours: sumDays(rest, (d) => d.loadHours), limitHours: sumDays(rest, (d) => d.limitHours) } : null,
    /** The whole plant: load against the load limit per day. */
    total: { loadHours: sumDays(centres, (d) => d.loadHours), limitHours: sumDays(centres, (d) => d.limitHours) },
  };
}

interface CalendarDay {
  date: string;
  working: boolean;
  reason: string;
  note: string | null;
  provisional: boolean;
  maintenance: { workCentre: string; from: string; to: string; hours: number; reason: string }[];
}

/** The days that differ from an ordinary week: holidays, 调休 working weekends, shutdowns, maintenance. */
export function calendarHighlights(days: CalendarDay[]) {
  const special = days.filter((d) => (d.reason !== "workday" && d.reason !== "weekend") || d.maintenance.length > 0);
  return special.map((d) => ({
    date: d.date,
    working: d.working,
    reason: d.reason,
    note: d.note,
    provisional: d.provisional,
    maintenance: d.maintenance.map((m) => ({ workCentre: m.workCentre, hours: m.hours, reason: m.reason })),
  }));
}
