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

export function queryFields(facts: Fact[], lang: "zh" | "en"): Field[] {
  return facts
    .filter((f) => f.type !== "lines")
    .map((f): Field => {
      const label = f.label[lang];
      if (f.type === "boolean")
        return { name: f.name, label, valueEditorType: "checkbox", operators: OPS.boolean.map((o) => ({ name: o, label: o })), defaultValue: true };
      if (f.values)
        return {
          name: f.name,
          label,
          valueEditorType: "select",
          values: f.values.map((v) => ({ name: v, label: v })),
          operators: OPS.enum.map((o) => ({ name: o, label: o })),
          defaultValue: f.values[0],
        };
      if (f.type === "number") return { name: f.name, label, inputType: "number", operators: OPS.number.map((o) => ({ name: o, label: o })) };
      if (f.type === "date") return { name: f.name, label, inputType: "date", operators: OPS.date.map((o) => ({ name: o, label: o })) };
      if (f.type === "string[]") return { name: f.name, label, operators: OPS.list.map((o) => ({ name: o, label: o })) };
      return { name: f.name, label, operators: OPS.string.map((o) => ({ name: o, label: o })) };
    });
}
