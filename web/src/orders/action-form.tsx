// The few fields one action asks for, inline under its button: a reason, a carrier and tracking number,
// a date, a quantity per line (a part shipment, lower quantities), or a review's note and outcome. Enter or
// the button submits.
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderAction, OrderView } from "../api/types";
import type { ActionValues } from "./run-action";

const OUTCOMES = ["approve", "reject", "needs_input"] as const;

type Line = OrderView["lines"][number];

/** Per line: how much the form starts with and may go up to (what is left to ship, or the quantity now). */
function lineLimits(action: OrderAction, lines: Line[]) {
  const shipping = action.action === "ship";
  return lines.map((l) => ({ line: l, max: shipping ? l.qty - (l.shippedQty ?? 0) : l.qty, min: shipping ? 0 : 1 })).filter((x) => x.max > 0);
}

export function ActionForm({
  action,
  lines = [],
  busy,
  onSubmit,
}: {
  action: OrderAction;
  lines?: Line[];
  busy: boolean;
  onSubmit(values: ActionValues): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues & { date?: Dayjs; qty?: Record<string, number | null> }>();
  const [empty, setEmpty] = useState(false);
  const needs = new Set(action.needs);
  const limits = needs.has("lines") ? lineLimits(action, lines) : [];
  /** The lines the person changed (edit) or ships (part shipment); undefined when none. */
  const chosen = (qty: Record<string, number | null> = {}) => {
    const out = limits
      .map(({ line, max }) => ({ line: line.lineNo, qty: qty[line.lineNo] ?? 0, max }))
      .filter((l) => (action.action === "ship" ? l.qty > 0 : l.qty > 0 && l.qty !== l.max))
      .map(({ line, qty }) => ({ line, qty }));
    return out.length ? out : undefined;
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t("actions.fieldRequired", { field }) }];
  const submit = (outcome?: ActionValues["outcome"]) =>
    form.validateFields().then((v) => {
      if (outcome && outcome !== "approve" && !v.note?.trim()) {
        form.setFields([{ name: "note", errors: [t("actions.noteRequired")] }]);
        return;
      }
      const picked = needs.has("lines") ? chosen(v.qty) : undefined;
      setEmpty(needs.has("lines") && !picked);
      if (needs.has("lines") && !picked) return;
      const { qty: _qty, date, ...rest } = v;
      onSubmit({ ...rest, requestedDate: date?.format("YYYY-MM-DD"), outcome, lines: picked });
    });
  return (
    <Form form={form} layout="vertical" size="middle" onFinish={() => void submit()} data-testid={`action-form-${action.action}`} className="action-form">
      {needs.has("reason") && (
        <Form.Item name="reason" label={t("actions.reason")} rules={required(t("actions.reason"))}>
          <Input autoFocus maxLength={200} data-testid="action-reason" />
        </Form.Item>
      )}
      {needs.has("carrier") && (
        <Form.Item name="carrier" label={t("actions.carrier")} rules={required(t("actions.carrier"))}>
          <Input autoFocus maxLength={60} data-testid="action-carrier" />
        </Form.Item>
      )}
      {needs.has("trackingNo") && (
        <Form.Item name="trackingNo" label={t("actions.trackingNo")} rules={required(t("actions.trackingNo"))}>
          <Input maxLength={60} data-testid="action-tracking" />
        </Form.Item>
      )}
      {needs.has("requestedDate") && (
        <Form.Item
          name="date"
          label={t("actions.requestedDate")}
          rules={[{ required: true, message: t("actions.fieldRequired", { field: t("actions.requestedDate") }) }]}
        >
          <DatePicker style={{ width: "100%" }} data-testid="action-date" />
        </Form.Item>
      )}
      {limits.length > 0 && (
        <Form.Item label={t(action.action === "ship" ? "actions.shipLines" : "actions.newQty")} style={{ marginBottom: 8 }}>
          <Flex vertical gap={4} data-testid="action-lines">
            {limits.map(({ line, max, min }) => (
              <Flex key={line.lineNo} gap={8} align="center" justify="space-between" wrap>
                <span>
                  {t("actions.lineOf", { line: line.lineNo, name: line.itemName ?? line.sku })}
                  {action.action === "ship" && (line.shippedQty ?? 0) > 0 && (
                    <Typography.Text type="secondary"> · {t("actions.leftToShip", { qty: max })}</Typography.Text>
                  )}
                </span>
                <Form.Item name={["qty", String(line.lineNo)]} initialValue={max} noStyle>
                  <InputNumber min={min} max={max} precision={0} style={{ width: 110 }} data-testid={`action-line-${line.lineNo}`} />
                </Form.Item>
              </Flex>
            ))}
          </Flex>
        </Form.Item>
      )}
      {empty && <Alert type="warning" showIcon message={t("actions.nothingChosen")} style={{ marginBottom: 8 }} />}
      {needs.has("note") && (
        <Form.Item name="note" label={t("actions.note")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="action-note" />
        </Form.Item>
      )}
      <Flex wrap gap={8}>
        {needs.has("outcome") ? (
          OUTCOMES.map((o) => (
            <Button
              key={o}
              type={o === "approve" ? "primary" : "default"}
              danger={o === "reject"}
              loading={busy}
              onClick={() => void submit(o)}
              data-testid={`outcome-${o}`}
            >
              {t(`actions.outcome.${o}`)}
            </Button>
          ))
        ) : (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
            {t("actions.submit")}
          </Button>
        )}
      </Flex>
    </Form>
  );
}
