// Status agreement: how many orders disagree with their own log, stock or delivery (must be 0), per
// cause, each cause opening its orders; and per week or month of creation, the share of those orders
// that agree now (the check is of the current state: the trend says where the disagreeing orders came from).
import { Card, Result, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../components/status-tag";
import { OrderLink } from "../orders/order-drawer";
import { FigureButton } from "./figure-button";
import { bucketDays } from "./period";
import { TrendChart } from "./trend-chart";
import type { SectionProps } from "./types";

export function AgreementSection({ outcomes, trends, pivotBucket, onDrill }: SectionProps) {
  const { t } = useTranslation();
  const a = outcomes.agreement;
  const causeName = (c: string) => t(`management.agreement.causes.${c}`, { defaultValue: c });
  const causes = Object.entries(a.byCause).map(([cause, count]) => ({ cause, count }));
  const points = trends?.agreement ?? [];
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
      <Typography.Text type="secondary">{t("management.agreement.trendHint")}</Typography.Text>
      <TrendChart
        testId="trend-agreement"
        percent
        buckets={points.map((p) => p.bucket)}
        series={[{ name: t("management.agreement.rate"), data: points.map((p) => p.agreementRate) }]}
        pivotBucket={pivotBucket}
        pivotLabel={t("management.after")}
        onPoint={(bucket) => onDrill({ kind: "agreement", ...bucketDays(bucket, outcomes.period), label: `${t("management.agreement.count")} · ${bucket}` })}
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
