// The difference between two versions of a quote, line by line (a line is its item and parameters) and
// in the terms around them. Pure.

export interface DiffLine {
  sku: string;
  params: Record<string, string | number | boolean>;
  qty: number;
  unitPrice: string;
  unitCost: string;
  bomVersion: number | null;
  routingVersion: number | null;
}
export interface DiffVersion {
  version: number;
  validUntil: string;
  requestedDate: string | null;
  promiseDate: string | null;
  priceTotal: string;
  costTotal: string;
  marginPct: number;
  note: string;
  lines: DiffLine[];
}

type Field = "qty" | "unitPrice" | "unitCost" | "bomVersion" | "routingVersion";
const LINE_FIELDS: Field[] = ["qty", "unitPrice", "unitCost", "bomVersion", "routingVersion"];
const TERMS = ["validUntil", "requestedDate", "promiseDate", "priceTotal", "costTotal", "marginPct", "note"] as const;

export interface VersionDiff {
  from: number;
  to: number;
  terms: { field: (typeof TERMS)[number]; from: unknown; to: unknown }[];
  lines: (
    | { change: "added"; line: DiffLine }
    | { change: "removed"; line: DiffLine }
    | { change: "changed"; sku: string; params: DiffLine["params"]; fields: { field: Field; from: unknown; to: unknown }[] }
  )[];
}

const identity = (l: DiffLine) => `${l.sku}|${JSON.stringify(Object.entries(l.params).sort(([a], [b]) => a.localeCompare(b)))}`;

export function diffVersions(a: DiffVersion, b: DiffVersion): VersionDiff {
  const terms = TERMS.filter((f) => a[f] !== b[f]).map((field) => ({ field, from: a[field], to: b[field] }));
  const before = new Map(a.lines.map((l) => [identity(l), l]));
  const after = new Map(b.lines.map((l) => [identity(l), l]));
  const lines: VersionDiff["lines"] = [];
  for (const [key, l] of before) {
    const next = after.get(key);
    if (!next) {
      lines.push({ change: "removed", line: l });
      continue;
    }
    const fields = LINE_FIELDS.filter((f) => l[f] !== next[f]).map((field) => ({ field, from: l[field], to: next[field] }));
    if (fields.length) lines.push({ change: "changed", sku: l.sku, params: l.params, fields });
  }
  for (const [key, l] of after) if (!before.has(key)) lines.push({ change: "added", line: l });
  return { from: a.version, to: b.version, terms, lines };
}
