// Use case: send a draft version to the customer; from then on it is immutable. A version whose margin is
// below the floor for the customer's grade is not sent until someone other than its author approves it:
// the first attempt opens the approval task for the sales manager and answers "pending". Sent, it can hold its
// promised date in the plan while the promise is valid (a promise hold; a retried send keeps the same one).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { plantDay } from "../core/plant-day.js";
import { publishChange } from "../events/publish-change.js";
import type { holdView } from "../planning/promise-holds.js";
import { openTask } from "../tasks/open-task.js";
import { holdable, holdVersionPromise } from "./hold-version-promise.js";
import { quoteFacts } from "./model/quote-rules.js";
import { runQuoteRules } from "./run-quote-rules.js";
import { getQuoteRow, getVersions, setVersion, touchQuote } from "./store.js";

export type SendOutcome = { sent: true; hold?: ReturnType<typeof holdView> } | { sent: false; approval: "pending"; taskId: number };

export const isBelowMargin = (v: { margin_pct: string; margin_floor_pct: string }) => Number(v.margin_pct) < Number(v.margin_floor_pct);

/** Sends; with `holdPromise` a sent version also holds its promised date in the plan (hold-version-promise.ts). */
export async function sendVersion(
  db: Kysely<DB>,
  principal: Principal,
  quoteNo: string,
  versionNo: number,
  options: { holdPromise?: boolean; lang?: Lang } = {},
): Promise<SendOutcome> {
  // A version that cannot hold its date is not sent either (nothing half done).
  if (options.holdPromise) {
    const version = (await getVersions(db, quoteNo)).find((v) => v.version === versionNo);
    if (version?.status === "draft") holdable(quoteNo, version, new Date());
  }
  const outcome = await sendInTransaction(db, principal, quoteNo, versionNo);
  if (!outcome.sent || !options.holdPromise) return outcome;
  return { sent: true, hold: await holdVersionPromise(db, principal, quoteNo, versionNo, options.lang ?? "zh") };
}

async function sendInTransaction(db: Kysely<DB>, principal: Principal, quoteNo: string, versionNo: number): Promise<SendOutcome> {
  return db.transaction().execute(async (tx) => {
    const quote = await getQuoteRow(tx, quoteNo, { lock: true });
    if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
    const version = (await getVersions(tx, quoteNo)).find((v) => v.version === versionNo);
    if (!version) throw notFound("quote.version_not_found", { quoteNo, version: versionNo }, "v");
    // A retried send of a sent version changes nothing.
    if (version.status === "sent") return { sent: true };
    if (version.status !== "draft") throw refused("quote.not_draft", { quoteNo, version: versionNo, status: version.status });
    if (isBelowMargin(version) && version.approval !== "approved") {
      if (version.approval === "pending" && version.approval_task_id !== null) return { sent: false, approval: "pending", taskId: version.approval_task_id };
      const customer = await tx
        .selectFrom("customers")
        .select(["code", "grade", "credit_limit", "open_receivables"])
        .where("code", "=", quote.customer_code)
        .executeTakeFirstOrThrow();
      const facts = quoteFacts(
        {
          quoteNo,
          version: versionNo,
          priceTotal: version.price_total,
          marginPct: Number(version.margin_pct),
          floorPct: Number(version.margin_floor_pct),
          author: version.created_by,
        },
        customer,
        plantDay(new Date()),
      );
      // The rules on quote.below_margin decide who is asked; with none that opens a task, sales is.
      const { taskIds } = await runQuoteRules(tx, db, facts, { actor: principal.name, at: new Date() });
      const taskId =
        taskIds[0] ??
        (await openTask(tx, {
          title: `报价审批（销售经理）：${quoteNo} V${versionNo} 毛利 ${facts.quote.marginPct.toFixed(1)}% 低于 ${facts.quote.floorPct.toFixed(1)}% 下限，批准后方可发出`,
          orderNo: null,
          assigneeRole: "sales",
          createdBy: principal.name,
        }));
      await setVersion(tx, quoteNo, versionNo, { approval: "pending", approval_task_id: taskId });
      await publishChange(tx, { kind: "master", entity: "quote", key: quoteNo });
      return { sent: false, approval: "pending", taskId };
    }
    await setVersion(tx, quoteNo, versionNo, { status: "sent", sent_by: principal.name, sent_at: new Date() });
    await touchQuote(tx, quoteNo);
    await publishChange(tx, { kind: "master", entity: "quote", key: quoteNo });
    return { sent: true };
  });
}
