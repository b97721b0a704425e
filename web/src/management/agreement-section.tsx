// Status agreement: how many orders disagree with their own log, stock or delivery (must be 0), per
// cause, each cause opening its orders.
import { Card, Result, Table } from "antd";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../components/status-tag";
import { OrderLink } from "../orders/order-drawer";
import { FigureButton } from "./figure-button";
import type { SectionProps } from "./types";

export function AgreementSection({ outcomes, onDrill }: Pick<SectionProps, "outcomes" | "onDrill">) {
  const { t } = useTranslation();
  const a = outcomes.agreement;
  const causeName = (c: string) => t(`management.agreement.causes.${c}`, { defaultValue: c });
  const causes = Object.entries(a.byCause).map(([cause, count]) => ({ cause, count }));
  return (
    <Card size="small" title={t("management.indicators.agreement")} data-testid="section-agreement">
      <Result
        status={a.disagreements ? "error" : "success"}
        title={
          <span data-testid="disagreements">
            {t("management.agreement.count")}: {a.disagreements}
          </span>
        }
        subTitle={a.disagreements ? t("management.mustBeZero") : t("management.allAgree")}
        style={{ padding: "8px 0" }}
      />
      <Table
        rowKey="cause"
        size="small"
        pagination={false}
        dataSource={causes}
        data-testid="agreement-causes"
        columns={[
          { title: t("management.agreement.cause"), dataIndex: "cause", render: causeName },
          {
            title: t("management.agreement.count"),
            dataIndex: "count",
            align: "right",
            width: 110,
            render: (n: number, c) =>
              n ? <FigureButton onClick={() => onDrill({ kind: "agreement", cause: c.cause, label: causeName(c.cause) })}>{n}</FigureButton> : 0,
          },
        ]}
      />
      {a.examples.length > 0 && (
        <Table
          rowKey={(d) => `${d.orderNo}|${d.cause}`}
          size="small"
          style={{ marginTop: 12 }}
          pagination={{ pageSize: 5, size: "small", hideOnSinglePage: true }}
          dataSource={a.examples}
          data-testid="agreement-examples"
          columns={[
            { title: t("management.drill.orderNo"), dataIndex: "orderNo", render: (no: string) => <OrderLink orderNo={no} /> },
            { title: t("management.dwell.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
            { title: t("management.agreement.cause"), dataIndex: "cause", render: causeName },
            { title: t("management.agreement.detail"), dataIndex: "detail", ellipsis: true },
          ]}
        />
      )}
    </Card>
  );
}
