// Data autonomy: the business's share of master-data changes, its trend against the industry's 38%,
// and the share per table and month.
import { Card, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { FigureButton } from "./figure-button";
import { percent } from "./format";
import { bucketDays } from "./period";
import { SEED_AUTONOMY } from "./reference";
import { TrendChart } from "./trend-chart";
import type { AutonomyFigures, SectionProps } from "./types";

type EntityRow = { entity: string } & AutonomyFigures & { months: Record<string, AutonomyFigures> };

export function AutonomySection({ outcomes, trends, pivotBucket, onDrill }: SectionProps) {
  const { t } = useTranslation();
  const { period, autonomy: a } = outcomes;
  const label = t("management.indicators.autonomy");
  const entityName = (e: string) => t(`management.autonomy.entities.${e}`, { defaultValue: e });
  const months = [...new Set(a.byEntityMonth.map((r) => r.month))].sort();
  const rows: EntityRow[] = a.byEntity.map((e) => ({
    ...e,
    months: Object.fromEntries(a.byEntityMonth.filter((r) => r.entity === e.entity).map((r) => [r.month, r])),
  }));
  const columns: ColumnsType<EntityRow> = [
    { title: t("management.autonomy.entity"), dataIndex: "entity", fixed: "left", width: 130, render: entityName },
    {
      title: t("management.autonomy.share"),
      dataIndex: "share",
      align: "right",
      width: 130,
      fixed: "left",
      render: (s: number | null, r) => (
        <FigureButton onClick={() => onDrill({ kind: "autonomy", ...period, entity: r.entity, label: `${label} · ${entityName(r.entity)}` })}>
          {percent(s)}
        </FigureButton>
      ),
    },
    ...months.map((m) => ({
      title: m,
      key: m,
      align: "right" as const,
      width: 76,
      render: (_: unknown, r: EntityRow) =>
        r.months[m] ? (
          <FigureButton onClick={() => onDrill({ kind: "autonomy", ...bucketDays(m, period), entity: r.entity, label: `${entityName(r.entity)} · ${m}` })}>
            {percent(r.months[m].share)}
          </FigureButton>
        ) : (
          "—"
        ),
    })),
  ];
  const points = trends?.autonomy ?? [];
  return (
    <Card size="small" title={label} data-testid="section-autonomy">
      <Typography.Text type="secondary">
        {t("management.autonomy.business")} {a.business} · {t("management.autonomy.admin")} {a.admin} · {t("management.autonomy.automated")} {a.automated}
      </Typography.Text>
      <TrendChart
        testId="trend-autonomy"
        percent
        buckets={points.map((p) => p.bucket)}
        series={[{ name: t("management.autonomy.share"), data: points.map((p) => p.share) }]}
        pivotBucket={pivotBucket}
        pivotLabel={t("management.after")}
        references={[
          { label: t("management.referenceBefore", { value: percent(SEED_AUTONOMY.before) }), value: SEED_AUTONOMY.before },
          { label: t("management.referenceAfter", { value: percent(SEED_AUTONOMY.after) }), value: SEED_AUTONOMY.after },
        ]}
        onPoint={(bucket) => onDrill({ kind: "autonomy", ...bucketDays(bucket, period), label: `${label} · ${bucket}` })}
      />
      <Typography.Text strong>{t("management.autonomy.byEntityMonth")}</Typography.Text>
      <Table
        rowKey="entity"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 260 + months.length * 76 }}
        data-testid="autonomy-table"
      />
    </Card>
  );
}
