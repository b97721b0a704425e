// A rule's ordered actions, each a form built from the action catalogue (type → its fields).
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, InputNumber, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { ActionField, Catalogue } from "./catalogue";

// Form.Item hands its child id, value and onChange: they are passed on to the actual control.
// biome-ignore lint/suspicious/noExplicitAny: the props Form.Item injects differ per control
function FieldInput({ field, ...control }: { field: ActionField; [prop: string]: any }) {
  const options = field.values?.map((v) => ({ value: v, label: v }));
  switch (field.kind) {
    case "number":
      return <InputNumber {...control} min={field.min} max={field.max} style={{ width: "100%" }} />;
    case "boolean":
      return <Switch {...control} />;
    case "enum":
      return <Select {...control} options={options} allowClear={!field.required} />;
    case "enum[]":
      return <Select {...control} mode="multiple" options={options} />;
    case "text[]":
      return <Select {...control} mode="tags" />;
    default:
      return <Input {...control} placeholder={field.description} />;
  }
}

export function ActionFields({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation();
  return (
    <Form.List name="actions">
      {(items, { add, remove }) => (
        <>
          {items.map((item, index) => (
            <Card
              key={item.key}
              size="small"
              style={{ marginBottom: 8, height: "auto" }}
              title={`${index + 1}.`}
              extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t("rules.removeAction")} />}
            >
              <Form.Item name={[item.name, "type"]} label={t("rules.actions")} rules={[{ required: true }]}>
                <Select options={catalogue.actions.map((a) => ({ value: a.type, label: t(`rules.actionTypes.${a.type}`, { defaultValue: a.type }) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const type = form.getFieldValue(["actions", item.name, "type"]);
                  const spec = catalogue.actions.find((a) => a.type === type);
                  return spec?.fields.map((f) => (
                    <Form.Item
                      key={f.name}
                      name={[item.name, f.name]}
                      label={t(`rules.fields.${f.name}`, { defaultValue: f.name })}
                      tooltip={f.description}
                      rules={f.required ? [{ required: true }] : []}
                      valuePropName={f.kind === "boolean" ? "checked" : "value"}
                      initialValue={f.default}
                    >
                      <FieldInput field={f} />
                    </Form.Item>
                  ));
                }}
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: "create_task" })} block>
            {t("rules.addAction")}
          </Button>
        </>
      )}
    </Form.List>
  );
}
