// What a batch reschedule did (the reply of POST /api/orders/batch-reschedule): per order the new
// promise and kitting rate against the old ones, or why the batch was refused; and how the shortages
// changed, which purchasing has been told.
import { ArrowRightOutlined } from "@ant-design/icons";
import { Alert, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";

export interface RescheduledOrder {
  orderNo: string;
  ok: true;
  previous: { requestedDate: string | null; promisedDate: string | null; kittingRate: number | null };
  requestedDate: string;
  promisedDate: string | null;
  plannedDate: string | null;
  late: boolean;
  kittingRate: number | null;
  planned: boolean;
}
export interface RefusedOrder {
  orderNo: string;
  ok: boolean;
  error?: { code: string; reason: string; message: string };
}
interface ShortageChange {
  sku: string;
  before: number;
  after: number;
  dateNeeded: string | null;
  red: boolean;
}
export interface RescheduleReply {
  dueDate: string;
  count: number;
  results: RescheduledOrder[];
  shortages: { added: ShortageChange[]; increased: ShortageChange[]; decreased: ShortageChange[]; resolved: ShortageChange[] };
  notifications: { toRole: string; level: string; message: string }[];
}

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);
const change = (from: string, to: string) => (
  <span className="nowrap">
    {from} <ArrowRightOutlined style={{ fontSize: 10 }} /> {to}
  </span>
);

export function RescheduleResult({ reply }: { reply: RescheduleReply }) {
  const { t } = useTranslation();
  const lists = (["added", "increased", "decreased", "resolved"] as const).filter((k) => reply.shortages[k].length);
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="reschedule-result">
      <Table
        size="small"
        rowKey="orderNo"
        pagination={reply.results.length > 10 ? { pageSize: 10, size: "small" } : false}
        dataSource={reply.results}
        columns={[
          { title: t("order.orderNo"), dataIndex: "orderNo" },
          {
            title: t("reschedule.outcome"),
            render: (_, r) =>
              !r.planned ? (
                <Tag>{t("reschedule.notPlanned")}</Tag>
              ) : r.late ? (
                <Tag color="orange">{t("reschedule.late")}</Tag>
              ) : (
                <Tag color="green">{t("reschedule.onTime")}</Tag>
              ),
          },
          { title: t("order.promisedDate"), render: (_, r) => change(r.previous.promisedDate ?? "—", r.promisedDate ?? "—") },
          { title: t("reschedule.kitting"), render: (_, r) => change(pct(r.previous.kittingRate), pct(r.kittingRate)) },
        ]}
      />
      {lists.length ? (
        <Alert
          type={reply.notifications.some((n) => n.level === "critical") ? "error" : "info"}
          showIcon
          data-testid="reschedule-shortages"
          message={t("reschedule.shortages", {
            added: reply.shortages.added.length,
            increased: reply.shortages.increased.length,
            decreased: reply.shortages.decreased.length,
            resolved: reply.shortages.resolved.length,
          })}
          description={
            <Space direction="vertical" size={0}>
              {lists.flatMap((k) =>
                reply.shortages[k].slice(0, 5).map((c) => (
                  <Typography.Text key={`${k}-${c.sku}`}>
                    {c.red && <Tag color="red">{t("order.rush")}</Tag>}
                    {t(`reschedule.change.${k}`)} {c.sku}: {change(String(c.before), String(c.after))}
                    {c.dateNeeded ? ` · ${t("plan.dateNeeded")} ${c.dateNeeded}` : ""}
                  </Typography.Text>
                )),
              )}
              {reply.notifications.length > 0 && <Typography.Text type="secondary">{t("reschedule.notified")}</Typography.Text>}
            </Space>
          }
        />
      ) : (
        <Typography.Text type="secondary" data-testid="reschedule-shortages">
          {t("reschedule.noShortageChange")}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The batch was refused (all or nothing): each order's reason, the ones that could have moved marked so. */
export function RescheduleRefused({ message, results }: { message: string; results: RefusedOrder[] }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="reschedule-refused">
      <Alert type="error" showIcon message={message} />
      <Table
        size="small"
        rowKey="orderNo"
        pagination={false}
        dataSource={results}
        columns={[
          { title: t("order.orderNo"), dataIndex: "orderNo" },
          {
            title: t("reschedule.outcome"),
            render: (_, r) => (r.error ? <Tag color="red">{r.error.message}</Tag> : <Tag>{t("reschedule.unchanged")}</Tag>),
          },
        ]}
      />
    </Space>
  );
}
