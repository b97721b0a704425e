// Period (from/to), the before/after pivot date and weekly/monthly trends; the figures' Excel export.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Segmented, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { View } from "./period";

const DAY = "YYYY-MM-DD";

export function ViewBar({ view, onChange, onExport, exporting }: { view: View; onChange(view: View): void; onExport?(): void; exporting: boolean }) {
  const { t } = useTranslation();
  const pivotOutside = (d: Dayjs) => d.format(DAY) <= view.from || d.format(DAY) > view.to;
  return (
    <Card size="small" className="view-bar">
      <Space wrap size="middle">
        <Space size="small">
          <Typography.Text>{t("management.period")}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(view.from), dayjs(view.to)]}
            onChange={(range) => {
              if (!range?.[0] || !range[1]) return;
              const from = range[0].format(DAY);
              const to = range[1].format(DAY);
              onChange({ ...view, from, to, pivot: view.pivot && view.pivot > from && view.pivot <= to ? view.pivot : undefined });
            }}
            data-testid="period-picker"
          />
        </Space>
        <Space size="small">
          <Typography.Text>{t("management.pivot")}</Typography.Text>
          <DatePicker
            value={view.pivot ? dayjs(view.pivot) : null}
            placeholder={t("management.pivotNone")}
            disabledDate={pivotOutside}
            onChange={(d) => onChange({ ...view, pivot: d ? d.format(DAY) : undefined })}
            data-testid="pivot-picker"
          />
        </Space>
        <Segmented
          value={view.by}
          onChange={(by) => onChange({ ...view, by: by as View["by"] })}
          options={[
            { value: "week", label: t("management.by.week") },
            { value: "month", label: t("management.by.month") },
          ]}
          data-testid="by-picker"
        />
        <Button icon={<DownloadOutlined />} onClick={onExport} disabled={!onExport} loading={exporting} data-testid="export-figures">
          {t("management.export")}
        </Button>
      </Space>
    </Card>
  );
}
