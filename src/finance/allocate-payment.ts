// Use case: finance allocates what is left of a payment by hand (to named invoices or the opening
// balance), or oldest first; names the customer of a payment the statement could not match.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound, refused } from "../core/errors.js";
import { fromFen, toFen } from "../core/money.js";
import { publishChange } from "../events/publish-change.js";
import { allocateOldestFirst, checkAllocations } from "./model/receivables.js";
import { releaseHeldOrders } from "./release-held-orders.js";
import { openItems, unallocatedFen } from "./store.js";

export interface AllocationRequest {
  customer?: string;
  allocations?: { invoiceId: number | null; amount: string }[];
}

export async function allocatePayment(db: Kysely<DB>, principal: Principal, paymentId: number, request: AllocationRequest) {
  return db.transaction().execute(async (tx) => {
    const payment = await tx.selectFrom("payments").selectAll().where("id", "=", paymentId).forUpdate().executeTakeFirst();
    if (!payment) throw notFound("finance.payment_not_found", { id: paymentId }, "id");
    let customer = payment.customer_code;
    if (request.customer && request.customer !== customer) {
      const found = await tx.selectFrom("customers").select("code").where("code", "=", request.customer).executeTakeFirst();
      if (!found) throw notFound("customer.not_found", { code: request.customer }, "customer");
      const allocated = await tx.selectFrom("payment_allocations").select("id").where("payment_id", "=", paymentId).executeTakeFirst();
      if (allocated) throw refused("finance.payment_customer", {}, "customer");
      customer = request.customer;
      await tx.updateTable("payments").set({ customer_code: customer, matched_by: "hand" }).where("id", "=", paymentId).execute();
    }
    if (!customer) throw refused("finance.payment_customer", {}, "customer");
    const left = await unallocatedFen(tx, paymentId);
    const items = await openItems(tx, customer);
    const wanted = request.allocations?.map((a) => ({ invoiceId: a.invoiceId, amountFen: toFen(a.amount) }));
    let allocations = wanted;
    if (wanted) {
      const problem = checkAllocations(items, wanted, left);
      if (problem && "index" in problem)
        throw new AppError("invalid", "finance.allocation", { index: problem.index, reason: problem.reason }, `allocations[${problem.index}]`);
      if (problem) throw refused("finance.over_payment", { left: fromFen(left) }, "allocations");
    } else {
      allocations = allocateOldestFirst(items, left).allocations;
    }
    if (allocations?.length) {
      await tx
        .insertInto("payment_allocations")
        .values(
          allocations.map((a) => ({
            payment_id: paymentId,
            customer_code: customer,
            invoice_request_id: a.invoiceId,
            amount: fromFen(a.amountFen),
            created_by: principal.name,
          })),
        )
        .execute();
    }
    const released = await releaseHeldOrders(tx, db, [customer], { actor: principal.name, why: "回款到账" });
    await publishChange(tx, { kind: "finance", action: "payment", customer });
    const total = (allocations ?? []).reduce((s, a) => s + a.amountFen, 0n);
    return { id: paymentId, customer, allocated: fromFen(total), advance: fromFen(left - total), released };
  });
}
