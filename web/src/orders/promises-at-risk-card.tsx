// Sales' calls to make: promises the plan can no longer keep (promised → the date it now gives), and
// promises that count on supply a supplier has not confirmed or is late with.
import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PromiseAtRisk } from "../boards/sales-board";
import { TableCard } from "../components/table-card";
import { OrderLink } from "./order-drawer";

export function PromisesAtRiskCard({ rows }: { rows?: PromiseAtRisk[] }) {
  const { t } = useTranslation();
  return (
    <TableCard
      title={t("sales.promisesAtRisk")}
      testId="promises-at-risk"
      rowKey="orderNo"
      rows={rows}
      empty={t("sales.noPromisesAtRisk")}
      pageSize={6}
      columns={[
        {
          title: t("order.orderNo"),
          width: 170,
          render: (_, r) => (
            <span className="nowrap">
              <OrderLink orderNo={r.orderNo} /> {r.rush && <Tag color="red">{t("order.rush")}</Tag>}
            </span>
          ),
        },
        { title: t("order.customer"), dataIndex: "customer", ellipsis: true },
        { title: t("sales.promised"), dataIndex: "promisedDate", width: 104 },
        {
          title: t("sales.plannedNow"),
          width: 120,
          render: (_, r) =>
            r.atRisk ? (
              <Typography.Text type="danger" data-testid={`planned-${r.orderNo}`}>
                {r.plannedDate ?? t("sales.noDate")}
              </Typography.Text>
            ) : (
              "—"
            ),
        },
        {
          title: t("sales.supply"),
          render: (_, r) => (
            <Space wrap size={4}>
              {r.supplyRisk.map((s) => (
                <Tag key={`${s.sku}-${s.kind}`} color={s.kind === "overdue" ? "red" : "orange"}>
                  {t(s.kind === "overdue" ? "sales.supplyOverdue" : "sales.supplyUnconfirmed", { sku: s.sku })}
                </Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
