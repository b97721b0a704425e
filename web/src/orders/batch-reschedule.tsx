// Batch reschedule in three steps: tick orders → 批量改期 → date (and reason) → per-order result.
// POST /api/orders/batch-reschedule recomputes kitting and the plan and notifies purchasing (planning).
import { CalendarOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Input, Modal, Space, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";

interface Result {
  orderNo: string;
  ok?: boolean;
  status?: string;
  promise?: { date?: string } | string | null;
  promisedDate?: string | null;
  kittingRate?: number | null;
  error?: { message?: string } | string;
}

const promiseOf = (r: Result) => (typeof r.promise === "string" ? r.promise : (r.promise?.date ?? r.promisedDate ?? null));
const errorOf = (r: Result) => (typeof r.error === "string" ? r.error : r.error?.message);

export function BatchReschedule({ orderNos, onDone }: { orderNos: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Result[]>();
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!date) return;
    setBusy(true);
    setError(undefined);
    try {
      const reply = await api<{ results?: Result[] } | Result[]>("POST", "/api/orders/batch-reschedule", {
        orderNos,
        dueDate: date.format("YYYY-MM-DD"),
        reason: reason.trim() || t("reschedule.defaultReason"),
      });
      setResults(Array.isArray(reply) ? reply : (reply.results ?? []));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 && e.code === "not_found" && !e.field ? t("reschedule.unavailable") : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setResults(undefined);
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
        onOk={() => (results ? close() : void submit())}
        okText={results ? t("common.close") : t("reschedule.button")}
        okButtonProps={{ disabled: !date && !results }}
        confirmLoading={busy}
        width={640}
      >
        {!results && (
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
        {results && (
          <Table
            size="small"
            rowKey="orderNo"
            pagination={false}
            dataSource={results}
            columns={[
              { title: t("order.orderNo"), dataIndex: "orderNo" },
              {
                title: t("order.status"),
                render: (_, r) => (errorOf(r) || r.ok === false ? <Tag color="red">{errorOf(r) ?? "✗"}</Tag> : <Tag color="green">✓</Tag>),
              },
              { title: t("order.promisedDate"), render: (_, r) => promiseOf(r) ?? "—" },
              { title: t("reschedule.kitting"), render: (_, r) => (typeof r.kittingRate === "number" ? `${Math.round(r.kittingRate * 100)}%` : "—") },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
