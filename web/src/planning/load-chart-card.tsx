// Work-centre load over the horizon: hours a day per centre (stacked) against the plant's load limit.
import { Card } from "antd";
import ReactECharts from "echarts-for-react";
import { useTranslation } from "react-i18next";
import type { LoadChart } from "../api/plan-types";

export function LoadChartCard({ load, extra }: { load?: LoadChart; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const dates = load?.dates ?? [];
  const bars = [
    ...(load?.series ?? []).map((s) => ({ name: `${s.name}`, data: s.loadHours })),
    ...(load?.others ? [{ name: t("plan.otherCentres", { count: load.others.count }), data: load.others.loadHours }] : []),
  ];
  return (
    <Card title={t("planner.load")} size="small" extra={extra} data-testid="load-chart">
      <ReactECharts
        style={{ height: 260 }}
        notMerge
        option={{
          animation: false,
          grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
          legend: { type: "scroll", top: 0, textStyle: { fontSize: 11 } },
          tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: dates.map((d) => d.slice(5)), axisLabel: { fontSize: 10 } },
          yAxis: { type: "value", name: t("plan.hours"), nameTextStyle: { fontSize: 10, align: "left" } },
          series: [
            ...bars.map((b) => ({ type: "bar", stack: "load", name: b.name, data: b.data, barMaxWidth: 18 })),
            {
              type: "line",
              name: t("plan.limit"),
              data: load?.total.limitHours ?? [],
              step: "middle",
              symbol: "none",
              lineStyle: { color: "#f5222d", type: "dashed" },
              itemStyle: { color: "#f5222d" },
            },
          ],
        }}
      />
    </Card>
  );
}
