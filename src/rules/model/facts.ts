// What a rule's condition can see: the order, its lines, the customer, the event, and derived facts.
// The catalogue below is the closed list of variables a condition may read (checked on save,
// offered as fields by the rule editor).
export const TRIGGERS = [
  "order.created",
  "order.changed",
  "order.transition",
  "inventory.changed",
  "task.overdue",
  "schedule",
  "visit.recorded",
  // A purchase line the order waits for: past its date without receipt, or moved by the supplier (event.from / event.to).
  "purchase.line.late",
  "purchase.line.rescheduled",
  "ecn.released",
  "quote.below_margin",
] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface LineFacts {
  sku: string;
  qty: number;
  family: string;
  kind: string;
  nonstandard: boolean;
  params: Record<string, string | number | boolean>;
}

export interface OrderFacts {
  order: {
    orderNo: string;
    status: string;
    /** Yuan as a number: conditions compare amounts, they never do money arithmetic. */
    amount: number;
    rush: boolean;
    tags: string[];
    requestedDate: string | null;
    /** Calendar days from today (plant time) to the requested date; null without one. */
    daysUntilDue: number | null;
    nonstandard: boolean;
    lineCount: number;
    totalQty: number;
    source: string;
  };
  lines: LineFacts[];
  customer: {
    code: string;
    grade: string;
    /** A = 4 … D = 1, so "grade A or better" is gradeRank >= 4. */
    gradeRank: number;
    creditLimit: number;
    openReceivables: number;
    /** Open receivables + shipped not invoiced + confirmed not shipped, without this order. */
    exposure: number;
    /** Issued invoices past their due date and unpaid. */
    overdue: number;
    /** Credit limit (with finance's overrides) − exposure − this order's amount. */
    creditHeadroom: number;
    creditExceeded: boolean;
  };
  event: { trigger: Trigger; changedFields: string[]; from: string | null; to: string | null };
  today: string;
}

export type FactType = "number" | "string" | "boolean" | "date" | "string[]" | "lines";

export interface FactField {
  type: FactType;
  label: { zh: string; en: string };
  /** A closed list of values, for enums (the editor offers a select). */
  values?: readonly string[];
}

export const FACT_FIELDS: Record<string, FactField> = {
  "order.orderNo": { type: "string", label: { zh: "订单号", en: "Order number" } },
  "order.status": {
    type: "string",
    label: { zh: "订单状态", en: "Order status" },
    values: ["draft", "confirmed", "scheduled", "in_production", "ready", "shipped", "delivered", "closed", "on_hold", "cancelled"],
  },
  "order.amount": { type: "number", label: { zh: "订单金额(元)", en: "Order amount (CNY)" } },
  "order.rush": { type: "boolean", label: { zh: "加急", en: "Rush" } },
  "order.tags": { type: "string[]", label: { zh: "标签", en: "Tags" } },
  "order.requestedDate": { type: "date", label: { zh: "要求交期", en: "Requested date" } },
  "order.daysUntilDue": { type: "number", label: { zh: "距交期天数", en: "Days until due" } },
  "order.nonstandard": { type: "boolean", label: { zh: "含非标参数", en: "Has non-standard parameters" } },
  "order.lineCount": { type: "number", label: { zh: "行数", en: "Number of lines" } },
  "order.totalQty": { type: "number", label: { zh: "总数量", en: "Total quantity" } },
  "order.source": { type: "string", label: { zh: "来源", en: "Source" }, values: ["api", "bulk", "ui", "import", "demo"] },
  lines: { type: "lines", label: { zh: "订单行", en: "Order lines" } },
  "customer.code": { type: "string", label: { zh: "客户编码", en: "Customer code" } },
  "customer.grade": { type: "string", label: { zh: "客户等级", en: "Customer grade" }, values: ["A", "B", "C", "D"] },
  "customer.gradeRank": { type: "number", label: { zh: "客户等级分(A=4…D=1)", en: "Grade rank (A=4…D=1)" } },
  "customer.creditLimit": { type: "number", label: { zh: "信用额度", en: "Credit limit" } },
  "customer.openReceivables": { type: "number", label: { zh: "未收款", en: "Open receivables" } },
  "customer.exposure": { type: "number", label: { zh: "信用敞口(不含本单)", en: "Credit exposure (before this order)" } },
  "customer.overdue": { type: "number", label: { zh: "逾期应收", en: "Overdue receivables" } },
  "customer.creditHeadroom": { type: "number", label: { zh: "剩余信用额度(含本单)", en: "Credit headroom after this order" } },
  "customer.creditExceeded": { type: "boolean", label: { zh: "超信用额度", en: "Credit limit exceeded" } },
  "event.trigger": { type: "string", label: { zh: "触发事件", en: "Trigger" }, values: TRIGGERS },
  "event.changedFields": { type: "string[]", label: { zh: "变更字段", en: "Changed fields" } },
  "event.from": { type: "string", label: { zh: "原状态", en: "From status" } },
  "event.to": { type: "string", label: { zh: "新状态", en: "To status" } },
  today: { type: "date", label: { zh: "今天", en: "Today" } },
  // A service visit (trigger visit.recorded only; see trigger-scope.ts). Facts built by src/service/model/visit-facts.ts.
  "visit.partCount": { type: "number", label: { zh: "更换部件种数", en: "Kinds of parts replaced" } },
  "visit.totalQty": { type: "number", label: { zh: "更换部件总数", en: "Parts replaced (quantity)" } },
  "visit.skus": { type: "string[]", label: { zh: "更换部件物料", en: "SKUs replaced" } },
  "visit.engineer": { type: "string", label: { zh: "服务工程师", en: "Engineer" } },
  "visit.hasNotes": { type: "boolean", label: { zh: "有服务备注", en: "Has notes" } },
  "equipment.serial": { type: "string", label: { zh: "设备序列号", en: "Serial number" } },
  "equipment.model": { type: "string", label: { zh: "设备型号", en: "Model (SKU)" } },
  "equipment.family": { type: "string", label: { zh: "产品族", en: "Product family" } },
  "equipment.underWarranty": { type: "boolean", label: { zh: "在保修期内", en: "Under warranty" } },
  "equipment.ageDays": { type: "number", label: { zh: "安装天数", en: "Days since installation" } },
  "equipment.previousVisits": { type: "number", label: { zh: "此前服务次数", en: "Earlier visits" } },
  "equipment.source": { type: "string", label: { zh: "设备来源", en: "Equipment source" }, values: ["delivery", "import"] },
  // A quote version below its margin floor (trigger quote.below_margin only). Facts built by src/quotes/model/quote-facts.ts.
  "quote.quoteNo": { type: "string", label: { zh: "报价单号", en: "Quote number" } },
  "quote.version": { type: "number", label: { zh: "报价版本", en: "Quote version" } },
  "quote.amount": { type: "number", label: { zh: "报价金额(元)", en: "Quoted amount (CNY)" } },
  "quote.marginPct": { type: "number", label: { zh: "毛利率%", en: "Margin %" } },
  "quote.floorPct": { type: "number", label: { zh: "毛利下限%", en: "Margin floor %" } },
  "quote.shortfallPct": { type: "number", label: { zh: "低于下限(百分点)", en: "Points below the floor" } },
  "quote.author": { type: "string", label: { zh: "报价人", en: "Quoted by" } },
};

/** Variables inside some/all/none over `lines`: relative to one line. */
export const LINE_FIELDS: Record<string, FactField> = {
  sku: { type: "string", label: { zh: "物料", en: "SKU" } },
  qty: { type: "number", label: { zh: "数量", en: "Quantity" } },
  family: { type: "string", label: { zh: "产品族", en: "Product family" } },
  kind: { type: "string", label: { zh: "物料类型", en: "Item kind" }, values: ["finished", "subassembly", "purchased"] },
  nonstandard: { type: "boolean", label: { zh: "非标", en: "Non-standard" } },
  params: { type: "string", label: { zh: "参数(params.名称)", en: "Parameters (params.name)" } },
};
