// The difference between two versions of a BOM or a routing, as typed change lines (what an ECN lists).
// Pure: plain lines in, change lines out, in a stable order (by component, then by operation).

export interface DiffBomLine {
  sku: string;
  qtyPer: string;
  scrapFactor: string;
  substitutes: string[];
}

export interface DiffOperation {
  seq: number;
  workCentre: string;
  setupHours: string;
  runHoursPerUnit: string;
  splittable: boolean;
}

export type ChangeKind = "component_added" | "component_removed" | "component_changed" | "quantity" | "substitute" | "operation" | "time" | "drawing";

export interface ChangeLine {
  kind: ChangeKind;
  /** The component's SKU, or the operation's sequence number ("op 20"). */
  ref: string;
  from: string | null;
  to: string | null;
}

const num = (v: string) => Number(v);
const subs = (l: string[]) => [...l].sort().join(",");

export function bomDiff(from: DiffBomLine[], to: DiffBomLine[]): ChangeLine[] {
  const before = new Map(from.map((l) => [l.sku, l]));
  const after = new Map(to.map((l) => [l.sku, l]));
  const out: ChangeLine[] = [];
  for (const sku of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(sku);
    const b = after.get(sku);
    if (!a && b) out.push({ kind: "component_added", ref: sku, from: null, to: b.qtyPer });
    else if (a && !b) out.push({ kind: "component_removed", ref: sku, from: a.qtyPer, to: null });
    else if (a && b) {
      if (num(a.qtyPer) !== num(b.qtyPer)) out.push({ kind: "quantity", ref: sku, from: a.qtyPer, to: b.qtyPer });
      if (num(a.scrapFactor) !== num(b.scrapFactor))
        out.push({ kind: "component_changed", ref: sku, from: `scrap ${a.scrapFactor}`, to: `scrap ${b.scrapFactor}` });
      if (subs(a.substitutes) !== subs(b.substitutes))
        out.push({ kind: "substitute", ref: sku, from: subs(a.substitutes) || null, to: subs(b.substitutes) || null });
    }
  }
  return out;
}

const opText = (o: DiffOperation) => `${o.workCentre}${o.splittable ? " (split)" : ""}`;
const timeText = (o: DiffOperation) => `${num(o.setupHours)}h + ${num(o.runHoursPerUnit)}h/pc`;

export function routingDiff(from: DiffOperation[], to: DiffOperation[]): ChangeLine[] {
  const before = new Map(from.map((o) => [o.seq, o]));
  const after = new Map(to.map((o) => [o.seq, o]));
  const out: ChangeLine[] = [];
  for (const seq of [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x - y)) {
    const a = before.get(seq);
    const b = after.get(seq);
    const ref = `op ${seq}`;
    if (!a || !b || opText(a) !== opText(b)) out.push({ kind: "operation", ref, from: a ? opText(a) : null, to: b ? opText(b) : null });
    if (a && b && (num(a.setupHours) !== num(b.setupHours) || num(a.runHoursPerUnit) !== num(b.runHoursPerUnit))) {
      out.push({ kind: "time", ref, from: timeText(a), to: timeText(b) });
    }
  }
  return out;
}
