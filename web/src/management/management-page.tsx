// The management page: the five outcome indicators of a period, their trends (before/after a pivot
// date), the rows behind every figure, and the figures as an Excel workbook. State lives in the URL.
import { App, Col, Row, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import { useLiveData } from "../api/use-live-data";
import { BoardPage } from "../components/board-page";
import { exportSheets } from "../orders/export-excel";
import { AgreementSection } from "./agreement-section";
import { AutonomySection } from "./autonomy-section";
import { type DrillTarget, query } from "./drill";
import { DrillDrawer } from "./drill-drawer";
import { DwellSection } from "./dwell-section";
import { figureSheets } from "./export-figures";
import { Headlines } from "./headlines";
import { OnTimeSection } from "./on-time-section";
import { bucketOf, paramsOf, type View, viewOf } from "./period";
import { RulesSection } from "./rules-section";
import "./management.css";
import type { Outcomes, Trends } from "./types";
import { ViewBar } from "./view-bar";

// The figures are computed over the whole period on each read: reload on request, not on every change.
const never = () => false;

export function ManagementPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const goLive = useLiveData(() => api<Reply<"GET /api/settings/go-live">>("GET", "/api/settings/go-live"), [], never);
  const goLiveOn = goLive.data?.goLiveOn;
  const view = viewOf(params, new Date(), goLiveOn);
  const setView = (next: View) => setParams(paramsOf(next, goLiveOn), { replace: true });
  const outcomes = useLiveData(
    () => api<Outcomes>("GET", `/api/metrics/outcomes?${query({ from: view.from, to: view.to, pivot: view.pivot })}`),
    [view.from, view.to, view.pivot],
    never,
  );
  const trends = useLiveData(
    () => api<Trends>("GET", `/api/metrics/outcomes/trends?${query({ from: view.from, to: view.to, by: view.by })}`),
    [view.from, view.to, view.by],
    never,
  );
  const [drill, setDrill] = useState<DrillTarget>();
  const [exporting, setExporting] = useState(false);
  const o = outcomes.data;
  // A reply for an older view stays on screen while the new one loads; its pivot must not be drawn on the new axis.
  const pivotBucket = view.pivot && trends.data?.by === view.by ? bucketOf(view.pivot, view.by) : undefined;

  const exportFigures = async () => {
    if (!o) return;
    setExporting(true);
    try {
      const sheets = figureSheets(t, o, trends.data);
      await exportSheets(`outcomes-${o.period.from}-${o.period.to}.xlsx`, sheets);
      message.success(t("management.exported", { count: sheets.length }));
    } finally {
      setExporting(false);
    }
  };
  const reload = () => {
    void outcomes.reload();
    void trends.reload();
  };
  const section = { trends: trends.data, pivotBucket, onDrill: setDrill };
  return (
    <BoardPage
      title={t("management.title")}
      updatedAt={outcomes.updatedAt}
      loading={outcomes.loading || trends.loading}
      error={outcomes.error ?? trends.error}
      onRefresh={reload}
      testId="management"
    >
      <div className="management">
        <Typography.Paragraph type="secondary">{t("management.subtitle")}</Typography.Paragraph>
        <ViewBar view={view} onChange={setView} onExport={o ? () => void exportFigures() : undefined} exporting={exporting} />
        {o && (
          <>
            <Headlines outcomes={o} onDrill={setDrill} />
            <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
              <Col span={24}>
                <DwellSection outcomes={o} {...section} />
              </Col>
              <Col xs={24} xl={12}>
                <OnTimeSection outcomes={o} {...section} />
              </Col>
              <Col xs={24} xl={12}>
                <AutonomySection outcomes={o} {...section} />
              </Col>
              <Col xs={24} xl={12}>
                <RulesSection outcomes={o} {...section} />
              </Col>
              <Col xs={24} xl={12}>
                <AgreementSection outcomes={o} {...section} />
              </Col>
            </Row>
          </>
        )}
      </div>
      {drill && <DrillDrawer target={drill} onClose={() => setDrill(undefined)} />}
    </BoardPage>
  );
}
