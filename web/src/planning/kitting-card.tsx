// The five materials that hold back the most orders from being complete (齐套).
import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { KittingMaterial } from "../api/plan-types";
import { TableCard } from "../components/table-card";

export function KittingCard({ materials }: { materials?: KittingMaterial[] }) {
  const { t } = useTranslation();
  return (
    <TableCard
      title={t("planner.kitting")}
      testId="kitting"
      rowKey="sku"
      rows={materials}
      empty={t("plan.noShortage")}
      columns={[
        {
          title: t("order.sku"),
          dataIndex: "name",
          ellipsis: true,
          render: (name: string, m) => (
            <>
              <div className="ellipsis" title={name}>
                {name}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} className="nowrap">
                {m.sku} · {t("plan.dateNeeded")} {m.dateNeeded}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t("plan.ordersShort"),
          dataIndex: "ordersShort",
          width: 84,
          align: "right",
          render: (n: number, m) => (
            <>
              {n}
              {m.rushOrdersShort > 0 && (
                <Tag color="red" style={{ marginInlineEnd: 0, marginInlineStart: 4 }}>
                  {t("plan.rushShort", { count: m.rushOrdersShort })}
                </Tag>
              )}
            </>
          ),
        },
        { title: t("plan.qtyShort"), dataIndex: "qtyShort", width: 64, align: "right" },
      ]}
    />
  );
}
