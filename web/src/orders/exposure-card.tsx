// The customer's credit exposure beside hold and release: limit, receivables, other open orders, this one.
import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { OrderAction } from "../api/types";

const yuan = (s: string) =>
  `${Number(s) < 0 ? "-" : ""}¥${Math.abs(Number(s)).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function ExposureCard({ exposure }: { exposure: NonNullable<OrderAction["exposure"]> }) {
  const { t } = useTranslation();
  const over = Number(exposure.headroom) < 0;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      title={<Typography.Text strong>{t("actions.exposure", { customer: exposure.customerName })}</Typography.Text>}
      data-testid="credit-exposure"
      items={[
        { key: "limit", label: t("actions.creditLimit"), children: yuan(exposure.creditLimit) },
        { key: "recv", label: t("actions.openReceivables"), children: yuan(exposure.openReceivables) },
        ...(exposure.unbilled !== undefined ? [{ key: "unbilled", label: t("actions.unbilled"), children: yuan(exposure.unbilled) }] : []),
        { key: "open", label: t("actions.openOrders", { count: exposure.openOrderCount }), children: yuan(exposure.openOrders) },
        { key: "this", label: t("actions.thisOrder"), children: yuan(exposure.thisOrder) },
        {
          key: "head",
          label: t("actions.headroom"),
          children: (
            <Typography.Text type={over ? "danger" : "success"} strong data-testid="credit-headroom">
              {yuan(exposure.headroom)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
