// One operation, as its QR code opens it on a phone: start in one tap; finish (or pause) with good and
// scrap in two — the good quantity comes filled in with what is ready. Each submit carries an
// Idempotency-Key, so a retried tap counts once; a refusal shows the server's reason and, for a
// supervisor, an override with a reason.
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Result, Segmented, Space, Spin, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError, api } from "../api/client";
import { useLiveData } from "../api/use-live-data";
import type { Operation } from "./types";

const REASONS = ["dimension", "appearance", "function", "material", "setup"] as const;
const newKey = () => `op-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
const time = (s: string | null) => (s ? new Date(s).toLocaleString([], { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "—");

export function OperationSheet() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { operationId = "" } = useParams();
  const op = useLiveData(() => api<Operation>("GET", `/api/operations/${operationId}`), [operationId]);
  const [mode, setMode] = useState<"finish" | "pause" | null>(null);
  const [good, setGood] = useState<number | null>(null);
  const [scrap, setScrap] = useState<number>(0);
  const [reason, setReason] = useState<string | undefined>(undefined);
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState("");
  const data = op.data;
  if (!data) return op.error ? <Alert type="error" message={op.error.message} /> : <Spin />;

  async function send(kind: "start" | "pause" | "finish", withOverride = false) {
    if (!data) return;
    setBusy(true);
    try {
      const body: Record<string, unknown> = { kind };
      if (kind !== "start") {
        body.good = good ?? data.qtyReady;
        if (scrap > 0) {
          body.scrap = scrap;
          body.scrapReason = reason ? t(`production.reasons.${reason}`) : undefined;
        }
      }
      if (withOverride) body.override = { reason: overrideReason };
      await api("POST", `/api/operations/${data.operationId}/reports`, body, { "idempotency-key": key });
      void message.success(kind === "start" ? t("production.started") : t("production.reported", { good: body.good ?? 0, scrap: body.scrap ?? 0 }));
      setMode(null);
      setRefusal(null);
      setScrap(0);
      setGood(null);
      setKey(newKey());
      await op.reload();
    } catch (e) {
      // A refused report keeps its key: the same tap again is the same report.
      setRefusal(e instanceof ApiError ? e.message : String(e));
      if (!(e instanceof ApiError && e.status === 422)) setKey(newKey());
    } finally {
      setBusy(false);
    }
  }

  const running = data.status === "started";
  return (
    <div className="shop-floor" data-testid="operation-sheet">
      <Card
        size="small"
        title={`${data.workOrder} · ${t(`production.status.${data.status}`)}`}
        extra={<Link to={`/shop-floor/${data.workCentre}`}>{t("production.back")}</Link>}
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="SKU">{data.sku}</Descriptions.Item>
          <Descriptions.Item label="#">{data.seq}</Descriptions.Item>
          <Descriptions.Item label={t("production.good")}>
            <Space>
              <Tag color="blue">{t("production.ready", { ready: data.qtyReady, qty: data.qty })}</Tag>
              <span>{t("production.remaining", { qty: data.qtyRemaining })}</span>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("production.scrap")}>{data.scrap}</Descriptions.Item>
          <Descriptions.Item label="⏱">{t("production.planned", { from: time(data.plannedStart), to: time(data.plannedEnd) })}</Descriptions.Item>
        </Descriptions>
      </Card>
      {data.status === "done" ? (
        <Result status="success" title={t("production.status.done")} />
      ) : mode === null ? (
        <Space direction="vertical" style={{ width: "100%", marginTop: 12 }}>
          {!running && (
            <Button type="primary" size="large" block loading={busy} onClick={() => void send("start")} data-testid="op-start">
              {t("production.start")}
            </Button>
          )}
          <Button type={running ? "primary" : "default"} size="large" block onClick={() => setMode("finish")} data-testid="op-finish">
            {t("production.finish")}
          </Button>
          {running && (
            <Button size="large" block onClick={() => setMode("pause")} data-testid="op-pause">
              {t("production.pause")}
            </Button>
          )}
        </Space>
      ) : (
        <Card size="small" style={{ marginTop: 12 }}>
          <Space direction="vertical" style={{ width: "100%" }}>
            <div>
              {t("production.good")}
              <InputNumber
                aria-label={t("production.good")}
                size="large"
                min={0}
                style={{ width: "100%" }}
                value={good ?? data.qtyReady}
                onChange={(v) => setGood(v ?? 0)}
                data-testid="op-good"
              />
            </div>
            <div>
              {t("production.scrap")}
              <InputNumber
                aria-label={t("production.scrap")}
                size="large"
                min={0}
                style={{ width: "100%" }}
                value={scrap}
                onChange={(v) => setScrap(v ?? 0)}
                data-testid="op-scrap"
              />
            </div>
            {scrap > 0 && (
              <Segmented
                block
                options={REASONS.map((r) => ({ value: r, label: t(`production.reasons.${r}`) }))}
                value={reason}
                onChange={(v) => setReason(v as string)}
              />
            )}
            <Button type="primary" size="large" block loading={busy} onClick={() => void send(mode)} data-testid="op-confirm">
              {t("production.confirm")}
            </Button>
            <Button block onClick={() => setMode(null)}>
              {t("production.back")}
            </Button>
          </Space>
        </Card>
      )}
      {refusal && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          message={refusal}
          data-testid="op-refusal"
          description={
            mode && (
              <Space.Compact style={{ width: "100%" }}>
                <Input placeholder={t("production.overrideReason")} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} />
                <Button danger disabled={!overrideReason.trim()} onClick={() => void send(mode, true)}>
                  {t("production.override")}
                </Button>
              </Space.Compact>
            )
          }
        />
      )}
    </div>
  );
}
