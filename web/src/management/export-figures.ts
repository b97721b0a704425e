// The figures on screen as workbook sheets: summary (with before/after), dwell per stage, on-time per
// month and per customer, rules (per rule and per bucket), autonomy per table and month, disagreements
// (per cause and per bucket of creation). Pure apart from `t`.
import type { TFunction } from "i18next";
import type { Column, Sheet } from "../orders/export-excel";
import type { Outcomes, Trends } from "./types";

/** Rates go to Excel as percentages with one decimal, so the sheet reads like the page. */
const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);

interface SummaryRow {
  indicator: string;
  figure: string;
  value: number | null;
  before?: number | null;
  after?: number | null;
}

export function figureSheets(t: TFunction, o: Outcomes, trends?: Trends): Sheet<unknown>[] {
  const m = (key: string, options?: Record<string, unknown>) => t(`management.${key}`, options ?? {}) as string;
  const c = o.comparison;
  const h = (key: string) => `${m(key)} (h)`;
  const p = (key: string) => `${m(key)} (%)`;
  const bucketHeader = t(`management.by.${trends?.by ?? "month"}`) as string;
  const summary: SummaryRow[] = [
    ...o.dwell.stages.map((s) => ({
      indicator: m("indicators.dwell"),
      figure: `${m(`stages.${s.stage}`)} · ${m("stats.median")} (h)`,
      value: s.medianHours,
      before: c?.before.dwellMedianHours[s.stage],
      after: c?.after.dwellMedianHours[s.stage],
    })),
    {
      indicator: m("indicators.onTime"),
      figure: p("onTime.overall"),
      value: pct(o.onTime.onTimeRate),
      before: pct(c?.before.onTimeRate),
      after: pct(c?.after.onTimeRate),
    },
    { indicator: m("indicators.onTime"), figure: p("onTime.promised"), value: pct(o.onTime.promised.rate) },
    { indicator: m("indicators.onTime"), figure: p("onTime.requested"), value: pct(o.onTime.requested.rate) },
    {
      indicator: m("indicators.rules"),
      figure: p("rules.execution"),
      value: pct(o.ruleExecution.executionRate),
      before: pct(c?.before.ruleExecutionRate),
      after: pct(c?.after.ruleExecutionRate),
    },
    {
      indicator: m("indicators.rules"),
      figure: p("rules.success"),
      value: pct(o.ruleExecution.successRate),
      before: pct(c?.before.ruleSuccessRate),
      after: pct(c?.after.ruleSuccessRate),
    },
    {
      indicator: m("indicators.autonomy"),
      figure: p("autonomy.share"),
      value: pct(o.autonomy.share),
      before: pct(c?.before.autonomyShare),
      after: pct(c?.after.autonomyShare),
    },
    { indicator: m("indicators.agreement"), figure: m("agreement.count"), value: o.agreement.disagreements },
  ];
  const summaryColumns: Column<SummaryRow>[] = [
    { header: m("sheetColumns.indicator"), value: (r) => r.indicator, width: 18 },
    { header: m("sheetColumns.figure"), value: (r) => r.figure, width: 30 },
    { header: `${o.period.from} ~ ${o.period.to}`, value: (r) => r.value, width: 24 },
    ...(c
      ? [
          { header: `${m("before")} ${c.before.from} ~ ${c.before.to}`, value: (r: SummaryRow) => r.before ?? null, width: 28 },
          { header: `${m("after")} ${c.after.from} ~ ${c.after.to}`, value: (r: SummaryRow) => r.after ?? null, width: 28 },
        ]
      : []),
  ];
  const sheets: Sheet<unknown>[] = [
    { name: m("sheets.summary"), columns: summaryColumns, rows: summary } as Sheet<unknown>,
    {
      name: m("sheets.dwell"),
      columns: [
        { header: m("dwell.stage"), value: (s) => m(`stages.${s.stage}`), width: 14 },
        { header: m("stats.count"), value: (s) => s.count },
        { header: h("stats.mean"), value: (s) => s.meanHours },
        { header: h("stats.median"), value: (s) => s.medianHours },
        { header: h("stats.p90"), value: (s) => s.p90Hours },
      ],
      rows: o.dwell.stages,
    } satisfies Sheet<Outcomes["dwell"]["stages"][number]> as Sheet<unknown>,
    {
      name: m("sheets.onTime"),
      columns: [
        { header: bucketHeader, value: (r) => r.bucket, width: 12 },
        { header: m("onTime.delivered"), value: (r) => r.delivered },
        { header: p("onTime.overall"), value: (r) => pct(r.onTimeRate) },
        { header: p("onTime.promised"), value: (r) => pct(r.promised.rate) },
        { header: p("onTime.requested"), value: (r) => pct(r.requested.rate) },
      ],
      rows: trends?.onTime ?? o.onTime.byMonth.map(({ month, ...f }) => ({ bucket: month, ...f })),
    } satisfies Sheet<NonNullable<Trends["onTime"]>[number]> as Sheet<unknown>,
    {
      name: m("sheets.customers"),
      columns: [
        { header: m("onTime.customer"), value: (r) => r.customer, width: 12 },
        { header: m("drill.customer"), value: (r) => r.name, width: 30 },
        { header: m("drill.grade"), value: (r) => r.grade, width: 8 },
        { header: m("onTime.delivered"), value: (r) => r.delivered },
        { header: p("onTime.overall"), value: (r) => pct(r.onTimeRate) },
        { header: p("onTime.promised"), value: (r) => pct(r.promised.rate) },
        { header: p("onTime.requested"), value: (r) => pct(r.requested.rate) },
      ],
      rows: o.onTime.byCustomer,
    } satisfies Sheet<Outcomes["onTime"]["byCustomer"][number]> as Sheet<unknown>,
    {
      name: m("sheets.rules"),
      columns: [
        { header: m("rules.rule"), value: (r) => r.name, width: 30 },
        { header: m("rules.should"), value: (r) => r.shouldHaveMatched },
        { header: m("rules.matched"), value: (r) => r.matched },
        { header: m("rules.succeeded"), value: (r) => r.succeeded },
        { header: m("rules.failed"), value: (r) => r.failed },
        { header: m("rules.pending"), value: (r) => r.pending },
        { header: m("rules.unexpected"), value: (r) => r.unexpected },
        { header: p("rules.execution"), value: (r) => pct(r.executionRate) },
        { header: p("rules.success"), value: (r) => pct(r.successRate) },
      ],
      rows: o.ruleExecution.rules,
    } satisfies Sheet<Outcomes["ruleExecution"]["rules"][number]> as Sheet<unknown>,
    {
      name: m("sheets.rulesTrend"),
      columns: [
        { header: bucketHeader, value: (r) => r.bucket, width: 12 },
        { header: m("rules.evaluations"), value: (r) => r.evaluations },
        { header: m("rules.should"), value: (r) => r.shouldHaveMatched },
        { header: m("rules.matched"), value: (r) => r.matched },
        { header: p("rules.execution"), value: (r) => pct(r.executionRate) },
        { header: p("rules.success"), value: (r) => pct(r.successRate) },
      ],
      rows: trends?.ruleExecution ?? [],
    } satisfies Sheet<Trends["ruleExecution"][number]> as Sheet<unknown>,
    {
      name: m("sheets.autonomy"),
      columns: [
        { header: m("autonomy.entity"), value: (r) => m(`autonomy.entities.${r.entity}`, { defaultValue: r.entity }), width: 16 },
        { header: t("management.by.month"), value: (r) => r.month, width: 10 },
        { header: m("autonomy.business"), value: (r) => r.business },
        { header: m("autonomy.admin"), value: (r) => r.admin },
        { header: m("autonomy.automated"), value: (r) => r.automated },
        { header: p("autonomy.share"), value: (r) => pct(r.share) },
      ],
      rows: [...o.autonomy.byEntity.map((e) => ({ ...e, month: `${o.period.from} ~ ${o.period.to}` })), ...o.autonomy.byEntityMonth],
    } satisfies Sheet<{ entity: string; month: string; business: number; admin: number; automated: number; share: number | null }> as Sheet<unknown>,
    {
      name: m("sheets.agreement"),
      columns: [
        { header: m("agreement.cause"), value: (r) => m(`agreement.causes.${r.cause}`, { defaultValue: r.cause }), width: 28 },
        { header: m("agreement.count"), value: (r) => r.count },
      ],
      rows: Object.entries(o.agreement.byCause).map(([cause, count]) => ({ cause, count })),
    } satisfies Sheet<{ cause: string; count: number }> as Sheet<unknown>,
    {
      name: m("sheets.agreementTrend"),
      columns: [
        { header: bucketHeader, value: (r) => r.bucket, width: 12 },
        { header: m("agreement.orders"), value: (r) => r.orders },
        { header: m("agreement.count"), value: (r) => r.disagreeing },
        { header: p("agreement.rate"), value: (r) => pct(r.agreementRate) },
      ],
      rows: trends?.agreement ?? [],
    } satisfies Sheet<Trends["agreement"][number]> as Sheet<unknown>,
  ];
  return sheets;
}
