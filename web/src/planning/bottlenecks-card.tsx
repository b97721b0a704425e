// Bottleneck alerts: the work centres the plan fills over the horizon, and the orders filling them.
import { WarningFilled } from "@ant-design/icons";
import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { BottleneckAlert } from "../api/plan-types";
import { ListCard } from "../components/list-card";
import { OrderLink } from "../orders/order-drawer";

export function BottlenecksCard({ alerts }: { alerts?: BottleneckAlert[] }) {
  const { t } = useTranslation();
  return (
    <ListCard
      title={t("planner.bottlenecks")}
      testId="bottlenecks"
      maxHeight={300}
      items={alerts}
      empty={t("plan.noBottleneck")}
      renderItem={(a) => (
        <Space direction="vertical" size={2} style={{ width: "100%" }}>
          <Space wrap>
            <WarningFilled style={{ color: a.lateCount ? "#f5222d" : "#fa8c16" }} />
            <Typography.Text strong>{a.name}</Typography.Text>
            <Typography.Text type="secondary">{a.code}</Typography.Text>
            {a.utilisation !== null && <Tag>{t("plan.utilisation", { pct: Math.round(a.utilisation * 100) })}</Tag>}
            {a.fullDays > 0 && <Tag color="orange">{t("plan.fullDays", { count: a.fullDays, date: a.firstFullDay })}</Tag>}
            {a.lateCount > 0 && <Tag color="red">{t("plan.lateOrders", { count: a.lateCount })}</Tag>}
          </Space>
          {a.topOrders.length > 0 && (
            <Space wrap size={4}>
              <Typography.Text type="secondary">{t("plan.filledBy")}</Typography.Text>
              {a.topOrders.map((o) => (
                <span key={o.orderNo} className="nowrap">
                  <OrderLink orderNo={o.orderNo} /> {o.hours}h{o.rush ? ` ${t("order.rush")}` : ""}
                </span>
              ))}
            </Space>
          )}
        </Space>
      )}
    />
  );
}
