// The planner keeps the plant calendar: shifts per work centre, shutdowns and extra working days,
// maintenance windows. Statutory holidays and 调休 come from the law (chinese-days), not from here.
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { useLiveData } from "../api/use-live-data";
import { type RecordColumn, RecordList } from "./record-list";

interface Centre {
  code: string;
  name: string;
  shifts: number;
  hoursPerShift: number;
  parallelUnits: number;
  loadThreshold: number;
}
interface Exception {
  id: number;
  dayFrom: string;
  dayTo: string;
  kind: string;
  reason: string;
  createdBy?: string;
}
interface Window {
  id: number;
  workCentre: string;
  from: string;
  to: string;
  reason: string;
}
interface CalendarReply {
  workCentres: Centre[];
  exceptions: Exception[];
  days: { maintenance: Window[] }[];
}

const HORIZON_DAYS = 180;
const fieldOf = <const F extends string>(e: unknown, fields: F[], fallback: F): F =>
  e instanceof ApiError && e.field && (fields as string[]).includes(e.field) ? (e.field as F) : fallback;

/** One entry per maintenance window: the days' parts joined. */
function windows(days: CalendarReply["days"]): Window[] {
  const byId = new Map<number, Window>();
  for (const w of days.flatMap((d) => d.maintenance)) {
    const seen = byId.get(w.id);
    if (!seen) byId.set(w.id, { ...w });
    else {
      if (w.from < seen.from) seen.from = w.from;
      if (w.to > seen.to) seen.to = w.to;
    }
  }
  return [...byId.values()].sort((a, b) => a.from.localeCompare(b.from));
}

export function CalendarPage() {
  const { t } = useTranslation();
  const from = dayjs().format("YYYY-MM-DD");
  const to = dayjs().add(HORIZON_DAYS, "day").format("YYYY-MM-DD");
  const data = useLiveData(
    () => api<CalendarReply>("GET", `/api/calendar?from=${from}&to=${to}`),
    [from],
    (c) => c.kind === "master",
  );
  const [editing, setEditing] = useState<Centre>();
  const centres = data.data?.workCentres ?? [];
  const centreName = (code: string) => centres.find((c) => c.code === code)?.name ?? code;
  const remove = async (path: string) => {
    await api("DELETE", path);
    await data.reload();
  };
  const centreColumns: RecordColumn<Centre>[] = [
    { key: "name", title: t("intake.calendar.centre"), primary: true, render: (c) => `${c.name} · ${c.code}` },
    { key: "shifts", title: t("intake.calendar.shifts"), width: 70, render: (c) => c.shifts },
    { key: "hours", title: t("intake.calendar.hoursPerShift"), width: 90, render: (c) => c.hoursPerShift },
    { key: "units", title: t("intake.calendar.parallelUnits"), width: 90, render: (c) => c.parallelUnits },
    { key: "limit", title: t("intake.calendar.loadThreshold"), width: 90, render: (c) => `${Math.round(c.loadThreshold * 100)}%` },
  ];
  const exceptionColumns: RecordColumn<Exception>[] = [
    { key: "days", title: t("intake.calendar.from"), primary: true, render: (e) => (e.dayFrom === e.dayTo ? e.dayFrom : `${e.dayFrom} – ${e.dayTo}`) },
    {
      key: "kind",
      title: t("intake.calendar.kind"),
      width: 90,
      render: (e) => <Tag color={e.kind === "shutdown" ? "volcano" : "geekblue"}>{t(`intake.calendar.${e.kind}`)}</Tag>,
    },
    { key: "reason", title: t("intake.calendar.reason"), render: (e) => e.reason },
  ];
  const windowColumns: RecordColumn<Window>[] = [
    { key: "centre", title: t("intake.calendar.centre"), primary: true, render: (w) => centreName(w.workCentre) },
    { key: "from", title: t("intake.calendar.startsAt"), width: 150, render: (w) => dayjs(w.from).format("YYYY-MM-DD HH:mm") },
    { key: "to", title: t("intake.calendar.endsAt"), width: 150, render: (w) => dayjs(w.to).format("YYYY-MM-DD HH:mm") },
    { key: "reason", title: t("intake.calendar.reason"), render: (w) => w.reason },
  ];
  const removeButton = (path: string) => (
    <Popconfirm title={t("intake.calendar.removeConfirm")} onConfirm={() => void remove(path)}>
      <Button size="small" danger>
        {t("intake.calendar.remove")}
      </Button>
    </Popconfirm>
  );
  return (
    <Row gutter={[12, 12]} data-testid="calendar-page">
      <Col span={24}>
        <Card title={t("intake.calendar.centres")} size="small">
          <RecordList
            testId="centres"
            rows={centres}
            rowKey={(c) => c.code}
            columns={centreColumns}
            actions={(c) => (
              <Button size="small" onClick={() => setEditing(c)} data-testid={`shifts-${c.code}`}>
                {t("intake.customers.edit")}
              </Button>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("intake.calendar.exceptions")} size="small">
          <ExceptionForm onSaved={() => void data.reload()} />
          <RecordList
            testId="exceptions"
            rows={data.data?.exceptions ?? []}
            rowKey={(e) => String(e.id)}
            columns={exceptionColumns}
            actions={(e) => removeButton(`/api/calendar/exceptions/${e.id}`)}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("intake.calendar.maintenance")} size="small">
          <MaintenanceForm centres={centres} onSaved={() => void data.reload()} />
          <RecordList
            testId="maintenance"
            rows={windows(data.data?.days ?? [])}
            rowKey={(w) => String(w.id)}
            columns={windowColumns}
            actions={(w) => removeButton(`/api/calendar/maintenance/${w.id}`)}
          />
        </Card>
      </Col>
      {editing && <ShiftsModal centre={editing} onClose={() => setEditing(undefined)} onSaved={() => void data.reload()} />}
    </Row>
  );
}

function ExceptionForm({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ days: [Dayjs, Dayjs]; kind: string; reason: string }>();
  const save = async (v: { days: [Dayjs, Dayjs]; kind: string; reason: string }) => {
    try {
      await api("POST", "/api/calendar/exceptions", {
        dayFrom: v.days[0].format("YYYY-MM-DD"),
        dayTo: v.days[1].format("YYYY-MM-DD"),
        kind: v.kind,
        reason: v.reason,
      });
      form.resetFields();
      onSaved();
    } catch (e) {
      form.setFields([{ name: fieldOf(e, ["kind", "reason"], "days"), errors: [(e as Error).message] }]);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={save} initialValues={{ kind: "shutdown" }} style={{ marginBottom: 12, rowGap: 8 }} data-testid="exception-form">
      <Form.Item name="days" rules={[{ required: true, message: t("intake.customers.required") }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="kind">
        <Select style={{ width: 110 }} options={["shutdown", "extra_working"].map((k) => ({ value: k, label: t(`intake.calendar.${k}`) }))} />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t("intake.customers.required") }]}>
        <Input placeholder={t("intake.calendar.reason")} maxLength={200} style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t("intake.calendar.add")}
      </Button>
    </Form>
  );
}

function MaintenanceForm({ centres, onSaved }: { centres: Centre[]; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ workCentre: string; span: [Dayjs, Dayjs]; reason: string }>();
  const save = async (v: { workCentre: string; span: [Dayjs, Dayjs]; reason: string }) => {
    try {
      await api("POST", "/api/calendar/maintenance", { workCentre: v.workCentre, startsAt: v.span[0].format(), endsAt: v.span[1].format(), reason: v.reason });
      form.resetFields();
      onSaved();
    } catch (e) {
      form.setFields([{ name: fieldOf(e, ["workCentre", "reason"], "span"), errors: [(e as Error).message] }]);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={save} style={{ marginBottom: 12, rowGap: 8 }} data-testid="maintenance-form">
      <Form.Item name="workCentre" rules={[{ required: true, message: t("intake.customers.required") }]}>
        <Select placeholder={t("intake.calendar.centre")} style={{ width: 140 }} options={centres.map((c) => ({ value: c.code, label: c.name }))} />
      </Form.Item>
      <Form.Item name="span" rules={[{ required: true, message: t("intake.customers.required") }]}>
        <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t("intake.customers.required") }]}>
        <Input placeholder={t("intake.calendar.reason")} maxLength={200} style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t("intake.calendar.add")}
      </Button>
    </Form>
  );
}

function ShiftsModal({ centre, onClose, onSaved }: { centre: Centre; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Omit<Centre, "code" | "name">>();
  const save = async (v: Omit<Centre, "code" | "name">) => {
    const patch = Object.fromEntries(Object.entries(v).filter(([k, value]) => value !== centre[k as keyof Centre]));
    try {
      if (Object.keys(patch).length) await api("PUT", `/api/calendar/work-centres/${encodeURIComponent(centre.code)}`, patch);
      onSaved();
      onClose();
    } catch (e) {
      form.setFields([{ name: fieldOf(e, ["shifts", "hoursPerShift", "parallelUnits", "loadThreshold"], "shifts"), errors: [(e as Error).message] }]);
    }
  };
  return (
    <Modal
      open
      title={t("intake.calendar.editCentre", { name: centre.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={centre} onFinish={save}>
        <Space wrap>
          <Form.Item name="shifts" label={t("intake.calendar.shifts")}>
            <InputNumber min={1} max={3} precision={0} />
          </Form.Item>
          <Form.Item name="hoursPerShift" label={t("intake.calendar.hoursPerShift")}>
            <InputNumber min={0.25} max={12} step={0.25} />
          </Form.Item>
          <Form.Item name="parallelUnits" label={t("intake.calendar.parallelUnits")}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="loadThreshold" label={t("intake.calendar.loadThreshold")}>
            <InputNumber min={0.05} max={1} step={0.05} />
          </Form.Item>
        </Space>
        <Typography.Text type="secondary">{centre.code}</Typography.Text>
      </Form>
    </Modal>
  );
}
