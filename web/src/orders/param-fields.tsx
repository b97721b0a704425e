// A line's non-standard parameters as typed fields from the item's parameter definitions: a choice for
// closed lists, a number with its unit and range, a tick box, or short text. Never free text for all.
import { Checkbox, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";

export type ParamSpec =
  | { type: "enum"; values: string[]; default?: string; required?: boolean; label?: string }
  | { type: "number"; min?: number; max?: number; default?: number; required?: boolean; unit?: string; label?: string }
  | { type: "boolean"; default?: boolean; required?: boolean; label?: string }
  | { type: "text"; maxLength?: number; default?: string; required?: boolean; label?: string };
export type ParamSchema = Record<string, ParamSpec>;

/** The schema's defaults: what a standard line asks for. */
export function paramDefaults(schema: ParamSchema): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(schema).flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default]])));
}

export function useParamLabel() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith("en");
  // The item's own label is Chinese master data: shown as is in Chinese, translated when we know the name.
  return (name: string, spec: ParamSpec) =>
    en ? t(`intake.params.${name}`, { defaultValue: spec.label ?? name }) : (spec.label ?? t(`intake.params.${name}`, { defaultValue: name }));
}

/** The fields of one form-list line's `params`, named [line, "params", name]. */
export function ParamFields({ line, schema }: { line: number; schema: ParamSchema }) {
  const label = useParamLabel();
  return (
    <>
      {Object.entries(schema).map(([name, spec]) => {
        const common = { name: [line, "params", name], label: label(name, spec), rules: spec.required ? [{ required: true }] : [], style: { marginBottom: 8 } };
        const testId = `param-${name}`;
        switch (spec.type) {
          case "enum":
            return (
              <Form.Item key={name} {...common} style={{ ...common.style, minWidth: 130 }}>
                <Select options={spec.values.map((v) => ({ value: v, label: v }))} data-testid={testId} popupMatchSelectWidth={false} />
              </Form.Item>
            );
          case "number":
            return (
              <Form.Item key={name} {...common} extra={spec.min !== undefined || spec.max !== undefined ? `${spec.min ?? ""}–${spec.max ?? ""}` : undefined}>
                <InputNumber min={spec.min} max={spec.max} addonAfter={spec.unit} style={{ width: 130 }} data-testid={testId} />
              </Form.Item>
            );
          case "boolean":
            return (
              <Form.Item key={name} {...common} valuePropName="checked">
                <Checkbox data-testid={testId} />
              </Form.Item>
            );
          default:
            return (
              <Form.Item key={name} {...common}>
                <Input maxLength={spec.maxLength ?? 200} data-testid={testId} />
              </Form.Item>
            );
        }
      })}
    </>
  );
}
