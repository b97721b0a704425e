// Use case: a red-letter (红字) reversal of an issued invoice: for a return (its lines stay invoiced; the
// goods came back) or for a wrong invoice (its lines can be invoiced again once the red one is issued).
// The red request carries the negated lines and the blue invoice's number, and goes out in the next export.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, refused } from "../core/errors.js";
import { fromFen, toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { publishChange } from "../events/publish-change.js";
import { getInvoiceRequestView, serialOf } from "./request-invoices.js";

const negate = (amount: string) => fromFen(-toFen(amount));

export async function reverseInvoice(db: Kysely<DB>, principal: Principal, id: number, input: { reason: string; reinvoice?: boolean }) {
  const redId = await db.transaction().execute(async (tx) => {
    const blue = await tx.selectFrom("invoice_requests").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (blue?.kind !== "blue") throw new AppError("not_found", "finance.request_not_found", { id }, "id");
    if (blue.status !== "issued") throw refused("finance.not_issued", { serial: blue.serial }, "id");
    const existing = await tx.selectFrom("invoice_requests").select("id").where("reverses_id", "=", id).executeTakeFirst();
    if (existing) throw refused("finance.already_reversed", { serial: blue.serial }, "id");
    const row = await tx
      .insertInto("invoice_requests")
      .values({
        serial: `pending-${crypto.randomUUID()}`,
        customer_code: blue.customer_code,
        invoice_type: blue.invoice_type,
        kind: "red",
        reverses_id: id,
        reopens_lines: input.reinvoice ?? false,
        tax_rate: blue.tax_rate,
        tax_included: blue.tax_included,
        buyer: JSON.stringify(blue.buyer),
        amount: negate(blue.amount),
        net_amount: negate(blue.net_amount),
        tax_amount: negate(blue.tax_amount),
        note: input.reason.trim(),
        created_by: principal.name,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const redId = Number(row.id);
    await tx
      .updateTable("invoice_requests")
      .set({ serial: serialOf(redId, plantDay(new Date())) })
      .where("id", "=", redId)
      .execute();
    const lines = await tx.selectFrom("invoice_request_lines").selectAll().where("request_id", "=", id).orderBy("row_no").execute();
    await tx
      .insertInto("invoice_request_lines")
      .values(
        lines.map((l) => ({
          ...l,
          request_id: redId,
          qty: -l.qty,
          amount: negate(l.amount),
          net_amount: negate(l.net_amount),
          tax_amount: negate(l.tax_amount),
          claims: false,
        })),
      )
      .execute();
    await publishChange(tx, { kind: "finance", action: "invoice", customer: blue.customer_code });
    return redId;
  });
  return getInvoiceRequestView(db, redId);
}
