// Which plan run a board's figures come from, and a warning when a change has made it stale.
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { PlanRun } from "../api/plan-types";

export function PlanRunTag({ plan }: { plan?: PlanRun }) {
  const { t } = useTranslation();
  if (!plan) return null;
  if (plan.runId === null) return <Tag color="orange">{t("plan.noPlan")}</Tag>;
  const at = plan.finishedAt ? new Date(plan.finishedAt).toLocaleTimeString() : "—";
  return plan.stale ? (
    <Tooltip title={plan.reasons.map((r) => t(`plan.reasons.${r}`, { defaultValue: r })).join(", ")}>
      <Tag color="orange" data-testid="plan-run">
        {t("plan.stale", { id: plan.runId, at })}
      </Tag>
    </Tooltip>
  ) : (
    <Tag color="blue" data-testid="plan-run">
      {t("plan.run", { id: plan.runId, at })}
    </Tag>
  );
}
