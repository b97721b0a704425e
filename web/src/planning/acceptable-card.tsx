// Sales: how many more standard orders per product family fit today before the promise date slips.
import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AcceptableToday } from "../api/plan-types";
import { TableCard } from "../components/table-card";
import { constraintText } from "./constraint-text";

export function AcceptableCard({ data }: { data?: AcceptableToday }) {
  const { t } = useTranslation();
  return (
    <TableCard
      title={t("sales.acceptable")}
      testId="acceptable-today"
      rowKey="family"
      rows={data?.families}
      columns={[
        { title: t("plan.family"), dataIndex: "family", ellipsis: true },
        {
          title: t("plan.acceptable"),
          dataIndex: "acceptable",
          width: 84,
          align: "right",
          render: (n: number, f) => <Tag color={n === 0 ? "red" : n < 5 ? "orange" : "green"}>{f.capped ? `${n}+` : n}</Tag>,
        },
        {
          title: t("plan.standardOrder"),
          width: 170,
          render: (_, f) => (
            <span className="nowrap">
              {f.standardOrder.sku} ×{f.standardOrder.qty} · {t("plan.leadDays", { days: f.standardOrder.leadDays })}
            </span>
          ),
        },
        {
          title: t("plan.limitedBy"),
          render: (_, f) =>
            f.limitedBy ? (
              <Typography.Text style={{ fontSize: 12 }}>{constraintText(t, f.limitedBy)}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ]}
    />
  );
}
