// The rules' action log as an exportable list: what each rule version did to which order, and how it ended.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { ExportColumn } from "./xlsx-export.js";

export interface ActionLogFilter {
  from?: string;
  to?: string;
  rule?: number;
  status?: string;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export async function actionLogPage(db: Kysely<DB>, filter: ActionLogFilter, afterId: number | undefined, limit: number) {
  let query = db
    .selectFrom("rule_actions as a")
    .innerJoin("rules as r", "r.id", "a.rule_id")
    .select([
      "a.id",
      "a.at",
      "a.order_no",
      "a.rule_id",
      "r.name as rule_name",
      "a.rule_version",
      "a.action_index",
      "a.type",
      "a.status",
      "a.error",
      "a.latency_ms",
      "a.detail",
    ]);
  if (filter.from) query = query.where("a.at", ">=", dayStart(filter.from));
  if (filter.to) query = query.where("a.at", "<", new Date(dayStart(filter.to).getTime() + 86_400_000));
  if (filter.rule) query = query.where("a.rule_id", "=", filter.rule);
  if (filter.status) query = query.where("a.status", "=", filter.status as "done");
  if (afterId !== undefined) query = query.where("a.id", ">", afterId);
  const rows = await query.orderBy("a.id").limit(limit).execute();
  return { rows, nextCursor: rows.length === limit ? String(rows[rows.length - 1].id) : null };
}

type Row = Awaited<ReturnType<typeof actionLogPage>>["rows"][number];

const STATUS_ZH: Record<string, string> = { done: "已完成", queued: "排队中", failed: "失败", skipped: "跳过" };

export const ACTION_LOG_COLUMNS: ExportColumn<Row>[] = [
  { header: "时间", kind: "datetime", width: 18, value: (r) => r.at },
  { header: "订单号", kind: "text", width: 18, value: (r) => r.order_no },
  { header: "规则编号", kind: "integer", value: (r) => r.rule_id },
  { header: "规则名称", kind: "text", width: 28, value: (r) => r.rule_name },
  { header: "规则版本", kind: "integer", value: (r) => r.rule_version },
  { header: "动作序号", kind: "integer", value: (r) => r.action_index },
  { header: "动作类型", kind: "text", width: 16, value: (r) => r.type },
  { header: "结果", kind: "text", value: (r) => STATUS_ZH[r.status] ?? r.status },
  { header: "错误", kind: "text", width: 30, value: (r) => r.error },
  { header: "耗时(毫秒)", kind: "quantity", value: (r) => r.latency_ms },
  { header: "详情", kind: "text", width: 40, value: (r) => JSON.stringify(r.detail) },
];
