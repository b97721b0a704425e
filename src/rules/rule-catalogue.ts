// What the rule editor may offer: triggers, the facts a condition may read (with labels and closed
// lists), the operators, and each action's fields, derived from the same schemas that validate a rule.
import { z } from "zod";
import { ruleAction } from "./model/actions.js";
import { ALLOWED_OPERATORS } from "./model/condition.js";
import { FACT_FIELDS, type FactField, LINE_FIELDS, TRIGGERS } from "./model/facts.js";

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

type JsonSchema = {
  type?: string;
  enum?: string[];
  const?: string;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

function fieldOf(name: string, s: JsonSchema, required: boolean): ActionField {
  const base = { name, required, default: s.default, description: s.description };
  if (s.enum) return { ...base, kind: "enum", values: s.enum };
  if (s.type === "array") return s.items?.enum ? { ...base, kind: "enum[]", values: s.items.enum } : { ...base, kind: "text[]" };
  if (s.type === "number" || s.type === "integer") return { ...base, kind: "number", min: s.minimum, max: s.maximum };
  if (s.type === "boolean") return { ...base, kind: "boolean" };
  return { ...base, kind: "text" };
}

const facts = (catalogue: Record<string, FactField>) =>
  Object.entries(catalogue).map(([name, f]) => ({ name, type: f.type, label: f.label, values: f.values ? [...f.values] : undefined }));

let cached: ReturnType<typeof build> | undefined;

function build() {
  const schema = z.toJSONSchema(ruleAction, { io: "input" }) as JsonSchema;
  const variants = schema.oneOf ?? schema.anyOf ?? [];
  const actions = variants.map((v) => {
    const props = v.properties ?? {};
    const type = props.type?.const ?? props.type?.enum?.[0] ?? "";
    const fields = Object.entries(props)
      .filter(([name]) => name !== "type")
      .map(([name, s]) => fieldOf(name, s, (v.required ?? []).includes(name) && s.default === undefined));
    return { type, fields };
  });
  return { triggers: [...TRIGGERS], operators: [...ALLOWED_OPERATORS], facts: facts(FACT_FIELDS), lineFacts: facts(LINE_FIELDS), actions };
}

export function ruleCatalogue() {
  cached ??= build();
  return cached;
}
