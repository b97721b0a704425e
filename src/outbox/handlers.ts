// What each outbox topic does: send a robot message, or ask the credit provider and act on its answer.
import { sendRobotMessage } from "../notifications/send-robot-message.js";
import { recordCreditDecision } from "../orders/record-credit-decision.js";
import { checkCredit } from "../rules/credit/credit-client.js";
import { deliverStatusLink } from "../service/deliver-status-link.js";
import { deliverWarrantyCard } from "../service/warranty-cards.js";
import { getIntegration } from "../settings/integration-settings.js";
import type { OutboxHandler } from "./drain-outbox.js";

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
  await recordCreditDecision(db, {
    orderNo,
    blockId: Number(payload.blockId),
    provider: name,
    decision: answer.decision,
    reason: answer.reason,
    score: answer.score,
  });
  return { ok: true, detail: { provider: name, decision: answer.decision, score: answer.score, reason: answer.reason } };
};

export const OUTBOX_HANDLERS = { robot, credit_check: creditCheck, status_link: deliverStatusLink, warranty_card: deliverWarrantyCard };
