// For a customer the import would create: the existing customers it may be, to confirm with one click
// (the file's spellings become aliases and the file is checked again), to reject, or to pick another.
import { Button, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "../components/customer-select";
import type { AliasHandler, CustomerOutcome } from "./import-api";

export function CustomerProposals({ outcome, onAlias }: { outcome: CustomerOutcome; onAlias: AliasHandler }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"ask" | "other" | "rejected" | "saving">("ask");
  const best = outcome.proposals?.[0];
  if (!best) return null;
  const spellings = outcome.variants.length ? outcome.variants : [outcome.name];
  const confirm = async (customer: { code: string; name: string }) => {
    setState("saving");
    try {
      await onAlias(customer, spellings);
    } catch {
      setState("ask");
    }
  };
  if (state === "rejected") return <Typography.Text type="secondary">{t("imports.proposal.rejected")}</Typography.Text>;
  return (
    <Space direction="vertical" size={4} data-testid={`proposal-${outcome.code}`}>
      <Typography.Text>
        {t("imports.proposal.maybe")} <Typography.Text strong>{best.name}</Typography.Text>
        <Typography.Text type="secondary">
          {" "}
          · {t(`imports.proposal.by.${best.by}`)} {Math.round(best.confidence * 100)}%
        </Typography.Text>
      </Typography.Text>
      {state === "other" ? (
        <CustomerSelect
          autoFocus
          defaultOpen
          size="small"
          style={{ width: 220 }}
          placeholder={t("imports.proposal.other")}
          data-testid="proposal-pick"
          onChange={(code: string, picked) => {
            const label = (Array.isArray(picked) ? picked[0] : picked)?.label;
            void confirm({ code, name: typeof label === "string" ? label.split(" · ").slice(1).join(" · ") : code });
          }}
        />
      ) : (
        <Space size={4} wrap>
          <Button size="small" type="primary" loading={state === "saving"} onClick={() => void confirm(best)} data-testid="proposal-confirm">
            {t("imports.proposal.confirm")}
          </Button>
          <Button size="small" onClick={() => setState("rejected")} data-testid="proposal-reject">
            {t("imports.proposal.reject")}
          </Button>
          <Button size="small" type="link" onClick={() => setState("other")} data-testid="proposal-other">
            {t("imports.proposal.other")}
          </Button>
        </Space>
      )}
    </Space>
  );
}
