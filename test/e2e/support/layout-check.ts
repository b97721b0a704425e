// What a person sees go wrong in a layout, measured in the page: the page scrolls sideways, a box scrolls
// sideways, two pieces of text print over each other, or text is squeezed to one character per line.
import type { Page } from "playwright-core";

export interface LayoutProblem {
  kind: "page-overflow" | "box-overflow" | "overlap" | "squeezed";
  detail: string;
}

/** Runs in the page: self-contained, no imports. `rootSelector`: only what is inside (an open drawer covers the page). */
function measure(rootSelector: string | null): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) {
    problems.push({ kind: "page-overflow", detail: `scrollWidth ${doc.scrollWidth} > innerWidth ${window.innerWidth}` });
  }
  type Box = { left: number; top: number; right: number; bottom: number };
  const describe = (el: Element | null) => {
    const parts: string[] = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const id = e.getAttribute("data-testid");
      parts.unshift(id ? `[${id}]` : `${e.tagName.toLowerCase()}${e.classList[0] ? `.${e.classList[0]}` : ""}`);
    }
    return parts.join(">");
  };
  const hidden = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden" || s.visibility === "collapse" || Number(s.opacity) === 0) return true;
    }
    return false;
  };
  /** The part of a box that its scrolling or clipping ancestors let through (null: nothing shows). */
  const visiblePart = (box: Box, el: Element): Box | null => {
    let b = { ...box };
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      const clipsX = s.overflowX !== "visible";
      const clipsY = s.overflowY !== "visible";
      if (!clipsX && !clipsY) continue;
      const r = e.getBoundingClientRect();
      b = {
        left: clipsX ? Math.max(b.left, r.left) : b.left,
        right: clipsX ? Math.min(b.right, r.right) : b.right,
        top: clipsY ? Math.max(b.top, r.top) : b.top,
        bottom: clipsY ? Math.min(b.bottom, r.bottom) : b.bottom,
      };
      if (b.right - b.left < 1 || b.bottom - b.top < 1) return null;
    }
    return b;
  };

  const root = (rootSelector && document.querySelector(rootSelector)) || document.body;
  // Boxes that scroll sideways: a table or list wider than the room it has (an inner horizontal scroll).
  for (const el of Array.from(root.querySelectorAll("*"))) {
    const s = getComputedStyle(el);
    if ((s.overflowX === "auto" || s.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !hidden(el)) {
      problems.push({ kind: "box-overflow", detail: `${describe(el)} scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}` });
    }
  }

  // Every visible line of every text node, clipped to what its ancestors show.
  const lines: { box: Box; node: number; text: string; where: string }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let index = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? "";
    const parent = node.parentElement;
    // Ant Design's measure row sizes a fixed header's columns: zero height, never seen.
    if (!text || !parent || parent.closest("script, style, noscript, title, .ant-table-measure-row") || hidden(parent)) continue;
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width >= 1 && r.height >= 1);
    if (!rects.length) continue;
    const n = index++;
    const where = describe(parent);
    const fontSize = Number.parseFloat(getComputedStyle(parent).fontSize) || 14;
    // One or two characters per line over three or more lines: a column too narrow for its words.
    const rows = new Set(rects.map((r) => Math.round(r.top)));
    if ([...text].length >= 3 && rows.size >= 3 && rects.every((r) => r.width <= fontSize * 2.2)) {
      problems.push({ kind: "squeezed", detail: `"${text.slice(0, 30)}" in ${rows.size} lines at ${where}` });
    }
    for (const r of rects) {
      const box = visiblePart({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }, parent);
      if (box) lines.push({ box, node: n, text, where });
    }
  }
  // Two different text nodes whose visible lines cross by more than rounding (2 px each way).
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i];
      const b = lines[j];
      if (a.node === b.node) continue;
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (w > 2 && h > 2) {
        const key = `${a.node}|${b.node}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ kind: "overlap", detail: `"${a.text.slice(0, 24)}" (${a.where}) × "${b.text.slice(0, 24)}" (${b.where})` });
      }
    }
  }
  return problems;
}

/** `within`: a CSS selector of the layer to check (a drawer over the page); the whole page by default. */
export function layoutProblems(page: Page, within?: string): Promise<LayoutProblem[]> {
  // Sent as source text: the test transpiler may wrap inner functions in a `__name` helper the page lacks.
  return page.evaluate(`(() => { const __name = (f) => f; return (${measure.toString()})(${JSON.stringify(within ?? null)}); })()`);
}
