// What each kind of import reads, and the headers (Chinese and English) each field is known by.
export const IMPORT_KINDS = ["orders", "customers", "items", "inventory"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldSpec {
  /** Headers this field is known by, compared after normaliseHeader. */
  headers: string[];
  label: string;
}

const orders = {
  orderNo: { label: "订单号", headers: ["订单号", "订单编号", "单号", "订单号码", "合同号", "销售单号", "orderno", "ordernumber", "order#", "order"] },
  customerName: { label: "客户名称", headers: ["客户名称", "客户", "客户名", "单位名称", "购货单位", "客户全称", "customer", "customername"] },
  customerCode: { label: "客户编码", headers: ["客户编码", "客户代码", "客户编号", "customercode", "customerid"] },
  orderedOn: { label: "下单日期", headers: ["下单日期", "订单日期", "接单日期", "日期", "orderdate", "date", "orderedon"] },
  dueOn: { label: "交货日期", headers: ["交货日期", "交期", "要求交期", "约定交期", "承诺交期", "要求交货日期", "duedate", "deliverydate", "requesteddate"] },
  deliveredOn: {
    label: "实际交货日期",
    headers: ["实际交货日期", "实际交期", "发货日期", "送货日期", "出货日期", "实际发货日期", "deliveredon", "delivereddate", "shipdate", "actualdelivery"],
  },
  amount: { label: "金额(元)", headers: ["金额", "订单金额", "总金额", "含税金额", "价税合计", "合同金额", "amount", "total", "totalamount"] },
  unitPrice: { label: "单价", headers: ["单价", "含税单价", "unitprice", "price"] },
  item: { label: "产品型号", headers: ["产品型号", "型号", "规格型号", "物料编码", "产品编码", "产品", "品名", "产品名称", "model", "product", "sku", "item"] },
  qty: { label: "数量", headers: ["数量", "订货数量", "订单数量", "qty", "quantity"] },
  status: { label: "状态", headers: ["状态", "订单状态", "status"] },
  note: { label: "备注", headers: ["备注", "说明", "note", "notes", "remark", "remarks"] },
} satisfies Record<string, FieldSpec>;

const customers = {
  code: { label: "客户编码", headers: ["客户编码", "客户代码", "客户编号", "编码", "code", "customercode"] },
  name: { label: "客户名称", headers: ["客户名称", "客户", "客户名", "单位名称", "客户全称", "name", "customer", "customername"] },
  grade: { label: "等级", headers: ["等级", "客户等级", "grade"] },
  creditLimit: { label: "信用额度", headers: ["信用额度", "授信额度", "creditlimit"] },
  contactName: { label: "联系人", headers: ["联系人", "contact", "contactname"] },
  contactPhone: { label: "电话", headers: ["电话", "联系电话", "手机", "phone", "contactphone"] },
  region: { label: "地区", headers: ["地区", "区域", "省份", "region"] },
} satisfies Record<string, FieldSpec>;

const items = {
  sku: { label: "物料编码", headers: ["物料编码", "产品型号", "型号", "产品编码", "编码", "sku", "itemcode", "model"] },
  name: { label: "名称", headers: ["名称", "物料名称", "品名", "产品名称", "name", "itemname"] },
  kind: { label: "类型", headers: ["类型", "物料类型", "kind", "type"] },
  family: { label: "产品系列", headers: ["产品系列", "系列", "产品族", "family"] },
  uom: { label: "单位", headers: ["单位", "计量单位", "uom", "unit"] },
  unitPrice: { label: "单价", headers: ["单价", "价格", "unitprice", "price"] },
  leadTimeDays: { label: "采购提前期(天)", headers: ["采购提前期", "提前期", "leadtime", "leadtimedays"] },
} satisfies Record<string, FieldSpec>;

const inventory = {
  sku: { label: "物料编码", headers: ["物料编码", "产品型号", "型号", "编码", "sku", "itemcode"] },
  location: { label: "库位", headers: ["库位", "仓库", "仓位", "location", "warehouse"] },
  onHand: { label: "库存数量", headers: ["库存数量", "现存量", "库存", "结存数量", "在库数量", "onhand", "stock", "qty"] },
} satisfies Record<string, FieldSpec>;

export const FIELDS = { orders, customers, items, inventory } as const;

/** Fields without which a row cannot be imported; alternatives: any one of the group is enough. */
export const REQUIRED: Record<ImportKind, string[][]> = {
  orders: [["orderNo"], ["customerName", "customerCode"], ["orderedOn"], ["amount", "unitPrice"]],
  customers: [["name"]],
  items: [["sku"], ["name"]],
  inventory: [["sku"], ["location"], ["onHand"]],
};

export function fieldNames(kind: ImportKind): string[] {
  return Object.keys(FIELDS[kind]);
}

export function fieldLabel(kind: ImportKind, field: string): string {
  return (FIELDS[kind] as Record<string, FieldSpec>)[field]?.label ?? field;
}
