// The shop floor on a phone or a kiosk: pick a work centre, see its dispatch list (always the current
// plan: it reloads on every live change), tap an operation to report it; report a machine down.
import { PrinterOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Card, DatePicker, Empty, Input, List, Select, Space, Spin, Tag, Typography } from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api } from "../api/client";
import { useLiveData } from "../api/use-live-data";
import type { Centre, Dispatch, DispatchOp } from "./types";

const time = (s: string | null) => (s ? new Date(s).toLocaleString([], { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "—");

export function CentrePicker() {
  const { t } = useTranslation();
  const centres = useLiveData(() => api<{ workCentres: Centre[] }>("GET", "/api/work-centres"), []);
  if (!centres.data) return centres.error ? <Alert type="error" message={centres.error.message} /> : <Spin />;
  return (
    <div className="shop-floor" data-testid="centre-picker">
      <Typography.Title level={4}>{t("production.pickCentre")}</Typography.Title>
      <List
        bordered
        dataSource={centres.data.workCentres}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/shop-floor/${c.code}`} style={{ width: "100%", fontSize: 16 }}>
              {c.name} <Typography.Text type="secondary">{c.code}</Typography.Text>
              {c.down.length > 0 && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t("production.down")}
                </Tag>
              )}
            </Link>
          </List.Item>
        )}
      />
    </div>
  );
}

function Light({ on, label }: { on: boolean; label: string }) {
  return <Badge status={on ? "success" : "default"} text={label} />;
}

function OpItem({ op }: { op: DispatchOp }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <List.Item
      onClick={() => navigate(`/shop-floor/op/${op.operationId}`)}
      style={{ cursor: "pointer", ...(op.change ? { background: "#fffbe6", boxShadow: "inset 4px 0 #faad14" } : {}) }}
      data-testid={`dispatch-op-${op.operationId}`}
      data-change={op.change ?? undefined}
    >
      <Space direction="vertical" size={2} style={{ width: "100%" }}>
        <Space wrap size={4}>
          <Typography.Text strong>
            {op.workOrder} · {op.seq}
          </Typography.Text>
          {op.rush && <Tag color="volcano">{t("production.rush")}</Tag>}
          {op.late && <Tag color="red">{t("production.late")}</Tag>}
          {op.change && <Tag color="gold">{t(`production.change.${op.change}`)}</Tag>}
          <Tag>{t(`production.status.${op.status}`)}</Tag>
        </Space>
        <Typography.Text>
          {op.sku} · {t("production.ready", { ready: op.qtyReady, qty: op.qty })}
        </Typography.Text>
        <Space size={12} wrap>
          <Light on={op.materialReady} label={t("production.material")} />
          <Light on={op.previousDone} label={t("production.previous")} />
          <Typography.Text type="secondary">{t("production.planned", { from: time(op.plannedStart), to: time(op.plannedEnd) })}</Typography.Text>
        </Space>
      </Space>
    </List.Item>
  );
}

function DowntimeForm({ code, units, onSaved }: { code: string; units: number; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [unit, setUnit] = useState<number | 0>(units > 1 ? 1 : 0);
  const [reason, setReason] = useState("");
  const [to, setTo] = useState<dayjs.Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      const body = { ...(unit ? { unit } : {}), from: new Date().toISOString(), ...(to ? { to: to.toISOString() } : {}), reason };
      const res = await api<{ affectedOrders: string[] }>("POST", `/api/work-centres/${code}/downtime`, body);
      void message.success(t("production.downSaved", { count: res.affectedOrders.length }));
      setReason("");
      onSaved();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Select
        value={unit}
        onChange={setUnit}
        options={[
          { value: 0, label: t("production.wholeCentre") },
          ...Array.from({ length: units }, (_, i) => ({ value: i + 1, label: `${t("production.unit")} ${i + 1}` })),
        ]}
      />
      <Input placeholder={t("production.downReason")} value={reason} onChange={(e) => setReason(e.target.value)} />
      <DatePicker showTime value={to} onChange={setTo} style={{ width: "100%" }} />
      <Button danger block loading={busy} disabled={!reason.trim()} onClick={() => void save()}>
        {t("production.reportDown")}
      </Button>
    </Space>
  );
}

export function DispatchPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const [showDown, setShowDown] = useState(false);
  const list = useLiveData(() => api<Dispatch>("GET", `/api/work-centres/${code}/dispatch`), [code]);
  const centres = useLiveData(() => api<{ workCentres: Centre[] }>("GET", "/api/work-centres"), []);
  const down = centres.data?.workCentres.find((c) => c.code === code)?.down ?? [];
  const d = list.data;
  const changed = d?.operations.filter((o) => o.change).length ?? 0;
  if (!d) return list.error ? <Alert type="error" message={list.error.message} /> : <Spin />;
  async function up(id: number) {
    await api("POST", `/api/work-centres/${code}/downtime/${id}/end`, {});
    await centres.reload();
  }
  return (
    <div className="shop-floor" data-testid="dispatch-page">
      <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("production.dispatch", { name: d.workCentre.name })}
        </Typography.Title>
        <Space size={8}>
          <Typography.Text type="secondary">{d.planRun ? t("production.planRun", { id: d.planRun.id }) : t("production.noPlan")}</Typography.Text>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            href={`/api/work-centres/${encodeURIComponent(code)}/dispatch.pdf`}
            target="_blank"
            data-testid="dispatch-print"
          >
            {t("production.print")}
          </Button>
        </Space>
      </Space>
      {changed > 0 && (
        <Typography.Text type="warning" style={{ display: "block", marginTop: 4 }} data-testid="dispatch-changed">
          {t("production.changedSince", { time: time(d.shift.start), count: changed })}
        </Typography.Text>
      )}
      {down.map((x) => (
        <Alert
          key={x.id}
          type="error"
          style={{ marginTop: 8 }}
          message={`${t("production.machineDown")} · ${x.unit ? `${t("production.unit")} ${x.unit}` : t("production.wholeCentre")} · ${x.reason}`}
          action={
            <Button size="small" onClick={() => void up(x.id)}>
              {t("production.machineUp")}
            </Button>
          }
        />
      ))}
      <List
        style={{ marginTop: 8, background: "#fff" }}
        bordered
        dataSource={d.operations}
        locale={{ emptyText: <Empty description={t("production.empty")} /> }}
        renderItem={(op) => <OpItem op={op} />}
      />
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={t("production.machineDown")}
        extra={
          <Button size="small" onClick={() => setShowDown(!showDown)}>
            {showDown ? "−" : "+"}
          </Button>
        }
      >
        {showDown && <DowntimeForm code={code} units={d.workCentre.units} onSaved={() => void centres.reload()} />}
      </Card>
    </div>
  );
}
