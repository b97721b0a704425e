// A plain bar chart (ECharts) with its value on each bar: counts per stage, scores per customer.
import ReactECharts from "echarts-for-react";

export function BarChart({
  categories,
  values,
  colours,
  horizontal = false,
  height = 220,
  max,
  name,
}: {
  categories: string[];
  values: number[];
  /** One colour per bar; the theme's blue without. */
  colours?: string[];
  horizontal?: boolean;
  height?: number;
  max?: number;
  name?: string;
}) {
  const category = { type: "category", data: categories, axisLabel: horizontal ? { width: 150, overflow: "truncate" } : { interval: 0, fontSize: 11 } };
  const value = { type: "value", minInterval: 1, max };
  return (
    <ReactECharts
      style={{ height }}
      option={{
        animation: false,
        grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? category : value,
        tooltip: { trigger: "axis" },
        series: [
          {
            type: "bar",
            name,
            data: values.map((v, i) => ({ value: v, itemStyle: { color: colours?.[i] ?? "#1677ff" } })),
            label: { show: true, position: horizontal ? "right" : "top", color: "#333" },
          },
        ],
      }}
    />
  );
}
