// Customer master fields and the rule each carries.
import { z } from "zod";
import { money } from "../core/http/schemas.js";

export const CUSTOMER_GRADES = ["A", "B", "C", "D"] as const;

const editable = {
  name: z.string().trim().min(1).max(100),
  grade: z.enum(CUSTOMER_GRADES),
  creditLimit: money,
  openReceivables: money,
  specialTerms: z.string().max(2000),
  contactName: z.string().max(60),
  contactPhone: z.string().regex(/^[0-9+\-() ]{0,30}$/, "digits, +, -, spaces"),
  region: z.string().max(60),
  addresses: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).max(40).describe("收货地址, 开票地址, 工地…"),
        address: z.string().trim().min(1).max(200),
        contact: z.string().max(60).default(""),
        phone: z
          .string()
          .regex(/^[0-9+\-() ]{0,30}$/, "digits, +, -, spaces")
          .default(""),
      }),
    )
    .max(10),
};

/** Why grade or credit changed: required with them, kept with the change in the master-data log. */
const reason = z.string().trim().min(1).max(200);

export const createCustomerBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, "2–20 of A–Z, 0–9, -"),
  ...editable,
  creditLimit: editable.creditLimit.default("0.00"),
  openReceivables: editable.openReceivables.default("0.00"),
  specialTerms: editable.specialTerms.optional(),
  contactName: editable.contactName.optional(),
  contactPhone: editable.contactPhone.optional(),
  region: editable.region.optional(),
  addresses: editable.addresses.optional(),
});
export type CreateCustomer = z.infer<typeof createCustomerBody>;

export const patchCustomerBody = z
  .strictObject({
    name: editable.name.optional(),
    grade: editable.grade.optional(),
    creditLimit: editable.creditLimit.optional(),
    openReceivables: editable.openReceivables.optional(),
    specialTerms: editable.specialTerms.optional(),
    contactName: editable.contactName.optional(),
    contactPhone: editable.contactPhone.optional(),
    region: editable.region.optional(),
    addresses: editable.addresses.optional(),
    reason: reason.optional().describe("required when grade, credit limit or receivables change"),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "reason"), "at least one field to change");
export type CustomerPatch = z.infer<typeof patchCustomerBody>;

/** Fields only finance (or admin) may set: they decide credit and the rush channel. */
export const CREDIT_FIELDS = ["grade", "creditLimit", "openReceivables"] as const;

export const customerReply = z.object({
  code: z.string(),
  name: z.string(),
  grade: z.string(),
  creditLimit: z.string(),
  openReceivables: z.string(),
  creditHeadroom: z.string(),
  specialTerms: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  region: z.string(),
  addresses: z.array(z.object({ label: z.string(), address: z.string(), contact: z.string(), phone: z.string() })),
  onTimeRate: z.number().nullable().describe("share of delivered orders delivered by their promised (else requested) date"),
  deliveredOrders: z.number(),
  historyOrders: z.number().describe("legacy orders imported from the old ledgers (GET /api/history)"),
  version: z.number(),
});
