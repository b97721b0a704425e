// Ledger statuses in Chinese (and English) mapped to the closed list kept for legacy orders.
export const HISTORY_STATUSES = ["open", "in_production", "shipped", "delivered", "closed", "cancelled"] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

const WORDS: Record<HistoryStatus, string[]> = {
  open: ["未完成", "待生产", "已下单", "未交货", "未发货", "已确认", "待发货", "进行中", "open", "pending", "confirmed"],
  in_production: ["生产中", "在制", "在产", "排产中", "inproduction", "producing"],
  shipped: ["已发货", "已出货", "已发", "发货", "shipped"],
  delivered: ["已交货", "已完成", "完成", "已签收", "已送达", "已交付", "交货", "delivered", "done", "completed", "complete"],
  closed: ["已结案", "已关闭", "结案", "已结清", "closed"],
  cancelled: ["已取消", "取消", "作废", "已作废", "撤单", "cancelled", "canceled", "void"],
};

const LOOKUP = new Map<string, HistoryStatus>(
  (Object.entries(WORDS) as [HistoryStatus, string[]][]).flatMap(([status, words]) => words.map((w) => [w, status] as const)),
);

export type StatusResult = { ok: true; value: HistoryStatus; inferred: boolean } | { ok: false; reason: string; detail: string };

/** A blank status is inferred: delivered when the row has a delivery date, else open. */
export function cleanStatus(text: string, hasDeliveryDate: boolean): StatusResult {
  const key = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  if (!key) return { ok: true, value: hasDeliveryDate ? "delivered" : "open", inferred: true };
  const status = LOOKUP.get(key);
  if (!status) return { ok: false, reason: "status.unknown", detail: text };
  return { ok: true, value: status, inferred: false };
}
