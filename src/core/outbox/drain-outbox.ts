// Delivers outbox messages to the outside world after the transaction that wrote them committed.
// Messages are claimed with FOR UPDATE SKIP LOCKED (several instances can drain at once), retried with
// exponential back-off when the failure is retryable, and marked failed with the error otherwise.
// The action's log row follows the message, so failures show on the order and on the rule's page.
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.js";

export type OutboxOutcome = { ok: true; detail?: Record<string, unknown> } | { ok: false; retryable: boolean; error: string };
export type OutboxHandler = (db: Kysely<DB>, message: { id: number; payload: Record<string, unknown>; orderNo: string | null }) => Promise<OutboxOutcome>;

export interface DrainOptions {
  batch?: number;
  /** First retry delay; doubles each attempt. */
  backoffMs?: number;
  /** How long a claimed message is hidden from other workers while it is being delivered. */
  leaseMs?: number;
}

export function backoffDelay(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}

export async function drainOutbox(db: Kysely<DB>, handlers: Record<string, OutboxHandler>, options: DrainOptions = {}): Promise<number> {
  const { batch = 20, backoffMs = 1000, leaseMs = 60_000 } = options;
  const claimed = await db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", new Date())
      .orderBy("id")
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return [];
    return tx
      .updateTable("outbox")
      .set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(Date.now() + leaseMs) })
      .where(
        "id",
        "in",
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  });
  for (const message of claimed) {
    const handler = handlers[message.topic];
    const started = performance.now();
    let outcome: OutboxOutcome;
    try {
      outcome = handler
        ? await handler(db, { id: message.id, payload: message.payload, orderNo: message.order_no })
        : { ok: false, retryable: false, error: `no handler for ${message.topic}` };
    } catch (error) {
      outcome = { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
    }
    const latency = performance.now() - started;
    const now = new Date();
    const giveUp = !outcome.ok && (!outcome.retryable || message.attempts >= message.max_attempts);
    await db.transaction().execute(async (tx) => {
      if (outcome.ok) {
        await tx.updateTable("outbox").set({ status: "done", done_at: now, last_error: null }).where("id", "=", message.id).execute();
      } else {
        await tx
          .updateTable("outbox")
          .set({
            status: giveUp ? "failed" : "pending",
            last_error: outcome.error,
            next_attempt_at: giveUp ? now : new Date(now.getTime() + backoffDelay(message.attempts, backoffMs)),
          })
          .where("id", "=", message.id)
          .execute();
      }
      if (message.rule_action_id && (outcome.ok || giveUp)) {
        await tx
          .updateTable("rule_actions")
          .set({
            status: outcome.ok ? "done" : "failed",
            error: outcome.ok ? null : outcome.error,
            latency_ms: latency.toFixed(3),
            updated_at: now,
            ...(outcome.ok && outcome.detail ? { detail: JSON.stringify(outcome.detail) } : {}),
          })
          .where("id", "=", message.rule_action_id)
          .execute();
      }
    });
  }
  return claimed.length;
}
