// The font that draws Chinese in the PDFs the server renders (warranty cards, printed dispatch lists):
// LVYUE_CJK_FONT, else the Noto / WenQuanYi fonts Debian installs (fonts-noto-cjk, fonts-wqy-*).
import { existsSync } from "node:fs";

const CANDIDATES: [string, string | undefined][] = [
  ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular"],
  ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular"],
  ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYiMicroHei"],
  ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei"],
];

export type CjkFont = { path: string; family?: string };

export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  if (env.LVYUE_CJK_FONT) return existsSync(env.LVYUE_CJK_FONT) ? { path: env.LVYUE_CJK_FONT, family: env.LVYUE_CJK_FONT_FAMILY || undefined } : null;
  const found = CANDIDATES.find(([path]) => existsSync(path));
  return found ? { path: found[0], family: found[1] } : null;
}

/**
 * Starts a PDF in the CJK font (Helvetica without one): the finished file as a promise, and how to print
 * a label and a value when only Latin text can be drawn.
 */
export function beginPdf(doc: PDFKit.PDFDocument, font: CjkFont | null) {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  if (font?.family) doc.font(font.path, font.family);
  else if (font) doc.font(font.path);
  else doc.font("Helvetica");
  return {
    done,
    /** Both languages with a CJK font, English alone without one. */
    label: (zh: string, en: string) => (font ? `${zh} ${en}` : en),
    value: (s: string) => (font ? s : s.replace(/[^\x20-\x7e]/g, "?")),
  };
}
