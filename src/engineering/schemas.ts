// Request shapes of engineering's authoring routes: items with their parameter definitions, BOM lines
// and routing operations of a version.
import { z } from "zod";
import { isoDate, money } from "../core/http/schemas.js";

export const skuCode = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, "upper-case letters, digits, . _ - (2-40)");

const label = z.string().max(60).optional();
/** One parameter an order line of the item may carry (quick order and the importer check lines against it). */
export const paramSpec = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("enum"),
    values: z.array(z.string().min(1).max(60)).min(1).max(50),
    default: z.string().optional(),
    required: z.boolean().optional(),
    label,
  }),
  z.strictObject({
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.number().optional(),
    required: z.boolean().optional(),
    unit: z.string().max(20).optional(),
    label,
  }),
  z.strictObject({ type: z.literal("boolean"), default: z.boolean().optional(), required: z.boolean().optional(), label }),
  z.strictObject({
    type: z.literal("text"),
    maxLength: z.number().int().min(1).max(2000).optional(),
    default: z.string().optional(),
    required: z.boolean().optional(),
    label,
  }),
]);
export const paramSchema = z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, "a parameter name such as voltage or flangeSize"), paramSpec);

const itemFields = {
  name: z.string().trim().min(1).max(120),
  kind: z.enum(["finished", "subassembly", "purchased"]),
  family: z.string().trim().max(60),
  uom: z.string().trim().min(1).max(12),
  unitPrice: money,
  leadTimeDays: z.number().int().min(0).max(365),
  serialised: z.boolean(),
  warrantyMonths: z.number().int().min(0).max(120).nullable(),
  paramSchema,
};

export const createItemBody = z.strictObject({
  sku: skuCode,
  ...itemFields,
  family: itemFields.family.default(""),
  uom: itemFields.uom.default("pcs"),
  unitPrice: money.default("0.00"),
  leadTimeDays: itemFields.leadTimeDays.default(0),
  serialised: itemFields.serialised.default(false),
  warrantyMonths: itemFields.warrantyMonths.optional(),
  paramSchema: paramSchema.default({}),
});
export type CreateItem = z.infer<typeof createItemBody>;

export const updateItemBody = z
  .strictObject({
    name: itemFields.name.optional(),
    kind: itemFields.kind.optional(),
    family: itemFields.family.optional(),
    uom: itemFields.uom.optional(),
    unitPrice: money.optional(),
    leadTimeDays: itemFields.leadTimeDays.optional(),
    serialised: itemFields.serialised.optional(),
    warrantyMonths: itemFields.warrantyMonths.optional(),
    paramSchema: paramSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "at least one field to change");
export type UpdateItem = z.infer<typeof updateItemBody>;

const decimal = (max: number) =>
  z
    .string()
    .regex(/^\d{1,8}(\.\d{1,5})?$/, "a decimal number")
    .refine((v) => Number(v) <= max, `at most ${max}`);

export const bomLineInput = z.strictObject({
  sku: skuCode,
  qtyPer: decimal(99_999_999).refine((v) => Number(v) > 0, "more than 0"),
  scrapFactor: z
    .string()
    .regex(/^0(\.\d{1,4})?$/, "a fraction below 1, e.g. 0.02")
    .default("0"),
  substitutes: z.array(skuCode).max(10).default([]),
});
export const operationInput = z.strictObject({
  seq: z.number().int().min(1).max(9999),
  workCentre: z.string().min(1).max(20),
  setupHours: decimal(9999).default("0"),
  runHoursPerUnit: decimal(9999),
  splittable: z.boolean().default(false),
});

export const bomVersionBody = z.strictObject({
  lines: z.array(bomLineInput).min(1).max(500),
  note: z.string().max(500).default(""),
  effectiveFrom: isoDate.optional(),
});
export type BomVersionInput = z.infer<typeof bomVersionBody>;
export const routingVersionBody = z.strictObject({
  operations: z.array(operationInput).min(1).max(100),
  note: z.string().max(500).default(""),
  effectiveFrom: isoDate.optional(),
});
export type RoutingVersionInput = z.infer<typeof routingVersionBody>;
export const releaseBody = z.strictObject({ effectiveFrom: isoDate.optional() }).default({});
