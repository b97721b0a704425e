// Row-level reasons in Chinese and English; the report carries the code and the message.
import type { Lang } from "./i18n.js";

const REASONS: Record<string, [string, string]> = {
  "field.required": ["必填", "required"],
  "date.unreadable": ["无法识别的日期“{detail}”", "unreadable date “{detail}”"],
  "date.impossible": ["不存在的日期 {detail}", "impossible date {detail}"],
  "date.out_of_range": ["年份 {detail} 超出范围（1990–2100）", "year {detail} is out of range (1990–2100)"],
  "date.no_year": ["日期“{detail}”没有年份：请在导入时指定年份", "date “{detail}” has no year: give the year when importing"],
  "date.before_order": ["早于下单日期 {detail}", "is before the order date {detail}"],
  "amount.unreadable": ["无法识别的金额“{detail}”", "unreadable amount “{detail}”"],
  "amount.lost_yen": ["金额“{detail}”的 ¥ 在保存为 GBK 时变成了 ?", "amount “{detail}” lost its ¥ to a ? when the file was saved as GBK"],
  "file.lost_yen": [
    "此文件保存为 GBK 时丢失了 ¥ 符号（金额读作“{detail}”）：请另存为 UTF-8 或 GB18030 后重新导入，或选择“将 ? 视为 ¥ 继续导入”",
    "this file lost its ¥ signs when it was saved as GBK (amounts read “{detail}”) — save it as UTF-8 or GB18030, or import anyway treating ? as ¥",
  ],
  "amount.precision": ["金额“{detail}”超过两位小数", "amount “{detail}” has more than 2 decimals"],
  "amount.too_large": ["金额 {detail} 超出上限", "amount {detail} is over the limit"],
  "qty.unreadable": ["无法识别的数量“{detail}”", "unreadable quantity “{detail}”"],
  "qty.precision": ["数量“{detail}”超过三位小数", "quantity “{detail}” has more than 3 decimals"],
  "qty.zero": ["数量不能为 0", "quantity cannot be 0"],
  "qty.too_large": ["数量“{detail}”过大", "quantity “{detail}” is too large"],
  "qty.negative": ["数量不能为负数", "quantity cannot be negative"],
  "status.unknown": ["无法识别的状态“{detail}”", "unknown status “{detail}”"],
  "customer.ambiguous": ["客户名称匹配到多个客户：{detail}", "the customer name matches several customers: {detail}"],
  "customer.unknown": ["客户“{detail}”不存在", "customer “{detail}” does not exist"],
  "order.conflict": ["与第 {detail} 行同一订单号但内容不一致", "same order number as row {detail} but different header values"],
  "text.too_long": ["内容过长（最多 {detail} 字）", "too long (at most {detail} characters)"],
  "code.format": ["编码“{detail}”格式不正确（A–Z、0–9、-）", "code “{detail}” has the wrong format (A–Z, 0–9, -)"],
  "grade.unknown": ["等级“{detail}”必须是 A/B/C/D", "grade “{detail}” must be A, B, C or D"],
  "kind.unknown": ["物料类型“{detail}”必须是成品/半成品/外购件", "item kind “{detail}” must be finished, subassembly or purchased"],
  "item.unknown": ["物料 {detail} 不存在", "item {detail} does not exist"],
  "location.unknown": ["库位 {detail} 不存在", "location {detail} does not exist"],
  "stock.below_reserved": ["库存数量低于已预留数量（{detail}）", "on hand is below the reserved quantity ({detail})"],
  "line.duplicate": ["与 {detail} 重复", "repeats {detail}"],
  "number.unreadable": ["无法识别的数字“{detail}”", "unreadable number “{detail}”"],
};

export function reasonMessage(lang: Lang, reason: string, detail = ""): string {
  const template = REASONS[reason]?.[lang === "zh" ? 0 : 1] ?? reason;
  return template.replaceAll("{detail}", detail);
}

export const KNOWN_REASONS = Object.keys(REASONS);
