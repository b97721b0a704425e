// Use case: take in a batch of orders (EDI, a customer's workbook). Each order is validated,
// rule-checked and reserved on its own and gets its own result; valid orders are committed in
// chunks (one transaction per chunk, multi-row writes). Retrying a batchId creates nothing new.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { assertClean } from "../core/http/hygiene.js";
import { validationToAppError } from "../core/http/validation-errors.js";
import type { Lang } from "../core/i18n.js";
import { changeNotice } from "../events/publish-change.js";
import { getPlanContext } from "../planning/plan-state.js";
import { bookPromisesForIntake } from "../planning/promise-order.js";
import { activeRules } from "../rules/active-rules.js";
import { judgeNewOrder } from "../rules/judge-order.js";
import { evaluationInsert, type RuleEffects, ruleEffectParts } from "../rules/write-rule-effects.js";
import { requestHash } from "./create-order.js";
import { bulkBatchKey, bulkOrderIndex, bulkOrderKey } from "./idempotency-keys.js";
import { loadIntakeContext, readRevisions } from "./intake-context-cache.js";
import { type BuiltOrder, buildOrder, intakeStatus, type OrderRequest } from "./model/build-order.js";
import { plantDay } from "./model/numbering.js";
import { createOrderBody } from "./schemas.js";
import { allocateOrderNumbers, insertOrders } from "./store.js";

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

const CHUNK = 500;

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
  const at = new Date();
  const today = plantDay(at);
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

  const requests: { index: number; request: OrderRequest }[] = [];
  body.orders.forEach((raw, index) => {
    if (results[index]) return;
    try {
      requests.push({ index, request: parseOne(raw) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results[index] = { index, status: "rejected", error: errorOf(error, index, lang) };
    }
  });
  const ctx = await loadIntakeContext(
    db,
    [...new Set(requests.map((r) => r.request.customer))],
    [...new Set(requests.flatMap((r) => r.request.lines.map((l) => l.sku)))],
    today,
  );
  const built: { index: number; built: BuiltOrder }[] = [];
  for (const { index, request } of requests) {
    try {
      built.push({ index, built: buildOrder(request, ctx) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results[index] = { index, status: "rejected", error: errorOf(error, index, lang) };
    }
  }

  for (let start = 0; start < built.length; start += CHUNK) {
    const chunk = built.slice(start, start + CHUNK);
    const revisions = await readRevisions(db);
    const { revision, rules } = await activeRules(db, db, revisions.rules);
    const planContext = await getPlanContext(db, { burst: true });
    await db.transaction().execute(async (tx) => {
      const numbers = await allocateOrderNumbers(tx, today, chunk.length);
      const effects: RuleEffects<BuiltOrder>[] = chunk.map(({ built: order }, i) =>
        judgeNewOrder(rules, revision, order, {
          orderNo: numbers[i],
          source: "bulk",
          customer: ctx.customers.get(order.customer_code)!,
          items: ctx.items,
          today,
          at,
        }),
      );
      const promised = bookPromisesForIntake(
        planContext,
        effects.map((e) => e.built),
      );
      const evaluations = evaluationInsert(effects);
      const ruled = await ruleEffectParts(tx, effects, principal.name, evaluations, { lockStock: true });
      await insertOrders(
        tx,
        effects.map((e, i) => ({
          built: e.built,
          meta: {
            orderNo: e.orderNo,
            actor: principal.name,
            source: "bulk",
            idempotencyKey: bulkOrderKey(principal, body.batchId, chunk[i].index),
            requestHash: hash,
            at,
          },
          promisedDate: promised[i]?.date,
          noPromise: promised[i]?.noPromise,
        })),
        {
          parts: [evaluations, ...ruled.parts],
          writes: ruled.writes,
          // One message per chunk: a surge of thousands of orders must not flood every open board.
          also: [changeNotice({ kind: "orders", action: "bulk", count: effects.length })],
        },
      );
      effects.forEach((e, i) => {
        results[chunk[i].index] = { index: chunk[i].index, orderNo: e.orderNo, status: intakeStatus(e.built) };
      });
    });
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
