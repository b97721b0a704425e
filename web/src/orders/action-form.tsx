// The few fields one action asks for, inline under its button: a reason, a carrier and tracking number,
// a date, or a review's note and outcome. Enter or the button submits.
import { Button, DatePicker, Flex, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { OrderAction } from "../api/types";
import type { ActionValues } from "./run-action";

const OUTCOMES = ["approve", "reject", "needs_input"] as const;

export function ActionForm({ action, busy, onSubmit }: { action: OrderAction; busy: boolean; onSubmit(values: ActionValues): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues & { date?: Dayjs }>();
  const needs = new Set(action.needs);
  const required = (field: string) => [{ required: true, whitespace: true, message: t("actions.fieldRequired", { field }) }];
  const submit = (outcome?: ActionValues["outcome"]) =>
    form.validateFields().then((v) => {
      if (outcome && outcome !== "approve" && !v.note?.trim()) {
        form.setFields([{ name: "note", errors: [t("actions.noteRequired")] }]);
        return;
      }
      onSubmit({ ...v, requestedDate: v.date?.format("YYYY-MM-DD"), outcome });
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
