// The promise for the order being typed: the earliest date, whether the requested date holds, the
// binding constraint and planning's explanation.
import { Alert, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { constraintText } from "../planning/constraint-text";
import type { PromiseState } from "./use-promise";

export function PromisePreview({ state }: { state: PromiseState }) {
  const { t } = useTranslation();
  if (state.kind === "idle") return <Typography.Paragraph type="secondary">{t("sales.noPromise")}</Typography.Paragraph>;
  if (state.kind === "checking") return <Typography.Paragraph type="secondary">{t("plan.promise.checking")}</Typography.Paragraph>;
  if (state.kind === "failed")
    return <Alert type="warning" showIcon message={t("plan.promise.failed", { message: state.message })} style={{ marginBottom: 12 }} />;
  const p = state.reply;
  const holds = p.requestedDate ? (p.feasible ? "holds" : "slips") : null;
  return (
    <Alert
      type={p.earliestDate === null ? "error" : holds === "slips" ? "warning" : "success"}
      style={{ marginBottom: 12 }}
      data-testid="promise-preview"
      message={
        <Space wrap size={6}>
          <Typography.Text strong data-testid="promise-date">
            {p.earliestDate ? t("plan.promise.earliest", { date: p.earliestDate }) : t("plan.promise.none")}
          </Typography.Text>
          {holds && (
            <Tag color={holds === "holds" ? "green" : "red"} data-testid="promise-holds">
              {t(`plan.promise.${holds}`, { date: p.requestedDate })}
            </Tag>
          )}
          <Tag>{t("plan.promise.kitting", { pct: Math.round(p.ctp.kittingRate * 100) })}</Tag>
        </Space>
      }
      description={
        <>
          <div data-testid="promise-binding">{t("plan.promise.binding", { text: constraintText(t, p.bottleneck) })}</div>
          <Typography.Text type="secondary" data-testid="promise-explanation">
            {p.explanation}
          </Typography.Text>
        </>
      }
    />
  );
}
