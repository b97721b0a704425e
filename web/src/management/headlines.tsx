// The five indicators at a glance, each figure opening its rows; with a pivot, before → after.
import { Card, Col, Row, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DrillTarget } from "./drill";
import { FigureButton } from "./figure-button";
import { changeText, hours, percent } from "./format";
import type { Outcomes } from "./types";

type RateKey = "onTimeRate" | "ruleExecutionRate" | "autonomyShare";

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
  const note = (text: string) => (
    <Typography.Text key={text} type="secondary">
      {text}
    </Typography.Text>
  );
  const m = (key: string) => t(`management.${key}`);
  const cards: { key: string; figure: ReactNode; drill: DrillTarget; lines: ReactNode[]; rate?: RateKey }[] = [
    {
      key: "onTime",
      figure: percent(outcomes.onTime.onTimeRate),
      drill: { kind: "onTime", ...period, label: m("indicators.onTime") },
      lines: [
        note(`${m("onTime.promised")} ${percent(outcomes.onTime.promised.rate)}`),
        note(`${m("onTime.requested")} ${percent(outcomes.onTime.requested.rate)}`),
      ],
      rate: "onTimeRate",
    },
    {
      key: "rules",
      figure: percent(rules.executionRate),
      drill: { kind: "ruleFailures", failures: rules.rules.flatMap((r) => r.failures), label: m("rules.failures") },
      lines: [
        note(`${m("rules.success")} ${percent(rules.successRate)}`),
        note(`${m("rules.should")} ${rules.shouldHaveMatched} · ${m("rules.matched")} ${rules.matched}`),
      ],
      rate: "ruleExecutionRate",
    },
    {
      key: "autonomy",
      figure: percent(outcomes.autonomy.share),
      drill: { kind: "autonomy", ...period, label: m("indicators.autonomy") },
      lines: [note(`${m("autonomy.business")} ${outcomes.autonomy.business} · ${m("autonomy.admin")} ${outcomes.autonomy.admin}`)],
      rate: "autonomyShare",
    },
    {
      key: "agreement",
      figure: <span style={{ color: disagreements ? "#f5222d" : "#52c41a" }}>{disagreements}</span>,
      drill: { kind: "agreement", label: m("indicators.agreement") },
      lines: [
        <Typography.Text key="verdict" type={disagreements ? "danger" : "success"}>
          {disagreements ? m("mustBeZero") : m("allAgree")}
        </Typography.Text>,
      ],
    },
  ];
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
      {cards.map((card) => (
        <Col key={card.key} xs={12} lg={6} xl={4}>
          <Card size="small" title={t(`management.indicators.${card.key}`)} data-testid={`indicator-${card.key}`}>
            <FigureButton strong onClick={() => onDrill(card.drill)} testId={`figure-${card.key}`}>
              {card.figure}
            </FigureButton>
            <Space direction="vertical" size={0}>
              {card.lines}
              {c && card.rate && (
                <Comparison before={percent(c.before[card.rate])} after={percent(c.after[card.rate])} change={changeText(c.changes[card.rate].delta, "rate")} />
              )}
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
