// What each outbox topic does: send a robot message, or ask the credit provider and act on its answer.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { OutboxHandler } from "../core/outbox/drain-outbox.js";
import { sendRobotMessage } from "../notifications/send-robot-message.js";
import { appendEvent } from "../orders/store.js";
import { checkCredit } from "../rules/credit/credit-client.js";
import { getIntegration } from "../settings/integration-settings.js";
import { deliverStatusLink } from "../status-links/deliver-status-link.js";
import { deliverWarrantyCard } from "../visits/warranty-cards.js";

const robot: OutboxHandler = async (db, { payload }) => {
  const name = String(payload.webhook);
  const target = await getIntegration(db, "robot", name);
  if (!target) return { ok: false, retryable: false, error: `robot webhook "${name}" is not configured` };
  const result = await sendRobotMessage(target, { text: String(payload.message), level: payload.level as "info" });
  return result.ok ? { ok: true, detail: { webhook: name, channel: target.channel, latencyMs: result.latencyMs } } : result;
};

const creditCheck: OutboxHandler = async (db, { id, payload }) => {
  const name = String(payload.provider ?? "default");
  const provider = await getIntegration(db, "credit", name);
  if (!provider) return { ok: false, retryable: false, error: `credit provider "${name}" is not configured` };
  const orderNo = String(payload.orderNo);
  const customer = payload.customer as { code: string; creditLimit: string; openReceivables: string };
  const { name: customerName } = await db.selectFrom("customers").select("name").where("code", "=", customer.code).executeTakeFirstOrThrow();
  const answer = await checkCredit(provider, {
    requestId: `lvyue-outbox-${id}`,
    customer: { ...customer, name: customerName },
    order: { orderNo, amount: String(payload.amount), currency: "CNY" },
  });
  if (!answer.ok) return answer;
  await applyCreditAnswer(db, orderNo, Number(payload.blockId), name, answer);
  return { ok: true, detail: { provider: name, decision: answer.decision, score: answer.score, reason: answer.reason } };
};

/** Approved: the credit hold lifts, and the order resumes if nothing else holds it. Otherwise finance decides. */
async function applyCreditAnswer(
  db: Kysely<DB>,
  orderNo: string,
  blockId: number,
  provider: string,
  answer: { decision: string; reason: string; score: number },
) {
  const actor = `credit:${provider}`;
  await db.transaction().execute(async (tx) => {
    const order = await tx.selectFrom("orders").selectAll().where("order_no", "=", orderNo).forNoKeyUpdate().executeTakeFirstOrThrow();
    if (answer.decision !== "approved") {
      const reason = `信用审核${answer.decision === "rejected" ? "未通过" : "需人工复核"}：${answer.reason}`;
      await tx.updateTable("order_blocks").set({ reason }).where("id", "=", blockId).execute();
      await tx
        .insertInto("tasks")
        .values({
          title: `${reason}（${orderNo}）`,
          order_no: orderNo,
          assignee_role: "finance",
          assignee_user: null,
          mentions: [],
          due_at: null,
          rule_id: null,
          rule_version: null,
          created_by: actor,
          done_by: null,
          done_at: null,
        })
        .execute();
      await appendEvent(tx, { orderNo, actor, kind: "changed", data: { credit: { decision: answer.decision, score: answer.score, reason: answer.reason } } });
      return;
    }
    await tx.updateTable("order_blocks").set({ cleared_at: new Date(), cleared_by: actor }).where("id", "=", blockId).where("cleared_at", "is", null).execute();
    const otherHolds = await tx
      .selectFrom("order_blocks")
      .select("id")
      .where("order_no", "=", orderNo)
      .where("to_status", "=", "*")
      .where("cleared_at", "is", null)
      .execute();
    if (order.status !== "on_hold" || otherHolds.length || !order.held_from) {
      await appendEvent(tx, { orderNo, actor, kind: "changed", data: { credit: { decision: answer.decision, score: answer.score } } });
      return;
    }
    await tx
      .updateTable("orders")
      .set((eb) => ({
        status: order.held_from!,
        held_from: null,
        hold_reason: null,
        owner_role: "planner",
        owner_user: null,
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("order_no", "=", orderNo)
      .execute();
    await appendEvent(tx, {
      orderNo,
      actor,
      kind: "transition",
      from: "on_hold",
      to: order.held_from as never,
      reason: `信用审核通过（评分 ${answer.score}）`,
    });
  });
}

export const OUTBOX_HANDLERS = { robot, credit_check: creditCheck, status_link: deliverStatusLink, warranty_card: deliverWarrantyCard };
