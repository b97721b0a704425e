// The dual run (双轨制): the go-live date and window (the admin sets them, others read them) and the
// dry run's reconciliation list — ledger orders dated from go-live on that Lvyue does not hold.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, InputNumber, message, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import { useSession } from "../auth/session";
import type { ImportReport } from "./import-api";

type GoLive = Reply<"GET /api/settings/go-live">;
type LedgerOnly = NonNullable<ImportReport["afterGoLive"]>["missing"][number];

export function GoLiveCard() {
  const { t } = useTranslation();
  const { me } = useSession();
  const isAdmin = (me?.roles ?? []).includes("admin");
  const [settings, setSettings] = useState<GoLive | null>(null);
  const [draft, setDraft] = useState<{ goLiveOn: string | null; dualRunDays: number } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void api<GoLive>("GET", "/api/settings/go-live").then((s) => {
      setSettings(s);
      setDraft({ goLiveOn: s.goLiveOn, dualRunDays: s.dualRunDays });
    });
  }, []);
  if (!settings || !draft) return null;
  const changed = draft.goLiveOn !== settings.goLiveOn || draft.dualRunDays !== settings.dualRunDays;
  const save = async () => {
    setSaving(true);
    try {
      const next = await api<GoLive>("PUT", "/api/settings/go-live", draft);
      setSettings(next);
      message.success(t("imports.goLive.saved"));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const status = settings.goLiveOn ? t("imports.goLive.status", { goLiveOn: settings.goLiveOn, end: settings.dualRunEndsOn }) : t("imports.goLive.notLive");
  return (
    <Card size="small" title={t("imports.goLive.title")} data-testid="go-live-card">
      <Space direction="vertical" size="small" style={{ width: "100%" }}>
        <Typography.Text type="secondary" data-testid="go-live-status">
          {status}
        </Typography.Text>
        {isAdmin && (
          <Space wrap>
            <Typography.Text>{t("imports.goLive.date")}</Typography.Text>
            <span data-testid="go-live-date">
              <DatePicker
                value={draft.goLiveOn ? dayjs(draft.goLiveOn) : null}
                onChange={(d) => setDraft({ ...draft, goLiveOn: d ? d.format("YYYY-MM-DD") : null })}
                placeholder={t("imports.goLive.none")}
                aria-label={t("imports.goLive.date")}
              />
            </span>
            <Typography.Text>{t("imports.goLive.days")}</Typography.Text>
            <span data-testid="go-live-days">
              <InputNumber
                min={0}
                max={365}
                value={draft.dualRunDays}
                onChange={(v) => setDraft({ ...draft, dualRunDays: typeof v === "number" ? v : settings.dualRunDays })}
                addonAfter={t("imports.goLive.dayUnit")}
                style={{ width: 130 }}
                aria-label={t("imports.goLive.days")}
              />
            </span>
            <Button type="primary" onClick={() => void save()} disabled={!changed} loading={saving} data-testid="go-live-save">
              {t("imports.goLive.save")}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}

export function AfterGoLiveList(props: { after: NonNullable<ImportReport["afterGoLive"]>; onDownload(): void; downloading: boolean }) {
  const { t } = useTranslation();
  const { after } = props;
  if (!after.orders) return null;
  return (
    <Card
      size="small"
      data-testid="after-go-live"
      title={t("imports.goLive.listTitle", { count: after.missing.length })}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={props.onDownload}
          disabled={!after.missing.length}
          loading={props.downloading}
          data-testid="download-reconciliation"
        >
          {t("imports.goLive.download")}
        </Button>
      }
    >
      <Alert
        type={after.missing.length ? "warning" : "success"}
        showIcon
        style={{ marginBottom: 12 }}
        message={t("imports.goLive.summary", {
          goLiveOn: after.goLiveOn,
          orders: after.orders,
          rows: after.rows,
          inLvyue: after.inLvyue.length,
          missing: after.missing.length,
        })}
      />
      <Table<LedgerOnly>
        size="small"
        rowKey="orderNo"
        dataSource={after.missing}
        data-testid="reconciliation-list"
        locale={{ emptyText: t("imports.goLive.allInLvyue") }}
        pagination={after.missing.length > 10 ? { pageSize: 10, size: "small", showSizeChanger: false } : false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("imports.row"), key: "rows", width: 64, render: (_, o) => o.rows.join("、") },
          { title: t("imports.goLive.orderNo"), dataIndex: "orderNo" },
          { title: t("imports.customer"), dataIndex: "customerName", ellipsis: true },
          { title: t("imports.goLive.orderedOn"), dataIndex: "orderedOn", width: 104 },
          {
            title: t("imports.amount"),
            key: "amount",
            align: "right",
            render: (_, o) => `¥${Number(o.amount).toLocaleString("zh-CN", { minimumFractionDigits: 2 })}`,
          },
          {
            title: t("imports.goLive.period"),
            key: "period",
            render: (_, o) => <Tag color={o.inDualRun ? "gold" : "red"}>{t(o.inDualRun ? "imports.goLive.inDualRun" : "imports.goLive.afterDualRun")}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
