// Purchasing's shortages from the plan: per material how much, by when, for which orders, what is on
// order; red when a rush order is short.
import { AlertFilled } from "@ant-design/icons";
import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Shortage } from "../api/plan-types";
import { TableCard } from "../components/table-card";
import { OrderLink } from "../orders/order-drawer";

export function ShortagesCard({ shortages, extra }: { shortages?: Shortage[]; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <TableCard
      title={t("purchasing.shortages")}
      extra={extra}
      testId="shortages"
      rowKey="sku"
      rows={shortages}
      empty={t("plan.noShortage")}
      rowClassName={(s) => (s.red ? "row-red" : "")}
      expandable={{
        expandedRowRender: (s) => (
          <Space direction="vertical" size={2}>
            <Space wrap size={6}>
              <Typography.Text type="secondary">{t("plan.waitingOrders")}</Typography.Text>
              {s.orders.map((o) => (
                <span key={o.orderNo} className="nowrap">
                  <OrderLink orderNo={o.orderNo} /> ×{o.qtyShort}
                  {o.rush && <Tag color="red">{t("order.rush")}</Tag>}
                </span>
              ))}
            </Space>
            <Typography.Text type="secondary">
              {t("plan.onHand", { qty: s.onHand })} · {t("plan.leadTime", { days: s.leadTimeDays })}
            </Typography.Text>
          </Space>
        ),
      }}
      columns={[
        {
          title: t("order.sku"),
          dataIndex: "name",
          ellipsis: true,
          render: (name: string, s) => (
            <span title={s.sku}>
              {s.red && <AlertFilled style={{ color: "#f5222d", marginRight: 4 }} aria-label={t("plan.red")} />}
              {name} <Typography.Text type="secondary">{s.sku}</Typography.Text>
            </span>
          ),
        },
        { title: t("plan.qtyShort"), dataIndex: "qtyShort", width: 80, align: "right" },
        { title: t("plan.dateNeeded"), dataIndex: "dateNeeded", width: 104, render: (d: string) => <span className="nowrap">{d}</span> },
        { title: t("plan.ordersShort"), width: 72, align: "right", render: (_, s) => new Set(s.orders.map((o) => o.orderNo)).size },
        {
          title: t("plan.openSupply"),
          width: 150,
          render: (_, s) =>
            s.openSupply.length ? (
              <span className="nowrap" style={{ color: s.openSupply[0].afterNeed ? "#fa8c16" : undefined }}>
                {s.openSupply[0].qty} @ {s.openSupply[0].expectedDate}
                {s.openSupply.length > 1 ? ` +${s.openSupply.length - 1}` : ""}
              </span>
            ) : (
              <Tag color="red">{t("plan.noSupply")}</Tag>
            ),
        },
      ]}
    />
  );
}
