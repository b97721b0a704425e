// Renders one version of a quote as the A4 quotation sent to the customer (pdfkit, Chinese through
// core/cjk-font.ts): the lines with their parameters, prices and amounts, the total, the validity and the
// promised delivery. Costs and margins are the plant's own and are never printed.
import PDFDocument from "pdfkit";
import { beginPdf, findCjkFont } from "../core/cjk-font.js";
import { notFound } from "../core/errors.js";
import type { QuoteView } from "./get-quote.js";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const COLUMNS = [
  { key: "no", zh: "序号", en: "No.", width: 32, align: "left" },
  { key: "item", zh: "产品", en: "Product", width: 150, align: "left" },
  { key: "params", zh: "参数", en: "Parameters", width: 135, align: "left" },
  { key: "qty", zh: "数量", en: "Qty", width: 42, align: "right" },
  { key: "price", zh: "单价(元)", en: "Unit price", width: 68, align: "right" },
  { key: "amount", zh: "金额(元)", en: "Amount", width: 78, align: "right" },
] as const;

const grouped = (money: string) => {
  const [whole, fen = "00"] = money.split(".");
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ",")}.${fen}`;
};

export function renderQuotePdf(quote: QuoteView, versionNo: number, font = findCjkFont()): Promise<Buffer> {
  const version = quote.versions.find((v) => v.version === versionNo);
  if (!version) throw notFound("quote.version_not_found", { quoteNo: quote.quoteNo, version: versionNo }, "v");
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${quote.quoteNo} V${versionNo}`, Author: "Lvyue" } });
  const { done, label, value } = beginPdf(doc, font);
  const short = (zh: string, en: string) => (font ? zh : en);
  const width = A4.width - 2 * MARGIN;

  doc.fontSize(18).text(label("报价单", "Quotation"), MARGIN, MARGIN, { width, align: "center" });
  doc.moveDown(0.6).fontSize(10);
  const facts: [string, string][] = [
    [short("报价单号", "Quote no."), `${quote.quoteNo} V${version.version}`],
    [short("客户", "Customer"), value(quote.customerName)],
    [short("报价日期", "Date"), (version.sentAt ?? version.createdAt).slice(0, 10)],
    [short("报价有效期至", "Valid until"), version.validUntil],
    [
      short("承诺交期", "Delivery"),
      version.promise.date
        ? `${version.promise.date}（${short("交期承诺有效至", "promise holds until")} ${version.promise.validUntil}）`
        : short("另行确认", "to be confirmed"),
    ],
  ];
  if (quote.title) facts.splice(2, 0, [short("项目", "Subject"), value(quote.title)]);
  for (const [k, v] of facts) doc.text(`${k}：${v}`, { width });
  doc.moveDown(0.8);

  const rowOf = (cells: string[], y: number, bold = false) => {
    let x = MARGIN;
    let bottom = y;
    COLUMNS.forEach((c, i) => {
      doc.fontSize(bold ? 9.5 : 9).text(cells[i], x + 2, y + 4, { width: c.width - 4, align: c.align });
      bottom = Math.max(bottom, doc.y);
      x += c.width;
    });
    return bottom + 4;
  };
  let y = doc.y;
  doc.save().rect(MARGIN, y, width, 20).fill("#eeeeee").restore().fillColor("#000000");
  y = rowOf(
    COLUMNS.map((c) => short(c.zh, c.en)),
    y,
    true,
  );
  for (const line of version.lines) {
    const params = Object.entries(line.params)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join("，");
    if (y > A4.height - MARGIN - 120) {
      doc.addPage();
      y = MARGIN;
    }
    const next = rowOf(
      [String(line.lineNo), value(`${line.itemName}\n${line.sku}`), value(params || "—"), String(line.qty), grouped(line.unitPrice), grouped(line.amount)],
      y,
    );
    doc
      .moveTo(MARGIN, next)
      .lineTo(MARGIN + width, next)
      .strokeColor("#cccccc")
      .stroke();
    y = next;
  }
  doc
    .fontSize(11)
    .fillColor("#000000")
    .text(`${short("合计", "Total")}：¥${grouped(version.priceTotal)}`, MARGIN, y + 10, { width, align: "right" });
  doc.moveDown(1.2).fontSize(9).fillColor("#444444");
  const notes = [
    short(
      "1. 本报价在有效期内有效；逾期下单将按当日成本与排产重新确认价格与交期。",
      "1. Prices hold until the validity date; orders after it are re-priced and re-promised.",
    ),
    short(
      "2. 承诺交期以下单时的产能与物料为准，在承诺有效期内下单可按此交期安排生产。",
      "2. The delivery date holds for orders placed before the promise's date.",
    ),
  ];
  if (version.note) notes.push(value(version.note));
  for (const n of notes) doc.text(n, { width });
  if (!font) doc.moveDown().text("(No CJK font on the server: Chinese text is not shown. Install fonts-noto-cjk or set LVYUE_CJK_FONT.)", { width });
  doc.end();
  return done;
}
