// Work-centre load over the horizon: a heat map of load against each centre's load limit per day
// (days without capacity stay blank), the centres with the highest peak on top.
import { Card } from "antd";
import ReactECharts from "echarts-for-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LoadChart } from "../api/plan-types";

type Row = { label: string; loadHours: number[]; limitHours: number[] };

export function LoadChartCard({ load, extra }: { load?: LoadChart; extra?: ReactNode }) {
  const { t } = useTranslation();
  const dates = load?.dates ?? [];
  const rows: Row[] = [
    ...(load?.series ?? []).map((s) => ({ label: s.name, loadHours: s.loadHours, limitHours: s.limitHours })),
    ...(load?.others ? [{ label: t("plan.otherCentres", { count: load.others.count }), ...load.others }] : []),
  ].reverse(); // the busiest at the top of the y axis
  const cells = rows.flatMap((r, y) =>
    dates.map((_, x) => ({
      value: [x, y, r.limitHours[x] > 0 ? Math.round((r.loadHours[x] / r.limitHours[x]) * 100) : "-"],
      hours: `${r.loadHours[x]} / ${r.limitHours[x]} h`,
    })),
  );
  return (
    <Card title={t("planner.load")} size="small" extra={extra} data-testid="load-chart">
      <ReactECharts
        style={{ height: Math.max(200, 60 + rows.length * 24) }}
        notMerge
        option={{
          animation: false,
          grid: { left: 8, right: 16, top: 8, bottom: 44, containLabel: true },
          tooltip: {
            formatter: (p: { value: [number, number, number | string]; data: { hours: string } }) =>
              `${rows[p.value[1]]?.label}<br/>${dates[p.value[0]]}: ${p.value[2] === "-" ? t("plan.closed") : `${p.value[2]}%`} (${p.data.hours})`,
          },
          xAxis: { type: "category", data: dates.map((d) => d.slice(5)), axisLabel: { fontSize: 10 }, splitArea: { show: true } },
          yAxis: { type: "category", data: rows.map((r) => r.label), axisLabel: { fontSize: 11, width: 110, overflow: "truncate" } },
          visualMap: {
            min: 0,
            max: 100,
            calculable: false,
            orient: "horizontal",
            left: "center",
            bottom: 0,
            itemHeight: 120,
            itemWidth: 10,
            text: [t("plan.full"), "0%"],
            textStyle: { fontSize: 10 },
            inRange: { color: ["#f6ffed", "#b7eb8f", "#fadb14", "#fa8c16", "#f5222d"] },
          },
          series: [{ type: "heatmap", name: t("planner.load"), data: cells, label: { show: false }, itemStyle: { borderColor: "#fff", borderWidth: 1 } }],
        }}
      />
    </Card>
  );
}
