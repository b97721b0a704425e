// The font that draws Chinese in the PDFs the server renders (warranty cards, printed dispatch lists):
// LVYUE_CJK_FONT, else the Noto / WenQuanYi fonts Debian installs (fonts-noto-cjk, fonts-wqy-*).
import { existsSync } from "node:fs";

const CANDIDATES: [string, string | undefined][] = [
  ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular"],
  ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular"],
  ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYiMicroHei"],
  ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei"],
];

export function findCjkFont(env: NodeJS.ProcessEnv = process.env): { path: string; family?: string } | null {
  if (env.LVYUE_CJK_FONT) return existsSync(env.LVYUE_CJK_FONT) ? { path: env.LVYUE_CJK_FONT, family: env.LVYUE_CJK_FONT_FAMILY || undefined } : null;
  const found = CANDIDATES.find(([path]) => existsSync(path));
  return found ? { path: found[0], family: found[1] } : null;
}
