// Use case: finance imports a bank statement (Excel or CSV as Chinese banks export it, GBK included, read
// by the importer's readers): each credit row becomes a payment once (a statement read twice adds
// nothing), matched by account name and amount and allocated oldest first; held orders that now fit the
// limit are released.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { readUpload } from "../imports/read/read-upload.js";
import { readStatement } from "./model/bank-statement.js";
import { type PaymentInput, payerCandidates, paymentKey, takePayment } from "./payment-ledger.js";
import { paymentReply } from "./record-payment.js";
import { releaseHeldOrders } from "./release-held-orders.js";

export async function importPayments(db: Kysely<DB>, principal: Principal, file: { buffer: Buffer; fileName: string }) {
  const sheet = await readUpload(file.buffer, file.fileName);
  const statement = readStatement(sheet.rows);
  if (!statement) throw new AppError("invalid", "finance.statement_unreadable", {}, "file");
  return db.transaction().execute(async (tx) => {
    let candidates: Awaited<ReturnType<typeof payerCandidates>> | undefined;
    const loadCandidates = async () => {
      candidates ??= await payerCandidates(tx);
      return candidates;
    };
    const seen = new Map<string, number>();
    const taken = [];
    for (const row of statement.payments) {
      const input: PaymentInput = { ...row, note: row.memo, source: "import" };
      const base = paymentKey(input);
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      const result = await takePayment(tx, principal.name, { ...input, occurrence }, loadCandidates);
      taken.push({ row: row.row, result, input });
    }
    const customers = [...new Set(taken.filter((t) => !t.result.duplicate && t.result.customer).map((t) => t.result.customer as string))];
    const released = customers.length ? await releaseHeldOrders(tx, db, customers, { actor: principal.name, why: "银行流水回款到账" }) : [];
    for (const customer of customers) await publishChange(tx, { kind: "finance", action: "payment", customer });
    return {
      file: file.fileName,
      encoding: sheet.encoding ?? null,
      payments: taken.map((t) => ({ row: t.row, ...paymentReply(t.result, t.input, []) })),
      imported: taken.filter((t) => !t.result.duplicate).length,
      duplicates: taken.filter((t) => t.result.duplicate).length,
      unmatched: taken.filter((t) => !t.result.customer).length,
      skipped: statement.skipped,
      problems: statement.problems,
      released,
    };
  });
}
