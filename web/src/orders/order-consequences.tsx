// Every consequence of saving the order being typed, from POST /api/orders/preview: the refusal, or the
// status, the hold and why (with the amount over the credit limit), the promise, and what the rules
// would create — tasks, blocks, stock locks, pins, notices, tags — each with the rule that does it.
import { Alert, List, Space, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../components/status-tag";
import { yuan } from "../master/messages";
import type { OrderPreviewReply, PreviewState, RuleRef } from "./use-order-preview";

type Line = { key: string; level: "error" | "warning" | "info"; text: string; rule?: RuleRef };

const ruleText = (t: TFunction, r: RuleRef) => t("intake.rule", { name: r.name, version: r.version });

function consequenceLines(t: TFunction, p: OrderPreviewReply): Line[] {
  const lines: Line[] = [];
  for (const h of p.hold?.holds ?? []) {
    const why = h.creditCheck ? t("intake.preview.creditCheck") : h.reason;
    const over = p.credit.exceededBy && !h.creditCheck ? ` · ${t("intake.preview.creditExceeded", { amount: yuan(p.credit.exceededBy) })}` : "";
    const by = h.releasableBy.length ? ` · ${t("intake.preview.releasedBy", { roles: h.releasableBy.map((r) => t(`roles.${r}`)).join("/") })}` : "";
    lines.push({ key: `hold-${h.rule.id}`, level: "error", text: `${t("intake.preview.held", { reason: why })}${over}${by}`, rule: h.rule });
  }
  if (p.nonstandard) lines.push({ key: "review", level: "warning", text: t("intake.preview.review") });
  for (const [i, b] of p.blocks.entries()) {
    const to = t(`intake.preview.statusTo.${b.to}`, { defaultValue: t(`status.${b.to}`, { defaultValue: b.to }) });
    lines.push({ key: `block-${i}`, level: "warning", text: t("intake.preview.block", { to, reason: b.reason }), rule: b.rule });
  }
  for (const [i, task] of p.tasks.entries()) {
    const who = task.assigneeName ?? (task.assigneeRole ? t(`roles.${task.assigneeRole}`) : "");
    lines.push({ key: `task-${i}`, level: "info", text: t("intake.preview.task", { title: task.title, who }), rule: task.rule });
  }
  if (p.reservations) {
    const until = p.reservations.expiresAt ? new Date(p.reservations.expiresAt).toLocaleString() : "";
    const what = p.reservations.lines.map((l) => t("intake.preview.reserveLine", l)).join("，");
    lines.push({ key: "reserve", level: "info", text: t("intake.preview.reserve", { until, lines: what }), rule: p.reservations.rule });
  }
  for (const pin of p.pins) {
    const board = t(`intake.preview.pinBoards.${pin.board}`, { defaultValue: pin.board });
    const colour = t(`intake.preview.colours.${pin.colour}`, { defaultValue: pin.colour });
    lines.push({ key: `pin-${pin.board}`, level: "info", text: t("intake.preview.pin", { board, colour }), rule: pin.rule });
  }
  for (const [i, n] of p.notifications.entries()) {
    lines.push({ key: `notify-${i}`, level: "info", text: t("intake.preview.notify", { role: t(`roles.${n.toRole}`), message: n.message }), rule: n.rule });
  }
  if (p.tags.length) lines.push({ key: "tags", level: "info", text: t("intake.preview.tags", { tags: p.tags.join("、") }) });
  return lines;
}

export function OrderConsequences({ state }: { state: PreviewState }) {
  const { t } = useTranslation();
  if (state.kind === "idle") return <Typography.Paragraph type="secondary">{t("intake.preview.idle")}</Typography.Paragraph>;
  if (state.kind === "checking") return <Typography.Paragraph type="secondary">{t("intake.preview.checking")}</Typography.Paragraph>;
  if (state.kind === "failed") return <Alert type="warning" showIcon message={t("intake.preview.failed", { message: state.message })} />;
  const reply = state.reply;
  if (!reply.accepted) {
    return <Alert type="error" showIcon data-testid="preview-refused" message={t("intake.preview.refused", { message: reply.refusal.message })} />;
  }
  const lines = consequenceLines(t, reply);
  const held = reply.status === "on_hold";
  return (
    <Alert
      type={held ? "error" : lines.some((l) => l.level === "warning") ? "warning" : "success"}
      data-testid="order-preview"
      data-status={reply.status}
      message={
        <Space wrap size={6}>
          <Typography.Text strong>{t("intake.preview.status", { status: t(`status.${reply.status}`) })}</Typography.Text>
          <StatusTag status={reply.status} />
          <Tag>{yuan(reply.totalAmount)}</Tag>
          <Typography.Text type="secondary">
            {reply.planDate ? t(held ? "intake.preview.promiseHeld" : "intake.preview.promise", { date: reply.planDate }) : t("intake.preview.noPromise")}
          </Typography.Text>
        </Space>
      }
      description={
        <List
          size="small"
          split={false}
          dataSource={[
            ...lines,
            { key: "headroom", level: "info" as const, text: t("intake.preview.headroom", { amount: yuan(reply.credit.headroom) }) },
            ...(reply.credit.grade === "D" ? [{ key: "grade", level: "info" as const, text: t("intake.preview.gradeNoRush", { grade: "D" }) }] : []),
          ]}
          renderItem={(l: Line) => (
            <List.Item style={{ padding: "2px 0" }} data-testid={`consequence-${l.key.split("-")[0]}`}>
              <Typography.Text type={l.level === "error" ? "danger" : l.level === "warning" ? "warning" : undefined}>
                {l.text}
                {l.rule && (
                  <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                    · {ruleText(t, l.rule)}
                  </Typography.Text>
                )}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
