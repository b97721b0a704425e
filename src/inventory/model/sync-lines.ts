// A WMS sync batch checked line by line against what the database knows, without touching it.
import { z } from "zod";
import { isoDate } from "../../core/http/schemas.js";

const quantity = z
  .union([z.number(), z.string()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d{1,11}(\.\d{1,3})?$/, "a quantity ≥ 0 with at most 3 decimals"));
const code = z.string().trim().min(1).max(40);

export const balanceLine = z.strictObject({ sku: code, location: code, onHand: quantity });
export const inTransitLine = z.strictObject({
  kind: z.enum(["purchase", "transfer"]),
  ref: z.string().trim().min(1).max(60),
  sku: code,
  location: code,
  qty: quantity.refine((q) => toMilli(q) > 0n, "greater than 0"),
  expectedDate: isoDate,
  status: z.enum(["open", "received", "cancelled"]).default("open"),
});
export const syncBody = z
  .strictObject({
    batchId: z.string().trim().min(1).max(100),
    balances: z.array(balanceLine).max(50_000).default([]),
    inTransit: z.array(inTransitLine).max(50_000).default([]),
  })
  .refine((b) => b.balances.length + b.inTransit.length > 0, { message: "at least one balance or in-transit line", path: ["balances"] });
export type SyncBatch = z.infer<typeof syncBody>;
export type BalanceLine = z.infer<typeof balanceLine>;
export type InTransitLine = z.infer<typeof inTransitLine>;

export function toMilli(quantity: string): bigint {
  const [whole, frac = ""] = quantity.split(".");
  return BigInt(whole) * 1000n + BigInt(frac.padEnd(3, "0").slice(0, 3));
}

export interface SyncRejection {
  /** balances[3] or inTransit[0]: the line as the caller sent it. */
  line: string;
  field: string;
  reason: string;
  detail?: string;
}

export interface Known {
  skus: Set<string>;
  locations: Set<string>;
  /** reserved quantity per `sku|location`, for balances that exist. */
  reserved: Map<string, string>;
}

export function checkBatch(batch: SyncBatch, known: Known): SyncRejection[] {
  const rejected: SyncRejection[] = [];
  const check = (line: string, sku: string, location: string) => {
    if (!known.skus.has(sku)) rejected.push({ line, field: `${line}.sku`, reason: "item.unknown", detail: sku });
    else if (!known.locations.has(location)) rejected.push({ line, field: `${line}.location`, reason: "location.unknown", detail: location });
    else return true;
    return false;
  };
  const seen = new Map<string, string>();
  const once = (line: string, key: string) => {
    const first = seen.get(key);
    if (first) rejected.push({ line, field: line, reason: "line.duplicate", detail: first });
    else seen.set(key, line);
    return !first;
  };
  batch.balances.forEach((b, i) => {
    const line = `balances[${i}]`;
    if (!check(line, b.sku, b.location) || !once(line, `b|${b.sku}|${b.location}`)) return;
    // The database refuses on_hand below reserved; say so per line instead of failing the batch.
    const reserved = known.reserved.get(`${b.sku}|${b.location}`) ?? "0";
    if (toMilli(b.onHand) < toMilli(reserved)) {
      rejected.push({ line, field: `${line}.onHand`, reason: "stock.below_reserved", detail: `${b.onHand} < ${reserved}` });
    }
  });
  batch.inTransit.forEach((t, i) => {
    const line = `inTransit[${i}]`;
    if (check(line, t.sku, t.location)) once(line, `t|${t.kind}|${t.ref}|${t.sku}`);
  });
  return rejected;
}
