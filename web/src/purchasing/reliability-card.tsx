// Each supplier's reliability from its history: share of lines received by the confirmed date, mean delay.
import { Progress } from "antd";
import { useTranslation } from "react-i18next";
import { TableCard } from "../components/table-card";
import type { Supplier } from "./types";

export function ReliabilityCard({ suppliers }: { suppliers?: Supplier[] }) {
  const { t } = useTranslation();
  const rows = [...(suppliers ?? [])].sort((a, b) => (a.reliability.onTimeRate ?? 2) - (b.reliability.onTimeRate ?? 2));
  return (
    <TableCard
      title={t("purchasing.reliability")}
      testId="reliability"
      rowKey="code"
      rows={rows}
      pageSize={6}
      columns={[
        { title: t("purchasing.supplier"), dataIndex: "name", ellipsis: true },
        {
          title: t("purchasing.onTime"),
          width: 150,
          render: (_, s) =>
            s.reliability.onTimeRate === null ? (
              "—"
            ) : (
              <Progress
                percent={Math.round(s.reliability.onTimeRate * 100)}
                size="small"
                strokeColor={s.reliability.onTimeRate >= 0.9 ? "#52c41a" : s.reliability.onTimeRate >= 0.75 ? "#faad14" : "#f5222d"}
              />
            ),
        },
        {
          title: t("purchasing.meanDelay"),
          width: 96,
          render: (_, s) => (s.reliability.meanDelayDays === null ? "—" : t("purchasing.days", { count: s.reliability.meanDelayDays })),
        },
        { title: t("purchasing.openLines"), dataIndex: "openLines", width: 72, align: "right" },
      ]}
    />
  );
}
