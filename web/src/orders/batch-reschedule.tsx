// Batch reschedule in three steps: tick orders → 批量改期 → date (and reason) → per-order result.
// POST /api/orders/batch-reschedule re-plans, answers per order and tells purchasing how shortages changed.
import { CalendarOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Input, Modal, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { type RefusedOrder, RescheduleRefused, type RescheduleReply, RescheduleResult } from "./reschedule-result";

type Outcome = { kind: "done"; reply: RescheduleReply } | { kind: "refused"; message: string; results: RefusedOrder[] };

export function BatchReschedule({ orderNos, onDone }: { orderNos: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!date) return;
    setBusy(true);
    setError(undefined);
    try {
      const reply = await api<RescheduleReply>("POST", "/api/orders/batch-reschedule", {
        orderNos,
        dueDate: date.format("YYYY-MM-DD"),
        reason: reason.trim() || t("reschedule.defaultReason"),
      });
      setOutcome({ kind: "done", reply });
      onDone();
    } catch (e) {
      // All or nothing: a refused batch names each order's reason.
      const results = (e instanceof ApiError && (e.body as { error?: { results?: RefusedOrder[] } })?.error?.results) || undefined;
      if (results) setOutcome({ kind: "refused", message: (e as Error).message, results });
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setOutcome(undefined);
    setError(undefined);
  };

  return (
    <>
      <Button type="primary" icon={<CalendarOutlined />} disabled={!orderNos.length} onClick={() => setOpen(true)} data-testid="batch-reschedule">
        {t("reschedule.button")}
        {orderNos.length ? ` (${orderNos.length})` : ""}
      </Button>
      <Modal
        open={open}
        title={t("reschedule.title", { count: orderNos.length })}
        onCancel={close}
        onOk={() => (outcome ? close() : void submit())}
        okText={outcome ? t("common.close") : t("reschedule.button")}
        okButtonProps={{ disabled: !date && !outcome }}
        confirmLoading={busy}
        width={720}
      >
        {!outcome && (
          <Space direction="vertical" style={{ width: "100%" }}>
            <DatePicker
              value={date}
              onChange={setDate}
              disabledDate={(d) => d.isBefore(dayjs(), "day")}
              placeholder={t("reschedule.date")}
              data-testid="reschedule-date"
            />
            <Input placeholder={t("reschedule.reason")} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </Space>
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
        {outcome?.kind === "done" && <RescheduleResult reply={outcome.reply} />}
        {outcome?.kind === "refused" && <RescheduleRefused message={outcome.message} results={outcome.results} />}
      </Modal>
    </>
  );
}
