// A purchase order as Excel for the supplier to answer: one row per line with the date asked for and two
// empty columns, 确认交期 and 确认数量, that come back through the confirmation import (its columns are
// the ones read there, CONFIRMATION_HEADERS).
import ExcelJS from "exceljs";
import type { getPurchaseOrderView } from "./store.js";

type PurchaseOrderView = Awaited<ReturnType<typeof getPurchaseOrderView>>;

export const CONFIRMATION_HEADERS = { poNo: "采购单号", line: "行号", confirmedDate: "确认交期", qty: "确认数量" } as const;

export async function purchaseOrderXlsx(po: PurchaseOrderView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Lvyue";
  const sheet = book.addWorksheet("采购订单", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: CONFIRMATION_HEADERS.poNo, key: "poNo", width: 18 },
    { header: CONFIRMATION_HEADERS.line, key: "line", width: 6 },
    { header: "物料编码", key: "sku", width: 14 },
    { header: "物料名称", key: "name", width: 28 },
    { header: "数量", key: "qty", width: 10, style: { numFmt: "#,##0.###" } },
    { header: "单价(元)", key: "price", width: 10, style: { numFmt: "#,##0.00" } },
    { header: "要求到货日期", key: "requested", width: 14, style: { numFmt: "yyyy-mm-dd" } },
    { header: CONFIRMATION_HEADERS.confirmedDate, key: "confirmed", width: 14, style: { numFmt: "yyyy-mm-dd" } },
    { header: CONFIRMATION_HEADERS.qty, key: "confirmedQty", width: 10, style: { numFmt: "#,##0.###" } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const l of po.lines.filter((x) => x.state !== "received" && x.state !== "cancelled")) {
    sheet.addRow({
      poNo: po.poNo,
      line: l.line,
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      price: l.priceFen / 100,
      requested: new Date(`${l.requestedDate}T00:00:00Z`),
      confirmed: l.confirmedDate ? new Date(`${l.confirmedDate}T00:00:00Z`) : null,
      confirmedQty: null,
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
