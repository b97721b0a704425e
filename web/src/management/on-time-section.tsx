// On-time delivery: by due, promised and requested date, its trend, and each customer (worst first).
import { Card, Col, Row, Statistic, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { FigureButton } from "./figure-button";
import { percent } from "./format";
import { bucketDays } from "./period";
import { TrendChart } from "./trend-chart";
import type { Outcomes, SectionProps } from "./types";

type CustomerRow = Outcomes["onTime"]["byCustomer"][number];

export function OnTimeSection({ outcomes, trends, pivotBucket, onDrill }: SectionProps) {
  const { t } = useTranslation();
  const { period, onTime: f } = outcomes;
  const label = t("management.indicators.onTime");
  const customers = [...f.byCustomer].sort((a, b) => (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) || b.delivered - a.delivered);
  const columns: ColumnsType<CustomerRow> = [
    { title: t("management.onTime.customer"), dataIndex: "customer", ellipsis: true, render: (code: string, c) => <span title={code}>{c.name ?? code}</span> },
    { title: t("management.onTime.delivered"), dataIndex: "delivered", align: "right", width: 96 },
    {
      title: t("management.onTime.overall"),
      dataIndex: "onTimeRate",
      align: "right",
      width: 110,
      render: (r: number | null, c) => (
        <FigureButton onClick={() => onDrill({ kind: "onTime", ...period, customer: c.customer, label: `${label} · ${c.name ?? c.customer}` })}>
          {percent(r)}
        </FigureButton>
      ),
    },
    {
      title: t("management.onTime.late"),
      key: "late",
      align: "right",
      width: 72,
      render: (_, c) => (
        <FigureButton
          onClick={() =>
            onDrill({ kind: "onTime", ...period, customer: c.customer, late: true, label: `${t("management.onTime.late")} · ${c.name ?? c.customer}` })
          }
        >
          {c.withDueDate - c.onTime}
        </FigureButton>
      ),
    },
  ];
  const points = trends?.onTime ?? [];
  return (
    <Card size="small" title={label} data-testid="section-onTime">
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Statistic title={t("management.onTime.overall")} value={percent(f.onTimeRate)} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t("management.onTime.promised")} value={percent(f.promised.rate)} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t("management.onTime.reconfirmed")} value={percent(f.reconfirmed?.rate ?? null)} data-testid="on-time-reconfirmed" />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t("management.onTime.requested")} value={percent(f.requested.rate)} />
        </Col>
      </Row>
      <TrendChart
        testId="trend-onTime"
        percent
        buckets={points.map((p) => p.bucket)}
        series={[
          { name: t("management.onTime.overall"), data: points.map((p) => p.onTimeRate) },
          { name: t("management.onTime.promised"), data: points.map((p) => p.promised.rate) },
          { name: t("management.onTime.requested"), data: points.map((p) => p.requested.rate) },
        ]}
        pivotBucket={pivotBucket}
        pivotLabel={t("management.after")}
        onPoint={(bucket) => onDrill({ kind: "onTime", ...bucketDays(bucket, period), label: `${label} · ${bucket}` })}
      />
      <Table
        rowKey="customer"
        size="small"
        columns={columns}
        dataSource={customers}
        pagination={{ pageSize: 5, size: "small", showSizeChanger: false }}
        data-testid="on-time-customers"
      />
    </Card>
  );
}
