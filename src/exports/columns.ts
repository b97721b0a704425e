// What each exported list shows, under the Chinese headers the plant's people read.
import type { CustomerView } from "../customers/store.js";
import type { listHistory } from "../history/list-history.js";
import type { listOrders } from "../orders/list-orders.js";
import type { ExportColumn } from "./xlsx-export.js";

type OrderHeader = Awaited<ReturnType<typeof listOrders>>["orders"][number];
type HistoryOrder = Awaited<ReturnType<typeof listHistory>>["orders"][number];

const STATUS_ZH: Record<string, string> = {
  draft: "草稿",
  confirmed: "已确认",
  scheduled: "已排产",
  in_production: "生产中",
  ready: "待发货",
  shipped: "已发货",
  delivered: "已交货",
  closed: "已关闭",
  on_hold: "暂停",
  cancelled: "已取消",
  open: "未完成",
};

export const statusZh = (status: string) => STATUS_ZH[status] ?? status;

export const ORDER_COLUMNS: ExportColumn<OrderHeader>[] = [
  { header: "订单号", kind: "text", width: 18, value: (o) => o.orderNo },
  { header: "客户编码", kind: "text", value: (o) => o.customer },
  { header: "状态", kind: "text", value: (o) => statusZh(o.status) },
  { header: "加急", kind: "boolean", value: (o) => o.rush },
  { header: "要求交期", kind: "date", value: (o) => o.requestedDate },
  { header: "承诺交期", kind: "date", value: (o) => o.promisedDate },
  { header: "金额(元)", kind: "money", width: 14, value: (o) => o.totalAmount },
  { header: "非标", kind: "boolean", value: (o) => o.nonstandard },
  { header: "标签", kind: "text", value: (o) => o.tags.join("、") },
  { header: "责任角色", kind: "text", value: (o) => o.owner.role },
  { header: "责任人", kind: "text", value: (o) => o.owner.user },
  { header: "暂停原因", kind: "text", width: 24, value: (o) => o.holdReason },
  { header: "备注", kind: "text", width: 24, value: (o) => o.note },
  { header: "来源", kind: "text", value: (o) => o.source },
  { header: "创建人", kind: "text", value: (o) => o.createdBy },
  { header: "创建时间", kind: "datetime", width: 18, value: (o) => o.createdAt },
];

export const HISTORY_COLUMNS: ExportColumn<HistoryOrder>[] = [
  { header: "订单号", kind: "text", width: 18, value: (o) => o.orderNo },
  { header: "客户编码", kind: "text", value: (o) => o.customer.code },
  { header: "客户名称", kind: "text", width: 28, value: (o) => o.customer.name },
  { header: "下单日期", kind: "date", value: (o) => o.orderedOn },
  { header: "交货日期", kind: "date", value: (o) => o.dueOn },
  { header: "实际交货日期", kind: "date", value: (o) => o.deliveredOn },
  { header: "是否准时", kind: "text", value: (o) => (o.onTime === null ? "" : o.onTime ? "是" : "否") },
  { header: "状态", kind: "text", value: (o) => statusZh(o.status) },
  { header: "金额(元)", kind: "money", width: 14, value: (o) => o.amount },
  { header: "产品型号", kind: "text", width: 20, value: (o) => o.lines.map((l) => l.item).join("、") },
  { header: "备注", kind: "text", width: 24, value: (o) => o.note },
  { header: "导入批次", kind: "integer", value: (o) => o.importId },
];

export const CUSTOMER_COLUMNS: ExportColumn<CustomerView>[] = [
  { header: "客户编码", kind: "text", value: (c) => c.code },
  { header: "客户名称", kind: "text", width: 28, value: (c) => c.name },
  { header: "等级", kind: "text", value: (c) => c.grade },
  { header: "信用额度(元)", kind: "money", width: 14, value: (c) => c.creditLimit },
  { header: "应收余额(元)", kind: "money", width: 14, value: (c) => c.openReceivables },
  { header: "可用额度(元)", kind: "money", width: 14, value: (c) => c.creditHeadroom },
  { header: "准时交付率", kind: "quantity", value: (c) => c.onTimeRate },
  { header: "已交付订单", kind: "integer", value: (c) => c.deliveredOrders },
  { header: "历史订单", kind: "integer", value: (c) => c.historyOrders },
  { header: "联系人", kind: "text", value: (c) => c.contactName },
  { header: "电话", kind: "text", width: 16, value: (c) => c.contactPhone },
  { header: "地区", kind: "text", value: (c) => c.region },
  { header: "特殊条款", kind: "text", width: 30, value: (c) => c.specialTerms },
];
