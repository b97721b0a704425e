// Request shapes of engineering change notices.
import { z } from "zod";
import { isoDate } from "../core/http/schemas.js";
import { skuCode } from "../engineering/schemas.js";
import { DECISIONS } from "./model/impact.js";

export const ecnNoParams = z.object({ ecnNo: z.string().regex(/^ECN-\d{4}-\d{4,}$/, "an ECN number such as ECN-2026-0001") });

export const createEcnBody = z
  .strictObject({
    sku: skuCode,
    title: z.string().trim().min(1).max(120),
    reason: z.string().trim().max(2000).default(""),
    /** The draft versions the change releases; the versions it leaves default to those in force today. */
    toBomVersion: z.number().int().min(1).optional(),
    toRoutingVersion: z.number().int().min(1).optional(),
    fromBomVersion: z.number().int().min(1).optional(),
    fromRoutingVersion: z.number().int().min(1).optional(),
    /** A drawing reference the change brings (listed as a change line). */
    drawing: z.strictObject({ from: z.string().max(60).nullable(), to: z.string().min(1).max(60) }).optional(),
    effectivity: z.enum(["date", "order", "use_up"]).default("date"),
    effectiveDate: isoDate.optional(),
    /** Straight to review (the usual case: the draft versions were prepared first). */
    submit: z.boolean().default(false),
  })
  .refine((b) => b.toBomVersion !== undefined || b.toRoutingVersion !== undefined, {
    message: "name the new BOM version, the new routing version, or both",
    path: ["toBomVersion"],
  });
export type CreateEcn = z.infer<typeof createEcnBody>;

export const decisionsBody = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        ref: z.string().min(3).max(80),
        decision: z.enum(DECISIONS) /** The username of the person who carries the decision out (the decider when omitted). */,
        owner: z.string().trim().min(1).max(60).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type DecisionsInput = z.infer<typeof decisionsBody>;

export const moveBody = z.strictObject({ to: z.enum(["draft", "review", "approved", "closed"]), note: z.string().max(500).optional() });
