// Rule execution rate: should have fired vs fired vs succeeded, overall, per week or month against the
// industry's and the seed plant's rates, and per rule, with the failing cases behind each count.
import { Card, Descriptions, Empty, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import ReactECharts from "echarts-for-react";
import { useTranslation } from "react-i18next";
import { FigureButton } from "./figure-button";
import { percent } from "./format";
import { SEED_RULE_EXECUTION } from "./reference";
import { TrendChart } from "./trend-chart";
import type { RuleRate, SectionProps } from "./types";

export function RulesSection({ outcomes, trends, pivotBucket, onDrill }: SectionProps) {
  const { t } = useTranslation();
  const r = outcomes.ruleExecution;
  const m = (key: string) => t(`management.rules.${key}`);
  const columns: ColumnsType<RuleRate> = [
    { title: m("rule"), dataIndex: "name", ellipsis: true },
    { title: m("should"), dataIndex: "shouldHaveMatched", align: "right", width: 100 },
    { title: m("matched"), dataIndex: "matched", align: "right", width: 72 },
    { title: m("execution"), dataIndex: "executionRate", align: "right", width: 96, render: percent },
    { title: m("success"), dataIndex: "successRate", align: "right", width: 80, render: percent },
    {
      title: m("failed"),
      dataIndex: "failed",
      align: "right",
      width: 64,
      render: (n: number, rule) =>
        n ? (
          <FigureButton
            onClick={() => onDrill({ kind: "ruleFailures", failures: rule.failures, label: `${m("failures")} · ${rule.name}` })}
            testId={`rule-failed-${rule.ruleId}`}
          >
            {n}
          </FigureButton>
        ) : (
          0
        ),
    },
  ];
  const rules = r.rules.filter((x) => x.shouldHaveMatched || x.matched);
  const points = trends?.ruleExecution ?? [];
  return (
    <Card size="small" title={t("management.indicators.rules")} data-testid="section-rules">
      <Descriptions size="small" column={{ xs: 2, sm: 3, xxl: 5 }}>
        <Descriptions.Item label={m("evaluations")}>{r.evaluations}</Descriptions.Item>
        <Descriptions.Item label={m("should")}>{r.shouldHaveMatched}</Descriptions.Item>
        <Descriptions.Item label={m("matched")}>{r.matched}</Descriptions.Item>
        <Descriptions.Item label={m("execution")}>{percent(r.executionRate)}</Descriptions.Item>
        <Descriptions.Item label={m("success")}>{percent(r.successRate)}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{m("trendHint")}</Typography.Text>
      <TrendChart
        testId="trend-rules"
        percent
        buckets={points.map((p) => p.bucket)}
        series={[
          { name: m("execution"), data: points.map((p) => p.executionRate) },
          { name: m("success"), data: points.map((p) => p.successRate) },
        ]}
        pivotBucket={pivotBucket}
        pivotLabel={t("management.after")}
        // The seed's line labelled at the right end: the left one is where a go-live pivot tends to fall.
        references={[
          { label: t("management.referenceAfter", { value: percent(SEED_RULE_EXECUTION.after) }), value: SEED_RULE_EXECUTION.after },
          { label: t("management.referenceIndustry", { value: percent(SEED_RULE_EXECUTION.industry) }), value: SEED_RULE_EXECUTION.industry },
        ]}
      />
      {rules.length ? (
        <div data-testid="chart-rules">
          <ReactECharts
            style={{ height: Math.max(120, rules.length * 36 + 50) }}
            opts={{ renderer: "svg" }}
            notMerge
            option={{
              animation: false,
              grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
              legend: { top: 0 },
              tooltip: { trigger: "axis", valueFormatter: (v: number | null) => percent(v) },
              xAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: (v: number) => percent(v) } },
              yAxis: { type: "category", data: rules.map((x) => x.name), axisLabel: { width: 140, overflow: "truncate" } },
              series: [
                { type: "bar", name: m("execution"), data: rules.map((x) => x.executionRate) },
                { type: "bar", name: m("success"), data: rules.map((x) => x.successRate) },
              ],
            }}
          />
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("management.noData")} />
      )}
      <Table
        rowKey="ruleId"
        size="small"
        columns={columns}
        dataSource={r.rules}
        pagination={{ pageSize: 6, size: "small", hideOnSinglePage: true }}
        data-testid="rules-table"
      />
    </Card>
  );
}
