// The five materials that hold back the most orders from being complete (齐套).
import { Card, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { KittingMaterial } from "../api/plan-types";

export function KittingCard({ materials }: { materials?: KittingMaterial[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("planner.kitting")} size="small" data-testid="kitting">
      <Table
        size="small"
        rowKey="sku"
        pagination={false}
        dataSource={materials ?? []}
        locale={{ emptyText: t("plan.noShortage") }}
        columns={[
          {
            title: t("order.sku"),
            dataIndex: "name",
            ellipsis: true,
            render: (name: string, m) => (
              <span title={m.sku}>
                {m.red && <Tag color="red">{t("order.rush")}</Tag>}
                {name}
              </span>
            ),
          },
          { title: t("plan.ordersShort"), dataIndex: "ordersShort", width: 72, align: "right" },
          { title: t("plan.qtyShort"), dataIndex: "qtyShort", width: 72, align: "right" },
          { title: t("plan.dateNeeded"), dataIndex: "dateNeeded", width: 100, render: (d: string) => <span className="nowrap">{d}</span> },
        ]}
      />
    </Card>
  );
}
