// The working calendar over the horizon: holidays, 调休 working weekends, shutdowns and maintenance.
import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CalendarHighlight } from "../api/plan-types";
import { ListCard } from "../components/list-card";

const COLOUR: Record<CalendarHighlight["reason"], string> = {
  holiday: "red",
  shutdown: "volcano",
  adjusted_workday: "blue",
  extra_working: "geekblue",
  workday: "default",
  weekend: "default",
};

export function CalendarCard({ calendar }: { calendar?: { days: CalendarHighlight[]; provisionalYears: number[]; workingDays: number } }) {
  const { t } = useTranslation();
  return (
    <ListCard
      title={t("plan.calendar")}
      testId="calendar"
      maxHeight={300}
      extra={calendar && <Typography.Text type="secondary">{t("plan.workingDays", { count: calendar.workingDays })}</Typography.Text>}
      items={calendar?.days}
      empty={t("plan.ordinaryWeeks")}
      renderItem={(d) => (
        <Space wrap size={4}>
          <Typography.Text className="nowrap">{d.date}</Typography.Text>
          {d.reason !== "workday" && d.reason !== "weekend" && <Tag color={COLOUR[d.reason]}>{t(`plan.day.${d.reason}`)}</Tag>}
          {d.note && <Typography.Text>{d.note}</Typography.Text>}
          {d.provisional && <Tag>{t("plan.provisional")}</Tag>}
          {d.maintenance.map((m) => (
            <Tag key={`${m.workCentre}-${m.reason}`} color="purple" style={{ whiteSpace: "normal" }}>
              {t("plan.maintenance", { code: m.workCentre, hours: m.hours, reason: m.reason })}
            </Tag>
          ))}
        </Space>
      )}
    />
  );
}
