// Stage dwell times: mean, median and p90 per stage against the seed plant's figures, a trend per
// stage with the pivot, and the orders waiting longest now.
import { Card, Col, Row, Segmented, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../components/status-tag";
import { OrderLink } from "../orders/order-drawer";
import { FigureButton } from "./figure-button";
import { hours } from "./format";
import { bucketDays } from "./period";
import { SEED_DWELL_HOURS } from "./reference";
import { TrendChart } from "./trend-chart";
import type { SectionProps, StageFigure } from "./types";

export function DwellSection(props: SectionProps) {
  const { t } = useTranslation();
  const { outcomes, trends, onDrill } = props;
  const period = outcomes.period;
  const [stage, setStage] = useState(outcomes.dwell.stages[0]?.stage ?? "sales_acceptance");
  const stageName = (key: string) => t(`management.stages.${key}`, { defaultValue: key });
  const drillStage = (s: StageFigure) => () => onDrill({ kind: "dwell", stage: s.stage, ...period, label: stageName(s.stage) });
  const figure = (key: "meanHours" | "medianHours" | "p90Hours") => (h: number | null, s: StageFigure) => (
    <FigureButton onClick={drillStage(s)} testId={`dwell-${s.stage}-${key}`}>
      {hours(h)}
    </FigureButton>
  );
  const columns: ColumnsType<StageFigure> = [
    { title: t("management.dwell.stage"), dataIndex: "stage", render: (key: string) => stageName(key) },
    { title: t("management.stats.count"), dataIndex: "count", align: "right" },
    { title: t("management.stats.mean"), dataIndex: "meanHours", align: "right", render: figure("meanHours") },
    { title: t("management.stats.median"), dataIndex: "medianHours", align: "right", render: figure("medianHours") },
    { title: t("management.stats.p90"), dataIndex: "p90Hours", align: "right", render: figure("p90Hours") },
    {
      title: t("management.reference"),
      dataIndex: "stage",
      key: "reference",
      render: (key: string) =>
        SEED_DWELL_HOURS[key] ? <span className="nowrap">{`${SEED_DWELL_HOURS[key].before} h → ${SEED_DWELL_HOURS[key].after} h`}</span> : "—",
    },
  ];
  const points = trends?.dwell.find((d) => d.key === stage)?.points ?? [];
  const seed = SEED_DWELL_HOURS[stage];
  const stuck = outcomes.dwell.stuck.map((s) => ({ ...s, top: s.orders[0] }));
  return (
    <Card size="small" title={t("management.indicators.dwell")} data-testid="section-dwell">
      <Row gutter={[16, 12]}>
        <Col xs={24} xl={12}>
          <Table rowKey="stage" size="small" pagination={false} columns={columns} dataSource={outcomes.dwell.stages} data-testid="dwell-table" />
          <Table
            rowKey="status"
            size="small"
            style={{ marginTop: 12 }}
            pagination={false}
            dataSource={stuck}
            data-testid="stuck-table"
            columns={[
              { title: t("management.dwell.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
              {
                title: t("management.dwell.stuck"),
                key: "top",
                render: (_, s) => s.top && <OrderLink orderNo={s.top.orderNo} />,
              },
              {
                title: t("management.dwell.waited"),
                key: "hours",
                align: "right",
                render: (_, s) => (
                  <FigureButton
                    onClick={() => onDrill({ kind: "stuck", status: s.status, label: `${t("management.dwell.stuck")} · ${t(`status.${s.status}`)}` })}
                  >
                    {s.top ? s.top.hours : "—"}
                  </FigureButton>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Segmented
            size="small"
            value={stage}
            onChange={(v) => setStage(String(v))}
            options={outcomes.dwell.stages.map((s) => ({ value: s.stage, label: stageName(s.stage) }))}
            data-testid="dwell-stage-picker"
          />
          <TrendChart
            testId="trend-dwell"
            height={300}
            buckets={points.map((p) => p.bucket)}
            series={[
              { name: t("management.stats.mean"), data: points.map((p) => p.meanHours) },
              { name: t("management.stats.median"), data: points.map((p) => p.medianHours) },
              { name: t("management.stats.p90"), data: points.map((p) => p.p90Hours) },
            ]}
            pivotBucket={props.pivotBucket}
            pivotLabel={t("management.after")}
            references={
              seed
                ? [
                    { label: t("management.referenceBefore", { value: `${seed.before} h` }), value: seed.before },
                    { label: t("management.referenceAfter", { value: `${seed.after} h` }), value: seed.after },
                  ]
                : []
            }
            onPoint={(bucket) => onDrill({ kind: "dwell", stage, ...bucketDays(bucket, period), label: `${stageName(stage)} · ${bucket}` })}
          />
        </Col>
      </Row>
    </Card>
  );
}
