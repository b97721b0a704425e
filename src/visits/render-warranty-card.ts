// Renders an electronic warranty card as a PDF (pdfkit), in Chinese and English. Chinese needs a CJK
// font (core/cjk-font.ts); without one the card is
// rendered in English only, with non-Latin text transliterated to '?', and says so on the card.
import PDFDocument from "pdfkit";
import { beginPdf, findCjkFont } from "../core/cjk-font.js";

export interface WarrantyCardData {
  code: string;
  serial: string;
  model: { sku: string; name: string };
  customer: string;
  site: string;
  visitedOn: string;
  engineer: string;
  validFrom: string;
  validUntil: string;
  parts: { sku: string; name: string; qty: number; validUntil: string }[];
  verifyUrl: string;
}

export function renderWarrantyCard(data: WarrantyCardData, font = findCjkFont()): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A5", margin: 40, info: { Title: `Warranty card ${data.code}`, Author: "Lvyue" } });
  const { done, label: text, value } = beginPdf(doc, font);

  doc.fontSize(18).text(text("电子保修卡", "Electronic warranty card"), { align: "center" });
  doc.moveDown(0.5).fontSize(10);
  const row = (zh: string, en: string, v: string) => doc.text(`${text(zh, en)}: ${value(v)}`);
  row("验证码", "Verification code", data.code);
  row("序列号", "Serial number", data.serial);
  row("型号", "Model", `${data.model.sku} ${data.model.name}`);
  row("客户", "Customer", data.customer);
  if (data.site) row("安装地点", "Site", data.site);
  row("服务日期", "Service date", data.visitedOn);
  row("服务工程师", "Engineer", data.engineer);
  row("保修期", "Warranty", `${data.validFrom} — ${data.validUntil}`);
  doc.moveDown(0.5).fontSize(12).text(text("更换部件", "Parts replaced"));
  doc.fontSize(10);
  for (const p of data.parts) doc.text(`• ${value(`${p.sku} ${p.name}`)} × ${p.qty}  (${text("保修至", "warranty until")} ${p.validUntil})`);
  doc.moveDown(1).fontSize(9).text(text("核验此保修卡：", "Verify this card at:"));
  doc.text(value(data.verifyUrl));
  if (!font) doc.moveDown(0.5).text("(No CJK font was found on the server: Chinese text is not shown. Install fonts-noto-cjk or set LVYUE_CJK_FONT.)");
  doc.end();
  return done;
}
