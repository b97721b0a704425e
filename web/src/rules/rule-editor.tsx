// Create or edit a rule: name, trigger, condition (no-code builder), priority, actions. Saves a new version.
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { ActionFields } from "./action-fields";
import { type Catalogue, queryFields } from "./catalogue";
import { ConditionEditor } from "./condition-editor";

export interface RuleDefinition {
  id?: number;
  version?: number;
  name: string;
  description?: string;
  trigger: { event: string };
  condition: unknown;
  priority?: number;
  enabled: boolean;
  actions: Record<string, unknown>[];
}

const clean = (action: Record<string, unknown>) => Object.fromEntries(Object.entries(action).filter(([, v]) => v !== undefined && v !== null && v !== ""));

export function RuleEditor({
  rule,
  catalogue,
  onClose,
  onSaved,
}: {
  rule?: RuleDefinition;
  catalogue: Catalogue;
  onClose(): void;
  onSaved(version: number): void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const lang = i18n.language.startsWith("en") ? "en" : "zh";
  const fields = useMemo(() => queryFields(catalogue.facts, lang, t), [catalogue, lang, t]);
  const [condition, setCondition] = useState<unknown>(rule?.condition ?? true);
  const [conditionError, setConditionError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const values = await form.validateFields();
    if (conditionError) return;
    setBusy(true);
    setError(undefined);
    const body = {
      name: values.name,
      description: values.description ?? "",
      trigger: { event: values.event },
      condition,
      priority: values.priority,
      enabled: values.enabled,
      actions: (values.actions ?? []).map(clean),
    };
    try {
      const saved = rule?.id
        ? await api<{ version: number }>("PATCH", `/api/rules/${rule.id}`, body, { "if-match": `"${rule.version}"` })
        : await api<{ version: number }>("POST", "/api/rules", body);
      onSaved(saved.version);
    } catch (e) {
      setError(e instanceof ApiError && e.field ? `${e.message} [${e.field}]` : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={920}
      title={rule?.id ? `${t("rules.edit")} · ${rule.name}` : t("rules.new")}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      data-testid="rule-editor"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="rule-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: rule?.name,
          description: rule?.description,
          event: rule?.trigger.event ?? "order.created",
          priority: rule?.priority ?? 100,
          enabled: rule?.enabled ?? true,
          actions: rule?.actions ?? [{ type: "create_task" }],
        }}
      >
        <Form.Item name="name" label={t("rules.name")} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t("rules.description")}>
          <Input />
        </Form.Item>
        <Form.Item label={t("rules.trigger")} style={{ marginBottom: 0 }}>
          <Form.Item name="event" style={{ display: "inline-block", width: 240, marginRight: 16 }}>
            <Select options={catalogue.triggers.map((v) => ({ value: v, label: t(`rules.triggers.${v}`, { defaultValue: v }) }))} />
          </Form.Item>
          <Form.Item name="priority" label={t("rules.priority")} style={{ display: "inline-block", width: 140, marginRight: 16 }}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="enabled" label={t("rules.enabled")} valuePropName="checked" style={{ display: "inline-block" }}>
            <Switch />
          </Form.Item>
        </Form.Item>
        <Form.Item label={t("rules.condition")} validateStatus={conditionError ? "error" : undefined} help={conditionError}>
          <ConditionEditor
            fields={fields}
            value={rule?.condition ?? true}
            onChange={(logic, e) => {
              setConditionError(e);
              if (!e) setCondition(logic);
            }}
          />
        </Form.Item>
        <Form.Item label={t("rules.actions")}>
          <ActionFields catalogue={catalogue} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
