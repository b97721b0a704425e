// The five indicators at a glance, each figure opening its rows; with a pivot, before → after.
import { Card, Col, Row, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DrillTarget } from "./drill";
import { FigureButton } from "./figure-button";
import { changeText, hours, percent } from "./format";
import type { Outcomes } from "./types";

function Comparison({ before, after, change }: { before: string; after: string; change?: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" className="comparison">
      {t("management.before")} {before} → {t("management.after")} {after}
      {change ? ` (${change})` : ""}
    </Typography.Text>
  );
}

export function Headlines({ outcomes, onDrill }: { outcomes: Outcomes; onDrill(target: DrillTarget): void }) {
  const { t } = useTranslation();
  const period = outcomes.period;
  const c = outcomes.comparison;
  const rules = outcomes.ruleExecution;
  const disagreements = outcomes.agreement.disagreements;
  return (
    <Row gutter={[12, 12]} className="headlines" data-testid="headlines">
      <Col xs={24} xl={8}>
        <Card size="small" title={t("management.indicators.dwell")} data-testid="indicator-dwell">
          {outcomes.dwell.stages.map((s) => (
            <div key={s.stage} className="headline-line">
              <span>{t(`management.stages.${s.stage}`)}</span>
              <span>
                {t("management.stats.median")}
                <FigureButton
                  onClick={() => onDrill({ kind: "dwell", stage: s.stage, ...period, label: t(`management.stages.${s.stage}`) })}
                  testId={`figure-dwell-${s.stage}`}
                >
                  {hours(s.medianHours)}
                </FigureButton>
              </span>
              {c && (
                <Comparison
                  before={hours(c.before.dwellMedianHours[s.stage])}
                  after={hours(c.after.dwellMedianHours[s.stage])}
                  change={changeText(c.changes.dwellMedianHours[s.stage]?.delta, "hours")}
                />
              )}
            </div>
          ))}
        </Card>
      </Col>
      <Col xs={12} lg={6} xl={4}>
        <Card size="small" title={t("management.indicators.onTime")} data-testid="indicator-onTime">
          <FigureButton strong onClick={() => onDrill({ kind: "onTime", ...period, label: t("management.indicators.onTime") })} testId="figure-onTime">
            {percent(outcomes.onTime.onTimeRate)}
          </FigureButton>
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">
              {t("management.onTime.promised")} {percent(outcomes.onTime.promised.rate)}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t("management.onTime.requested")} {percent(outcomes.onTime.requested.rate)}
            </Typography.Text>
            {c && (
              <Comparison before={percent(c.before.onTimeRate)} after={percent(c.after.onTimeRate)} change={changeText(c.changes.onTimeRate.delta, "rate")} />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={12} lg={6} xl={4}>
        <Card size="small" title={t("management.indicators.rules")} data-testid="indicator-rules">
          <FigureButton
            strong
            onClick={() => onDrill({ kind: "ruleFailures", failures: rules.rules.flatMap((r) => r.failures), label: t("management.rules.failures") })}
            testId="figure-rules"
          >
            {percent(rules.executionRate)}
          </FigureButton>
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">
              {t("management.rules.success")} {percent(rules.successRate)}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t("management.rules.should")} {rules.shouldHaveMatched} · {t("management.rules.matched")} {rules.matched}
            </Typography.Text>
            {c && (
              <Comparison
                before={percent(c.before.ruleExecutionRate)}
                after={percent(c.after.ruleExecutionRate)}
                change={changeText(c.changes.ruleExecutionRate.delta, "rate")}
              />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={12} lg={6} xl={4}>
        <Card size="small" title={t("management.indicators.autonomy")} data-testid="indicator-autonomy">
          <FigureButton strong onClick={() => onDrill({ kind: "autonomy", ...period, label: t("management.indicators.autonomy") })} testId="figure-autonomy">
            {percent(outcomes.autonomy.share)}
          </FigureButton>
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">
              {t("management.autonomy.business")} {outcomes.autonomy.business} · {t("management.autonomy.admin")} {outcomes.autonomy.admin}
            </Typography.Text>
            {c && (
              <Comparison
                before={percent(c.before.autonomyShare)}
                after={percent(c.after.autonomyShare)}
                change={changeText(c.changes.autonomyShare.delta, "rate")}
              />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={12} lg={6} xl={4}>
        <Card size="small" title={t("management.indicators.agreement")} data-testid="indicator-agreement">
          <FigureButton strong onClick={() => onDrill({ kind: "agreement", label: t("management.indicators.agreement") })} testId="figure-agreement">
            <span style={{ color: disagreements ? "#f5222d" : "#52c41a" }}>{disagreements}</span>
          </FigureButton>
          <Typography.Text type={disagreements ? "danger" : "success"}>{disagreements ? t("management.mustBeZero") : t("management.allAgree")}</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
