// Use case: take in a batch of orders (EDI, a customer's workbook). Each order is validated,
// rule-checked and reserved on its own and gets its own result; valid orders are committed in
// groups on the path a single order takes (take-in.ts: one transaction per group, multi-row writes).
// Retrying a batchId creates nothing new.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { assertClean } from "../core/http/hygiene.js";
import { validationToAppError } from "../core/http/validation-errors.js";
import type { Lang } from "../core/i18n.js";
import { buildOrder, intakeStatus, type OrderRequest } from "../orders/model/build-order.js";
import { createOrderBody } from "../orders/schemas.js";
import { requestHash } from "./create-order.js";
import { bulkBatchKey, bulkOrderIndex, bulkOrderKey } from "./idempotency-keys.js";
import { giveWayToPeople, peopleTakingOrders } from "./people-waiting.js";
import { type OrderToTake, readIntakeInputs, takeIn } from "./take-in.js";

export interface BulkResult {
  index: number;
  orderNo?: string;
  status: string;
  error?: { code: string; reason: string; message: string; field?: string };
}

export interface BulkSummary {
  batchId: string;
  received: number;
  accepted: number;
  rejected: number;
  held: number;
  results: BulkResult[];
}

/**
 * Orders read for together (master data, credit basis, rules, plan): one set of reads per chunk. 20 was
 * tried and measured worse (decision 0075): each chunk's reads cost PGlite 1.5× the batch time.
 */
const CHUNK = 100;
/**
 * Orders written per transaction. The day's number row stays locked from a group's numbers to its commit,
 * so a single order taken meanwhile waits for one group: 100 held it 120 ms (p50) during a surge, 10
 * hold it 13 ms but take a surge in 1.7× slower. Small groups while people are taking orders in, each
 * followed by as long a pause, large ones otherwise (decision 0078).
 */
const writeGroup = () => (peopleTakingOrders() ? 10 : 100);

function errorOf(error: AppError, index: number, lang: Lang): BulkResult["error"] {
  const body = error.toBody(lang).error;
  return { code: body.code, reason: body.reason, message: body.message, field: body.field ? `orders[${index}].${body.field}` : `orders[${index}]` };
}

function parseOne(raw: unknown): OrderRequest {
  assertClean(raw, "");
  const parsed = createOrderBody.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { code, path, message, ...params } = parsed.error.issues[0] as unknown as { code: string; path: (string | number)[]; message: string } & Record<
    string,
    unknown
  >;
  throw validationToAppError({ keyword: code, instancePath: `/${path.join("/")}`, message, params }, "order");
}

type BulkBody = { batchId: string; orders: unknown[] };

export async function bulkIntake(db: Kysely<DB>, principal: Principal, body: BulkBody, lang: Lang = "zh") {
  for (let attempt = 0; ; attempt++) {
    try {
      return await intakeBatch(db, principal, body, lang);
    } catch (error) {
      // Two deliveries of one batch raced and the other wrote some of its orders first: start over,
      // keeping what it wrote (or replaying its answer once it has finished).
      if (!isUniqueViolation(error, "orders_idempotency_key_key") || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
  }
}

async function earlierAnswer(db: Kysely<DB>, batchKey: string, hash: string, batchId: string) {
  const earlier = await db.selectFrom("bulk_batches").select(["request_hash", "result"]).where("batch_id", "=", batchKey).executeTakeFirst();
  if (!earlier) return undefined;
  if (earlier.request_hash !== hash) throw new AppError("conflict", "order.bulk_batch_mismatch", { batchId }, "batchId");
  return { ...(earlier.result as BulkSummary), replayed: true };
}

async function intakeBatch(db: Kysely<DB>, principal: Principal, body: BulkBody, lang: Lang) {
  const hash = requestHash(body.orders);
  // Batches are the caller's own: another caller's equal batchId is another batch.
  const batchKey = bulkBatchKey(principal, body.batchId);
  const earlier = await earlierAnswer(db, batchKey, hash, body.batchId);
  if (earlier) return earlier;
  const results: BulkResult[] = new Array(body.orders.length);
  // Orders of this batch already written by an interrupted earlier attempt keep their numbers.
  const done = await db
    .selectFrom("orders")
    .select(["order_no", "idempotency_key", "request_hash", "status"])
    .where("idempotency_key", "like", `${batchKey.replace(/[\\%_]/g, (c) => `\\${c}`)}#%`)
    .execute();
  for (const d of done) {
    const index = bulkOrderIndex(d.idempotency_key!, principal, body.batchId, body.orders.length);
    if (index === undefined) continue;
    // Written by an attempt with other content (orders from before keys carried the batch's hash have none).
    if (d.request_hash !== null && d.request_hash !== hash) throw new AppError("conflict", "order.bulk_batch_mismatch", { batchId: body.batchId }, "batchId");
    results[index] = { index, orderNo: d.order_no, status: d.status };
  }

  // Parsed a chunk at a time: parsing thousands at once would hold the one thread from other requests.
  const pending = body.orders.flatMap((raw, index) => (results[index] ? [] : [{ index, raw }]));
  for (let start = 0; start < pending.length; start += CHUNK) {
    const chunk: { index: number; request: OrderRequest }[] = [];
    for (const { index, raw } of pending.slice(start, start + CHUNK)) {
      try {
        chunk.push({ index, request: parseOne(raw) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { index, status: "rejected", error: errorOf(error, index, lang) };
      }
    }
    if (!chunk.length) continue;
    const inputs = await readIntakeInputs(
      db,
      chunk.map((r) => r.request),
    );
    const taking: { index: number; order: OrderToTake }[] = [];
    for (const { index, request } of chunk) {
      try {
        taking.push({
          index,
          order: { built: buildOrder(request, inputs.master), idempotencyKey: bulkOrderKey(principal, body.batchId, index), requestHash: hash },
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { index, status: "rejected", error: errorOf(error, index, lang) };
      }
    }
    for (let from = 0; from < taking.length; ) {
      const group = taking.slice(from, from + writeGroup());
      from += group.length;
      const began = performance.now();
      const { judged } = await db.transaction().execute((tx) =>
        takeIn(
          tx,
          inputs,
          group.map((t) => t.order),
          { actor: principal.name, source: "bulk", live: "per_batch" },
        ),
      );
      judged.forEach((j, i) => {
        results[group[i].index] = { index: group[i].index, orderNo: j.orderNo, status: intakeStatus(j.built) };
      });
      await giveWayToPeople(performance.now() - began);
    }
  }

  const summary: BulkSummary = {
    batchId: body.batchId,
    received: body.orders.length,
    accepted: results.filter((r) => r.orderNo).length,
    rejected: results.filter((r) => !r.orderNo).length,
    held: results.filter((r) => r.status === "on_hold").length,
    results,
  };
  const saved = await db
    .insertInto("bulk_batches")
    .values({ batch_id: batchKey, request_hash: hash, result: JSON.stringify(summary), created_by: principal.name })
    .onConflict((oc) => oc.column("batch_id").doNothing())
    .returning("batch_id")
    .executeTakeFirst();
  // A concurrent delivery of the batch finished first: its answer is the batch's answer.
  if (!saved) return (await earlierAnswer(db, batchKey, hash, body.batchId)) ?? { ...summary, replayed: false };
  return { ...summary, replayed: false };
}
