// Ledger statuses in Chinese (and English) mapped to the closed list kept for legacy orders. The words
// are those of the CRM, WMS and ERP ledgers plants keep (the seed: CRM 已发货, WMS 在途, ERP 待出库).
import { lookupWord, vocabulary, wordKey } from "./value-words.js";

export const HISTORY_STATUSES = ["open", "in_production", "shipped", "delivered", "closed", "cancelled"] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

const WORDS: Record<HistoryStatus, string[]> = {
  open: [
    "未完成",
    "待生产",
    "已下单",
    "未交货",
    "未发货",
    "已确认",
    "待发货",
    "进行中",
    "待出库",
    "待审核",
    "已审核",
    "挂起",
    "暂停",
    "待排产",
    "pending",
    "confirmed",
    "onhold",
    "hold",
  ],
  in_production: ["生产中", "在制", "在产", "排产中", "已排产", "inproduction", "producing"],
  shipped: ["已发货", "已出货", "已发", "发货", "在途", "运输中", "已出库", "出库", "部分发货", "部分出库", "intransit", "partiallyshipped"],
  delivered: ["已交货", "已完成", "完成", "已签收", "签收", "已送达", "已交付", "交货", "已收货", "done", "completed", "complete", "received"],
  closed: ["已结案", "已关闭", "结案", "已结清", "关闭", "已开票", "已回款"],
  cancelled: ["已取消", "取消", "作废", "已作废", "撤单", "退货", "已退货", "退单", "canceled", "void", "returned"],
};

export const STATUS_VOCABULARY = vocabulary(HISTORY_STATUSES, WORDS);

export type StatusResult = { ok: true; value: HistoryStatus; inferred: boolean } | { ok: false; reason: string; detail: string };

/**
 * A blank status is inferred: delivered when the row has a delivery date, else open. `answers`: the
 * user's own words (ledger word → one of ours), asked once when the dry run met them.
 */
export function cleanStatus(text: string, hasDeliveryDate: boolean, answers?: Record<string, string>): StatusResult {
  if (!wordKey(text)) return { ok: true, value: hasDeliveryDate ? "delivered" : "open", inferred: true };
  const found = lookupWord(STATUS_VOCABULARY, text, answers);
  if (!found.ok) return { ok: false, reason: "status.unknown", detail: text };
  return { ok: true, value: found.value as HistoryStatus, inferred: false };
}
