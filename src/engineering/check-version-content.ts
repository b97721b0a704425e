// The checks a BOM or routing draft passes before it is stored: components are items, none listed twice,
// none that already uses the item (no loop), work centres that exist, operations numbered once.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import type { NewBomLine, NewOperation } from "./store.js";
import { whereUsed } from "./store.js";

export async function checkBomLines(tx: Transaction<DB>, sku: string, lines: NewBomLine[]) {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.sku)) throw new AppError("invalid", "engineering.duplicate", { what: "component", value: l.sku }, `lines.${i}.sku`);
    seen.add(l.sku);
  });
  const wanted = [...new Set(lines.flatMap((l) => [l.sku, ...l.substitutes]))];
  const known = new Set((await tx.selectFrom("items").select("sku").where("sku", "in", wanted).execute()).map((r) => r.sku));
  const ancestors = new Set((await whereUsed(tx, sku, 20)).map((r) => r.parent));
  lines.forEach((l, i) => {
    for (const [component, field] of [[l.sku, `lines.${i}.sku`], ...l.substitutes.map((s, j) => [s, `lines.${i}.substitutes.${j}`])] as const) {
      if (!known.has(component)) throw new AppError("invalid", "engineering.component_unknown", { component }, field);
    }
    if (l.sku === sku || ancestors.has(l.sku)) throw new AppError("invalid", "engineering.component_cycle", { component: l.sku, sku }, `lines.${i}.sku`);
  });
}

export async function checkOperations(tx: Transaction<DB>, ops: NewOperation[]) {
  const seen = new Set<number>();
  ops.forEach((o, i) => {
    if (seen.has(o.seq)) throw new AppError("invalid", "engineering.duplicate", { what: "operation", value: o.seq }, `operations.${i}.seq`);
    seen.add(o.seq);
  });
  const codes = [...new Set(ops.map((o) => o.workCentre))];
  const known = new Set((await tx.selectFrom("work_centres").select("code").where("code", "in", codes).execute()).map((r) => r.code));
  ops.forEach((o, i) => {
    if (!known.has(o.workCentre)) throw new AppError("invalid", "engineering.work_centre_unknown", { code: o.workCentre }, `operations.${i}.workCentre`);
  });
}
