// What a click on a figure or a chart point asks for, and which drill-down route answers it. Pure.
import type { RuleRate } from "./types";

type Failure = RuleRate["failures"][number];

interface Range {
  from: string;
  to: string;
}
export type DrillTarget = { label: string } & (
  | ({ kind: "dwell"; stage: string } & Range)
  | ({ kind: "onTime"; customer?: string; late?: boolean } & Range)
  | ({ kind: "autonomy"; entity?: string } & Range)
  | ({ kind: "agreement"; cause?: string } & Partial<Range>)
  | { kind: "stuck"; status: string }
  | { kind: "ruleFailures"; failures: Failure[] }
);

export const query = (fields: Record<string, string | number | boolean | undefined>) =>
  new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

/** The route listing a target's rows, a page at a time; undefined when the rows came with the figures. */
export function drillPath(target: DrillTarget, page: { limit: number; offset: number }): string | undefined {
  switch (target.kind) {
    case "dwell":
      return `/api/metrics/outcomes/dwell/${encodeURIComponent(target.stage)}/orders?${query({ from: target.from, to: target.to, ...page })}`;
    case "onTime":
      return `/api/metrics/outcomes/on-time/orders?${query({ from: target.from, to: target.to, customer: target.customer, late: target.late || undefined, ...page })}`;
    case "autonomy":
      return `/api/metrics/outcomes/autonomy/changes?${query({ from: target.from, to: target.to, entity: target.entity, ...page })}`;
    case "agreement":
      return `/api/metrics/outcomes/disagreements?${query({ cause: target.cause, from: target.from, to: target.to, ...page })}`;
    case "stuck":
      return `/api/metrics/outcomes/stuck?${query({ status: target.status, limit: page.limit })}`;
    case "ruleFailures":
      return undefined;
  }
}

/** The rows and their total from a drill-down reply (lists without a total are one page). */
export function drillRows(reply: Record<string, unknown>): { rows: Record<string, unknown>[]; total: number | undefined } {
  const rows = (reply.orders ?? reply.changes ?? reply.disagreements ?? []) as Record<string, unknown>[];
  return { rows, total: typeof reply.total === "number" ? reply.total : undefined };
}
