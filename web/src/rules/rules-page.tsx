// Business rules: the list with on/off switches (a new version each time), editor, history and dry run.
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useLiveData } from "../api/use-live-data";
import { useSession } from "../auth/session";
import type { Catalogue } from "./catalogue";
import { RuleDrawer } from "./rule-drawer";
import { type RuleDefinition, RuleEditor } from "./rule-editor";

type Rule = RuleDefinition & { id: number; version: number; updatedAt: string };

export function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const canWrite = !!me?.roles.includes("admin");
  const rules = useLiveData(
    () => api<{ rules: Rule[] }>("GET", "/api/rules").then((r) => r.rules),
    [],
    (c) => c.kind === "rule",
  );
  const catalogue = useLiveData(
    () => api<Catalogue>("GET", "/api/rules/catalogue"),
    [],
    () => false,
  );
  const [editing, setEditing] = useState<Rule | "new">();
  const [viewing, setViewing] = useState<number>();
  const [toggling, setToggling] = useState<number>();

  const toggle = async (rule: Rule, enabled: boolean) => {
    setToggling(rule.id);
    try {
      await api("PATCH", `/api/rules/${rule.id}`, { enabled }, { "if-match": `"${rule.version}"` });
      message.success(t("rules.toggled", { name: rule.name, state: enabled ? t("admin.enabled") : t("admin.disabled") }));
      await rules.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setToggling(undefined);
    }
  };

  return (
    <Card
      title={t("rules.title")}
      size="small"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} disabled={!catalogue.data} data-testid="new-rule">
            {t("rules.new")}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        data-testid="rules-table"
        columns={[
          {
            title: t("rules.enabled"),
            dataIndex: "enabled",
            width: 72,
            render: (on: boolean, r) => (
              <Switch
                checked={on}
                disabled={!canWrite}
                loading={toggling === r.id}
                onChange={(v) => void toggle(r, v)}
                data-testid={`rule-switch-${r.id}`}
                aria-label={r.name}
              />
            ),
          },
          {
            title: t("rules.name"),
            dataIndex: "name",
            render: (name: string, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Link onClick={() => setViewing(r.id)}>{name}</Typography.Link>
                {r.description && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.description}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          // On a phone the name needs the room: trigger and actions show in the rule's drawer.
          {
            title: t("rules.trigger"),
            responsive: ["md"],
            render: (_, r) => <Tag>{t(`rules.triggers.${r.trigger.event}`, { defaultValue: r.trigger.event })}</Tag>,
            width: 150,
          },
          {
            title: t("rules.actions"),
            responsive: ["md"],
            render: (_, r) =>
              r.actions.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id and are shown, never reordered
                <Tag key={`${a.type}${i}`}>{t(`rules.actionTypes.${String(a.type)}`, { defaultValue: String(a.type) })}</Tag>
              )),
          },
          { title: t("rules.version"), dataIndex: "version", width: 64, responsive: ["sm"], render: (v: number) => `v${v}` },
          {
            title: "",
            width: 80,
            render: (_, r) =>
              canWrite && (
                <Button size="small" onClick={() => setEditing(r)} disabled={!catalogue.data}>
                  {t("rules.edit")}
                </Button>
              ),
          },
        ]}
      />
      {editing && catalogue.data && (
        <RuleEditor
          rule={editing === "new" ? undefined : editing}
          catalogue={catalogue.data}
          onClose={() => setEditing(undefined)}
          onSaved={(version) => {
            setEditing(undefined);
            message.success(t("rules.saved", { version }));
            void rules.reload();
          }}
        />
      )}
      {viewing !== undefined && <RuleDrawer id={viewing} canWrite={canWrite} onClose={() => setViewing(undefined)} />}
    </Card>
  );
}
