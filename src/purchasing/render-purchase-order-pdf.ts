// A purchase order as the supplier receives it: A4 PDF in Chinese (core/cjk-font.ts), the lines with
// item, quantity, price, the date asked for and the date confirmed, and how to answer (the Excel copy).
import PDFDocument from "pdfkit";
import { beginPdf, findCjkFont } from "../core/cjk-font.js";
import type { getPurchaseOrderView } from "./store.js";

type PurchaseOrderView = Awaited<ReturnType<typeof getPurchaseOrderView>>;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;

const money = (fen: number) => `${Math.floor(fen / 100).toLocaleString("en-US")}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;

export function renderPurchaseOrderPdf(po: PurchaseOrderView, contacts: { name: string; phone?: string }[], font = findCjkFont()): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `Purchase order ${po.poNo}`, Author: "Lvyue" } });
  const { done, label, value } = beginPdf(doc, font);
  const short = (zh: string, en: string) => (font ? zh : en);
  const width = A4.width - 2 * MARGIN;
  doc.fontSize(18).text(`${label("采购订单", "Purchase order")} ${po.poNo}`, MARGIN, MARGIN, { width });
  doc.moveDown(0.3).fontSize(10).fillColor("#333333");
  doc.text(`${short("供应商", "Supplier")}: ${value(po.supplier.name)} (${po.supplier.code})`, { width });
  if (contacts.length) doc.text(`${short("联系人", "Contact")}: ${contacts.map((c) => `${value(c.name)} ${c.phone ?? ""}`.trim()).join("; ")}`, { width });
  doc.text(`${short("收货库位", "Deliver to")}: ${po.location}    ${short("下单日期", "Ordered")}: ${po.createdAt.slice(0, 10)}`, { width });
  if (po.note) doc.text(`${short("备注", "Note")}: ${value(po.note)}`, { width });
  doc.moveDown(0.8);
  const cols: [string, string, number][] = [
    ["行", "Line", 28],
    ["物料", "Item", 150],
    ["数量", "Qty", 50],
    ["单价", "Price", 60],
    ["金额", "Amount", 70],
    ["要求到货", "Requested", 70],
    ["确认交期", "Confirmed", 87],
  ];
  const row = (cells: string[], y: number, bold = false) => {
    let x = MARGIN;
    doc.fillColor(bold ? "#000000" : "#222222").fontSize(bold ? 9.5 : 9);
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y, { width: cols[i][2] - 4, lineBreak: true, height: 26, ellipsis: true });
      x += cols[i][2];
    });
  };
  let y = doc.y;
  doc.rect(MARGIN, y - 3, width, 18).fill("#eef2f7");
  row(
    cols.map(([zh, en]) => short(zh, en)),
    y,
    true,
  );
  y += 20;
  for (const l of po.lines) {
    if (y > A4.height - MARGIN - 80) {
      doc.addPage();
      y = MARGIN;
    }
    row(
      [
        String(l.line),
        `${l.sku} ${value(l.name)}`,
        String(l.qty),
        money(l.priceFen),
        money(Math.round(l.priceFen * l.qty)),
        l.requestedDate,
        l.confirmedDate ?? short("待确认", "to confirm"),
      ],
      y,
    );
    y += 28;
    doc
      .moveTo(MARGIN, y - 4)
      .lineTo(MARGIN + width, y - 4)
      .strokeColor("#dddddd")
      .stroke();
  }
  doc
    .fillColor("#000000")
    .fontSize(11)
    .text(`${short("合计", "Total")}: ¥${money(po.amountFen)}`, MARGIN, y + 6, { width, align: "right" });
  doc
    .moveDown(1.2)
    .fontSize(9)
    .fillColor("#444444")
    .text(
      label(
        "请在随附的 Excel 中填写每行的确认交期（和确认数量）后回传，我们按您确认的日期安排生产。",
        "Please fill in each line's confirmed date (and quantity) in the attached Excel and send it back; we plan on the dates you confirm.",
      ),
      MARGIN,
      undefined,
      { width },
    );
  if (!font) doc.text("(No CJK font on the server: Chinese text is not shown. Install fonts-noto-cjk or set LVYUE_CJK_FONT.)", { width });
  doc.end();
  return done;
}
