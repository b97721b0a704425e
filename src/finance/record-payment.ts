// Use case: finance records a payment received (by hand): stored once, matched to its customer (named, or
// by account name and amount), allocated oldest first; the rest is an advance (预收款). The customer's
// exposure falls by the amount, and the orders its credit limit held are released when they now fit.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { fromFen, toFen } from "../core/money.js";
import { publishChange } from "../events/publish-change.js";
import { payerCandidates, type TakenPayment, takePayment } from "./payment-ledger.js";
import { releaseHeldOrders } from "./release-held-orders.js";

export interface PaymentRequest {
  customer?: string;
  payerName: string;
  payerAccount?: string;
  amount: string;
  receivedOn: string;
  bankRef?: string;
  note?: string;
}

export function paymentReply(taken: TakenPayment, p: { payerName: string; amountFen: bigint; receivedOn: string }, released: string[]) {
  return {
    id: taken.id,
    duplicate: taken.duplicate,
    customer: taken.customer,
    matchedBy: taken.matchedBy,
    payerName: p.payerName,
    amount: fromFen(p.amountFen),
    receivedOn: p.receivedOn,
    allocated: fromFen(taken.allocatedFen),
    advance: fromFen(taken.advanceFen),
    released,
  };
}

export async function recordPayment(db: Kysely<DB>, principal: Principal, request: PaymentRequest) {
  return db.transaction().execute(async (tx) => {
    if (request.customer) {
      const found = await tx.selectFrom("customers").select("code").where("code", "=", request.customer).executeTakeFirst();
      if (!found) throw notFound("customer.not_found", { code: request.customer }, "customer");
    }
    const input = {
      customer: request.customer,
      payerName: request.payerName.trim(),
      payerAccount: (request.payerAccount ?? "").replace(/\s+/g, ""),
      amountFen: toFen(request.amount),
      receivedOn: request.receivedOn,
      bankRef: (request.bankRef ?? "").trim(),
      note: (request.note ?? "").trim(),
      source: "manual" as const,
    };
    const taken = await takePayment(tx, principal.name, input, () => payerCandidates(tx));
    const released = taken.customer && !taken.duplicate ? await releaseHeldOrders(tx, db, [taken.customer], { actor: principal.name, why: "回款到账" }) : [];
    if (!taken.duplicate) await publishChange(tx, { kind: "finance", action: "payment", customer: taken.customer ?? "" });
    return paymentReply(taken, input, released);
  });
}
