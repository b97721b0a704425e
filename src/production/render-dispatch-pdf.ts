// Renders a work centre's dispatch list as an A4 PDF for plants that still work on paper (pdfkit): one
// row per operation in plan order with a QR code that opens the operation's page on a phone (drawn as
// vector squares from `qrcode`'s matrix, so it prints sharp at any size), rush / late / lights, and
// what changed since the shift started highlighted. Chinese needs a CJK font (core/cjk-font.ts);
// without one the labels are English and non-Latin text shows as '?', and the page says so.
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { plantDayOf, plantMs } from "../calendar/model/dates.js";
import { beginPdf, findCjkFont } from "../core/cjk-font.js";
import type { getDispatch } from "./get-dispatch.js";

export type DispatchList = Awaited<ReturnType<typeof getDispatch>>;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const QR_SIZE = 68;
const ROW_HEIGHT = 80;
const CHANGE_FILL = "#fff3c4";

/** The text a QR code of the list carries: the operation's page, which the phone's camera opens. */
export function operationLink(base: string, operationId: number): string {
  return `${base.replace(/\/+$/, "")}/shop-floor/op/${operationId}`;
}

/** Plant-local "MM-DD HH:mm". */
function plantTime(iso: string | null): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  const day = plantDayOf(ms);
  const minutes = Math.round((ms - plantMs(day, 0)) / 60_000);
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${day.slice(5)} ${hh}:${mm}`;
}

/** Draws `text` as a QR code (error correction M, 4-module quiet zone) in a square of `size` points. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / (modules.size + 8);
  doc.save().rect(x, y, size, size).fill("#ffffff");
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
  }
  doc.fill("#000000").restore();
}

export function renderDispatchPdf(list: DispatchList, base: string, font = findCjkFont()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Dispatch list ${list.workCentre.code}`, Author: "Lvyue" },
  });
  const { done, label, value } = beginPdf(doc, font);
  const short = (zh: string, en: string) => (font ? zh : en);
  const width = A4.width - 2 * MARGIN;

  const header = () => {
    doc
      .fillColor("#000000")
      .fontSize(16)
      .text(`${label("工位派工单", "Dispatch list")} · ${value(list.workCentre.name)} (${list.workCentre.code})`, MARGIN, MARGIN, { width });
    doc
      .fontSize(9)
      .fillColor("#444444")
      .text(
        [
          `${short("生成", "Generated")} ${plantTime(list.generatedAt)}`,
          list.planRun ? `${short("计划", "Plan run")} #${list.planRun.id}` : short("尚无计划", "No plan yet"),
          `${short("本班开始", "Shift started")} ${plantTime(list.shift.start)}`,
          `${list.operations.length} ${short("道工序", "operations")}`,
        ].join("  ·  "),
        { width },
      );
    doc.text(label("黄底：本班开始后新增、调序或改期；扫码报工。", "Yellow: added, resequenced or moved since the shift started. Scan to report."), {
      width,
    });
    if (!font) doc.text("(No CJK font on the server: Chinese text is not shown. Install fonts-noto-cjk or set LVYUE_CJK_FONT.)", { width });
    doc.moveDown(0.5);
    return doc.y;
  };

  const changeText: Record<string, [string, string]> = { added: ["新增", "added"], resequenced: ["调序", "resequenced"], moved: ["改期", "moved"] };
  let y = header();
  if (!list.operations.length) doc.fillColor("#000000").fontSize(12).text(label("没有待做的工序。", "Nothing to run."), MARGIN, y);
  for (const op of list.operations) {
    if (y + ROW_HEIGHT > A4.height - MARGIN - 14) {
      doc.addPage();
      y = header();
    }
    if (op.change)
      doc
        .save()
        .rect(MARGIN, y, width, ROW_HEIGHT - 4)
        .fill(CHANGE_FILL)
        .restore();
    drawQr(doc, operationLink(base, op.operationId), MARGIN + 4, y + 4, QR_SIZE);
    const x = MARGIN + QR_SIZE + 14;
    const w = width - QR_SIZE - 18;
    doc
      .fillColor("#000000")
      .fontSize(12)
      .text(`${op.workOrder} · ${short("工序", "op")} ${op.seq}    ${short("订单", "order")} ${op.orderNo}`, x, y + 6, { width: w });
    doc
      .fontSize(10)
      .text(
        `${value(op.sku)}   ${short("数量", "qty")} ${op.qty} · ${short("已到", "ready")} ${op.qtyReady} · ${short("剩余", "remaining")} ${op.qtyRemaining}`,
        { width: w },
      );
    doc.text(`${short("计划", "planned")} ${plantTime(op.plannedStart)} — ${plantTime(op.plannedEnd)}`, { width: w });
    const flags = [
      op.rush ? label("急", "RUSH") : null,
      op.late ? label("延误", "LATE") : null,
      `${short("物料", "material")} ${op.materialReady ? "OK" : "--"}`,
      `${short("上道", "previous")} ${op.previousDone ? "OK" : "--"}`,
      op.change ? `${short("变更", "changed")}: ${short(...(changeText[op.change] as [string, string]))}` : null,
    ].filter(Boolean);
    doc.fillColor(op.rush || op.late ? "#b00020" : "#000000").text(flags.join("   "), { width: w });
    doc
      .moveTo(MARGIN, y + ROW_HEIGHT - 2)
      .lineTo(MARGIN + width, y + ROW_HEIGHT - 2)
      .lineWidth(0.5)
      .strokeColor("#bbbbbb")
      .stroke();
    y += ROW_HEIGHT;
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .fillColor("#666666")
      .fontSize(8)
      .text(`${list.workCentre.code} · ${i + 1} / ${range.count}`, MARGIN, A4.height - MARGIN, { width, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
