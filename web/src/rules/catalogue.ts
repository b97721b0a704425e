// The rule catalogue from GET /api/rules/catalogue, turned into react-querybuilder fields.
import type { Field } from "react-querybuilder";

export interface Fact {
  name: string;
  type: "number" | "string" | "boolean" | "date" | "string[]" | "lines";
  label: { zh: string; en: string };
  values?: string[];
}
export interface ActionField {
  name: string;
  kind: "text" | "number" | "boolean" | "enum" | "enum[]" | "text[]";
  required: boolean;
  values?: string[];
  min?: number;
  max?: number;
  default?: unknown;
  description?: string;
}
export interface Catalogue {
  triggers: string[];
  facts: Fact[];
  actions: { type: string; fields: ActionField[] }[];
}

const OPS = {
  number: ["=", "!=", "<", "<=", ">", ">=", "between", "notBetween", "in", "notIn"],
  enum: ["=", "!=", "in", "notIn"],
  string: ["=", "!=", "contains", "beginsWith", "in", "notIn"],
  boolean: ["="],
  date: ["=", "!=", "<", "<=", ">", ">="],
  list: ["contains", "doesNotContain"],
};

/** Operator labels: symbols stay symbols, words come from the translation. */
export const operatorLabel = (name: string, t: (key: string) => string) => (/^[a-z]/i.test(name) ? t(`rules.qb.${name}`) : name);

export function queryFields(facts: Fact[], lang: "zh" | "en", t: (key: string) => string): Field[] {
  const ops = (names: string[]) => names.map((o) => ({ name: o, value: o, label: operatorLabel(o, t) }));
  return facts
    .filter((f) => f.type !== "lines")
    .map((f): Field => {
      const label = f.label[lang];
      if (f.type === "boolean") return { name: f.name, label, valueEditorType: "checkbox", operators: ops(OPS.boolean), defaultValue: true };
      if (f.values)
        return {
          name: f.name,
          label,
          valueEditorType: "select",
          values: f.values.map((v) => ({ name: v, label: v })),
          operators: ops(OPS.enum),
          defaultValue: f.values[0],
        };
      if (f.type === "number") return { name: f.name, label, inputType: "number", operators: ops(OPS.number) };
      if (f.type === "date") return { name: f.name, label, inputType: "date", operators: ops(OPS.date) };
      if (f.type === "string[]") return { name: f.name, label, operators: ops(OPS.list) };
      return { name: f.name, label, operators: ops(OPS.string) };
    });
}
