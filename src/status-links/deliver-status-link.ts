// Outbox handler: tells a role (in-app, and a robot when the rule names one) the status link a rule made,
// with the customer's contact to send it to. The robot goes first, so a retry never repeats the in-app note.
import { readConfig } from "../core/config.js";
import type { OutboxHandler } from "../core/outbox/drain-outbox.js";
import { sendRobotMessage } from "../notifications/send-robot-message.js";
import { getIntegration } from "../settings/integration-settings.js";
import { linkState } from "./model/status-token.js";
import { linkToken, statusLinkPath } from "./status-links.js";

export const deliverStatusLink: OutboxHandler = async (db, { payload }) => {
  const link = await db.selectFrom("status_links").selectAll().where("id", "=", Number(payload.linkId)).executeTakeFirst();
  if (!link) return { ok: false, retryable: false, error: `status link ${payload.linkId} does not exist` };
  if (linkState(link, new Date()) !== "active") return { ok: true, detail: { linkId: link.id, skipped: "link no longer active" } };
  const order = await db
    .selectFrom("orders")
    .innerJoin("customers", "customers.code", "orders.customer_code")
    .select(["orders.order_no", "customers.name", "customers.contact_name", "customers.contact_phone"])
    .where("orders.order_no", "=", link.order_no)
    .executeTakeFirstOrThrow();
  // Read per delivery rather than captured at start, so tests and instances agree on the public origin.
  const url = `${readConfig().publicUrl ?? ""}${statusLinkPath(await linkToken(db, link))}`;
  const contact = [order.contact_name, order.contact_phone].filter(Boolean).join(" ") || order.name;
  const message = `订单 ${order.order_no} 的客户进度链接：${url}（有效期至 ${link.expires_at.toISOString().slice(0, 10)}），请发给客户联系人 ${contact}`;

  const webhook = typeof payload.webhook === "string" ? payload.webhook : null;
  let channel: string | null = null;
  if (webhook) {
    const target = await getIntegration(db, "robot", webhook);
    if (!target) return { ok: false, retryable: false, error: `robot webhook "${webhook}" is not configured` };
    const sent = await sendRobotMessage(target, { text: message, level: "info" });
    if (!sent.ok) return sent;
    channel = target.channel;
  }
  await db
    .insertInto("notifications")
    .values({ to_role: String(payload.toRole ?? "service"), to_user: null, level: "info", message, order_no: order.order_no, rule_id: null })
    .execute();
  return { ok: true, detail: { linkId: link.id, url, toRole: payload.toRole, webhook, channel } };
};
