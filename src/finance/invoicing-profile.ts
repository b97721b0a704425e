// Use cases: read and save a customer's invoicing profile (购买方 name, 纳税人识别号, address and phone,
// bank and account, e-mail, the default invoice type, payment days) and an item's invoicing (税收分类编码,
// rate, invoice name, unit). The tax id and tax code are checked here, naming the field.
import type { Kysely, Selectable } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import type { InvoicingProfilesTable } from "../core/db/schema-finance.js";
import { invalid, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { isTaxCode, normaliseTaxId, TAX_RATES, taxIdProblem } from "./model/tax-ids.js";

export interface ProfileInput {
  buyerName: string;
  taxId: string;
  address?: string;
  phone?: string;
  bankName?: string;
  bankAccount?: string;
  email?: string;
  defaultType: "special" | "normal";
  paymentDays?: number;
}

function view(code: string, p: Selectable<InvoicingProfilesTable> | undefined, customerName: string) {
  if (!p) return { customer: code, customerName, profile: null };
  return {
    customer: code,
    customerName,
    profile: {
      buyerName: p.buyer_name,
      taxId: p.tax_id,
      address: p.address,
      phone: p.phone,
      bankName: p.bank_name,
      bankAccount: p.bank_account,
      email: p.email,
      defaultType: p.default_type as "special" | "normal",
      paymentDays: p.payment_days,
      version: p.version,
      updatedBy: p.updated_by,
      updatedAt: (p.updated_at as Date).toISOString(),
    },
  };
}

export async function getInvoicingProfile(db: Kysely<DB>, code: string) {
  const customer = await db.selectFrom("customers").select(["code", "name"]).where("code", "=", code).executeTakeFirst();
  if (!customer) throw notFound("customer.not_found", { code }, "code");
  const profile = await db.selectFrom("invoicing_profiles").selectAll().where("customer_code", "=", code).executeTakeFirst();
  return view(code, profile, customer.name);
}

export async function saveInvoicingProfile(db: Kysely<DB>, principal: Principal, code: string, input: ProfileInput) {
  const taxId = normaliseTaxId(input.taxId);
  if (taxId) {
    const problem = taxIdProblem(taxId);
    if (problem) throw invalid("taxId", "finance.tax_id", { value: taxId, problem });
  } else if (input.defaultType === "special") {
    throw invalid("taxId", "finance.tax_id", { value: "", problem: "required_for_special" });
  }
  await db.transaction().execute(async (tx) => {
    const customer = await tx.selectFrom("customers").select("code").where("code", "=", code).executeTakeFirst();
    if (!customer) throw notFound("customer.not_found", { code }, "code");
    const values = {
      buyer_name: input.buyerName.trim(),
      tax_id: taxId,
      address: input.address?.trim() ?? "",
      phone: input.phone?.trim() ?? "",
      bank_name: input.bankName?.trim() ?? "",
      bank_account: input.bankAccount?.replace(/\s+/g, "") ?? "",
      email: input.email?.trim() ?? "",
      default_type: input.defaultType,
      payment_days: input.paymentDays ?? 30,
      updated_by: principal.name,
      updated_at: new Date(),
    };
    await tx
      .insertInto("invoicing_profiles")
      .values({ customer_code: code, ...values })
      .onConflict((oc) => oc.column("customer_code").doUpdateSet((eb) => ({ ...values, version: eb("invoicing_profiles.version", "+", 1) })))
      .execute();
    await publishChange(tx, { kind: "master", entity: "invoicing", key: code });
  });
  return getInvoicingProfile(db, code);
}

export interface ItemInvoicingInput {
  taxCode: string;
  taxRate: number;
  invoiceName: string;
  unit?: string;
}

export async function saveItemInvoicing(db: Kysely<DB>, principal: Principal, sku: string, input: ItemInvoicingInput) {
  const taxCode = input.taxCode.replace(/\s+/g, "");
  if (!isTaxCode(taxCode)) throw invalid("taxCode", "finance.tax_code", { value: taxCode });
  if (!(TAX_RATES as readonly number[]).includes(input.taxRate))
    throw invalid("taxRate", "finance.tax_rate", { value: input.taxRate, allowed: TAX_RATES.join("/") });
  const item = await db.selectFrom("items").select("sku").where("sku", "=", sku).executeTakeFirst();
  if (!item) throw notFound("item.not_found", { sku }, "sku");
  const values = {
    tax_code: taxCode,
    tax_rate: input.taxRate,
    invoice_name: input.invoiceName.trim(),
    unit: input.unit?.trim() ?? "",
    updated_by: principal.name,
    updated_at: new Date(),
  };
  await db
    .insertInto("invoice_items")
    .values({ sku, ...values })
    .onConflict((oc) => oc.column("sku").doUpdateSet(values))
    .execute();
  return { sku, taxCode, taxRate: input.taxRate, invoiceName: values.invoice_name, unit: values.unit };
}
