// The steps every payment takes, typed in or imported: stored once (a retried request or a statement read
// twice finds it by its key), matched to a customer, allocated to its open items oldest first.
import { createHash } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen, toFen } from "../core/money.js";
import { matchPayer, type PayerCandidate } from "./model/bank-statement.js";
import { allocateOldestFirst } from "./model/receivables.js";
import { openItems } from "./store.js";

export interface PaymentInput {
  customer?: string;
  payerName: string;
  payerAccount: string;
  amountFen: bigint;
  receivedOn: string;
  bankRef: string;
  note: string;
  source: "manual" | "import";
  /** Distinguishes two identical statement rows without a bank reference (their order in the file). */
  occurrence?: number;
}

export function paymentKey(p: PaymentInput): string {
  if (p.bankRef) return `bank:${p.payerAccount}:${p.bankRef}`;
  const text = [p.receivedOn, p.payerName, p.payerAccount, fromFen(p.amountFen), p.note, p.occurrence ?? 0].join("|");
  return `row:${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
}

/** Every customer as a payer could name it, with its open invoice amounts. */
export async function payerCandidates(tx: Transaction<DB>): Promise<PayerCandidate[]> {
  const { rows } = await sql<{ code: string; name: string; buyer: string | null; open: string[] | null }>`
    select c.code, c.name, p.buyer_name as buyer,
      (select array_agg(r.amount::text) from invoice_requests r where r.customer_code = c.code and r.kind = 'blue' and r.status = 'issued') as open
    from customers c left join invoicing_profiles p on p.customer_code = c.code
  `.execute(tx);
  return rows.map((r) => ({ code: r.code, names: [r.name, ...(r.buyer ? [r.buyer] : [])], openAmountsFen: (r.open ?? []).map((a) => toFen(a)) }));
}

export interface TakenPayment {
  id: number;
  duplicate: boolean;
  customer: string | null;
  matchedBy: string | null;
  allocatedFen: bigint;
  advanceFen: bigint;
}

export async function takePayment(tx: Transaction<DB>, actor: string, input: PaymentInput, candidates: () => Promise<PayerCandidate[]>): Promise<TakenPayment> {
  const key = paymentKey(input);
  const existing = await tx.selectFrom("payments").select(["id", "customer_code", "matched_by"]).where("dedupe_key", "=", key).executeTakeFirst();
  if (existing)
    return { id: Number(existing.id), duplicate: true, customer: existing.customer_code, matchedBy: existing.matched_by, allocatedFen: 0n, advanceFen: 0n };
  const match = input.customer ? { code: input.customer, by: "hand" } : matchPayer(input, await candidates());
  const row = await tx
    .insertInto("payments")
    .values({
      dedupe_key: key,
      customer_code: match?.code ?? null,
      payer_name: input.payerName,
      payer_account: input.payerAccount,
      amount: fromFen(input.amountFen),
      received_on: input.receivedOn,
      bank_ref: input.bankRef,
      note: input.note,
      source: input.source,
      matched_by: match ? match.by : null,
      created_by: actor,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  if (!match) return { id, duplicate: false, customer: null, matchedBy: null, allocatedFen: 0n, advanceFen: input.amountFen };
  const { allocations, advanceFen } = allocateOldestFirst(await openItems(tx, match.code), input.amountFen);
  if (allocations.length) {
    await tx
      .insertInto("payment_allocations")
      .values(
        allocations.map((a) => ({
          payment_id: id,
          customer_code: match.code,
          invoice_request_id: a.invoiceId,
          amount: fromFen(a.amountFen),
          created_by: actor,
        })),
      )
      .execute();
  }
  return { id, duplicate: false, customer: match.code, matchedBy: match.by, allocatedFen: input.amountFen - advanceFen, advanceFen };
}
