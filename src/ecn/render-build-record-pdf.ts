// The build record printed (A4, Chinese): per line, the BOM version and its components, the routing
// version and its operations, as pinned on the order.
import PDFDocument from "pdfkit";
import { beginPdf, findCjkFont } from "../core/cjk-font.js";
import type { getBuildRecord } from "./get-build-record.js";

export type BuildRecord = Awaited<ReturnType<typeof getBuildRecord>>;

const MARGIN = 40;

export function renderBuildRecordPdf(record: BuildRecord, font = findCjkFont()): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `Build record ${record.orderNo}`, Author: "Lvyue" } });
  const { done, label, value } = beginPdf(doc, font);
  doc.fontSize(16).text(`${label("生产指令单", "Build record")} ${record.orderNo}`);
  doc
    .fontSize(9)
    .fillColor("#444444")
    .text(`${value(record.customer)} · ${record.status} · ${label("打印", "printed")} ${record.printedAt.slice(0, 16).replace("T", " ")}`);
  doc.moveDown();
  for (const line of record.lines) {
    doc
      .fillColor("#000000")
      .fontSize(12)
      .text(`${line.lineNo}. ${line.sku} ${value(line.name)} × ${line.qty}`);
    doc.fontSize(10);
    if (line.bom) {
      doc.text(`BOM V${line.bom.version} (${line.bom.effectiveFrom})`);
      for (const c of line.bom.components) doc.fontSize(9).text(`    ${c.sku}  ${value(c.name)}  ${c.qtyPer} × ${line.qty} = ${c.total} ${c.uom}`);
    } else doc.text(label("BOM 未锁定", "BOM not pinned"));
    doc.fontSize(10);
    if (line.routing) {
      doc.text(`${label("工艺路线", "Routing")} V${line.routing.version}`);
      for (const o of line.routing.operations) doc.fontSize(9).text(`    ${o.seq}  ${o.workCentre}  ${o.runHoursPerUnit} h/pc`);
    }
    for (const w of line.workOrders) {
      doc
        .fontSize(9)
        .fillColor("#444444")
        .text(
          `    ${label("工单", "Work order")} ${w.workOrder} (${w.sku}, V${w.routingVersion ?? "-"}): ${w.operations.map((o) => `${o.seq}:${o.status}`).join("  ")}`,
        );
      doc.fillColor("#000000");
    }
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
