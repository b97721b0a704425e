// One rule: its version history (who changed what, when) and a dry run over past orders.

import { useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Drawer, Space, Table, Tag, Timeline, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { OrderLink } from "../orders/order-drawer";

interface RuleView {
  id: number;
  name: string;
  version: number;
  versions: { version: number; createdBy: string; createdAt: string; diff: Record<string, unknown> }[];
}
interface DryRun {
  ordersExamined: number;
  matched: number;
  matches: { orderNo: string; customer: string; amount: string; actions: { type: string }[] }[];
}

export function RuleDrawer({ id, canWrite, onClose }: { id: number; canWrite: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { data: rule, error: loadError } = useQuery({ queryKey: ["rule", id], queryFn: () => api<RuleView>("GET", `/api/rules/${id}`) });
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(30, "day"), dayjs()]);
  const [result, setResult] = useState<DryRun>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const dryRun = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api<DryRun>("POST", `/api/rules/${id}/dry-run`, { from: range[0].format("YYYY-MM-DD"), to: range[1].format("YYYY-MM-DD") }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open width={640} title={rule?.name ?? id} onClose={onClose} data-testid="rule-drawer">
      {(error ?? loadError?.message) && <Typography.Text type="danger">{error ?? loadError?.message}</Typography.Text>}
      {canWrite && (
        <>
          <Typography.Title level={5}>{t("rules.dryRun")}</Typography.Title>
          <Space wrap>
            <DatePicker.RangePicker value={range} onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])} />
            <Button type="primary" loading={busy} onClick={() => void dryRun()} data-testid="dry-run">
              {t("rules.run")}
            </Button>
          </Space>
          {result && (
            <div style={{ marginTop: 12 }} data-testid="dry-run-result">
              <Typography.Text strong>{t("rules.matched", { matched: result.matched, evaluated: result.ordersExamined })}</Typography.Text>
              <Table
                size="small"
                rowKey="orderNo"
                dataSource={result.matches}
                pagination={{ pageSize: 8, size: "small" }}
                columns={[
                  { title: t("order.orderNo"), dataIndex: "orderNo", render: (no: string) => <OrderLink orderNo={no} /> },
                  { title: t("order.customer"), dataIndex: "customer" },
                  { title: t("order.amount"), dataIndex: "amount" },
                  {
                    title: t("rules.actions"),
                    dataIndex: "actions",
                    render: (actions: { type: string }[]) =>
                      actions.map((a, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id and are shown, never reordered
                        <Tag key={`${a.type}${i}`}>{t(`rules.actionTypes.${a.type}`, { defaultValue: a.type })}</Tag>
                      )),
                  },
                ]}
              />
            </div>
          )}
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("rules.history")}
      </Typography.Title>
      <Timeline
        data-testid="rule-history"
        items={(rule?.versions ?? []).map((v) => ({
          key: v.version,
          children: (
            <div>
              <Typography.Text strong>v{v.version}</Typography.Text> · {t("rules.by", { who: v.createdBy, at: new Date(v.createdAt).toLocaleString() })}
              {Object.keys(v.diff).length > 0 && (
                <div>
                  {Object.entries(v.diff).map(([k, d]) => (
                    <div key={k}>
                      <Typography.Text code>{k}</Typography.Text> <Typography.Text type="secondary">{JSON.stringify(d).slice(0, 160)}</Typography.Text>
                    </div>
                  ))}
                </div>
              )}
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
