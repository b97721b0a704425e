// One ECharts line chart of a figure per week or month: the pivot as a vertical line, reference values
// as dashed horizontal lines, and a click on a point opens the rows behind that bucket.
import ReactECharts from "echarts-for-react";

export interface TrendSeries {
  name: string;
  data: (number | null)[];
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

export function TrendChart(props: {
  buckets: string[];
  series: TrendSeries[];
  percent?: boolean;
  pivotBucket?: string;
  pivotLabel?: string;
  references?: { label: string; value: number }[];
  onPoint?(bucket: string): void;
  testId: string;
  height?: number;
}) {
  const format = (v: number) => (props.percent ? pct(v) : String(v));
  const marks = [
    ...(props.pivotBucket && props.buckets.includes(props.pivotBucket)
      ? [{ xAxis: props.pivotBucket, label: { formatter: props.pivotLabel ?? "", position: "end" }, lineStyle: { color: "#fa541c", type: "solid" } }]
      : []),
    // Two references close together (0.8 h and 0.3 h) must not print over each other: one label at each end.
    ...(props.references ?? []).map((r, i) => ({
      yAxis: r.value,
      label: { formatter: r.label, position: i % 2 ? "insideStartTop" : "insideEndTop" },
      lineStyle: { color: "#8c8c8c" },
    })),
  ];
  return (
    <div data-testid={props.testId} data-points={props.series.reduce((n, s) => n + s.data.filter((v) => v !== null).length, 0)}>
      <ReactECharts
        style={{ height: props.height ?? 240 }}
        opts={{ renderer: "svg" }}
        notMerge
        onEvents={{ click: (e: { name?: string }) => e.name && props.onPoint?.(e.name) }}
        option={{
          animation: false,
          grid: { left: 8, right: 24, top: 52, bottom: 8, containLabel: true },
          legend: { top: 0, type: "scroll" },
          tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null || v === undefined ? "—" : format(v)) },
          xAxis: { type: "category", data: props.buckets, boundaryGap: false },
          yAxis: { type: "value", axisLabel: { formatter: format }, ...(props.percent ? { min: 0, max: 1 } : {}) },
          series: props.series.map((s, i) => ({
            type: "line",
            name: s.name,
            data: s.data,
            connectNulls: true,
            symbolSize: 7,
            cursor: props.onPoint ? "pointer" : "default",
            ...(i === 0 && marks.length ? { markLine: { symbol: "none", silent: true, lineStyle: { type: "dashed" }, data: marks } } : {}),
          })),
        }}
      />
    </div>
  );
}
