// Non-standard parameters are structured fields checked against the item's parameter schema.
import { AppError } from "../../core/errors.js";

export type ParamSpec =
  | { type: "enum"; values: string[]; default?: string; required?: boolean; label?: string }
  | { type: "number"; min?: number; max?: number; default?: number; required?: boolean; unit?: string; label?: string }
  | { type: "boolean"; default?: boolean; required?: boolean; label?: string }
  | { type: "text"; maxLength?: number; default?: string; required?: boolean; label?: string };

export type ParamSchema = Record<string, ParamSpec>;
export type ParamValues = Record<string, string | number | boolean>;

/** The values a line really asks for: its params with the schema's defaults filled in. */
export function withDefaults(schema: ParamSchema, params: ParamValues): ParamValues {
  const full: ParamValues = {};
  for (const [name, spec] of Object.entries(schema)) {
    const value = params[name] ?? spec.default;
    if (value !== undefined) full[name] = value;
  }
  return full;
}

/** Validates `params` against `schema`; returns whether any value departs from the standard default. */
export function checkParams(sku: string, schema: ParamSchema, params: ParamValues, field: string): { nonstandard: boolean } {
  let nonstandard = false;
  for (const name of Object.keys(params)) {
    if (!Object.hasOwn(schema, name)) throw new AppError("invalid", "param.unknown", { sku, param: name }, `${field}.${name}`);
  }
  for (const [name, spec] of Object.entries(schema)) {
    const value = params[name];
    const at = `${field}.${name}`;
    if (value === undefined) {
      if (spec.required && spec.default === undefined) throw new AppError("invalid", "param.required", { sku, param: name }, at);
      continue;
    }
    if (spec.type === "enum") {
      if (typeof value !== "string" || !spec.values.includes(value)) {
        throw new AppError("invalid", "param.enum", { param: name, allowed: spec.values.join(", ") }, at);
      }
    } else if (spec.type === "number") {
      if (typeof value !== "number" || !Number.isFinite(value)) throw new AppError("invalid", "param.type", { param: name, expected: "number" }, at);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        throw new AppError("invalid", "param.range", { param: name, min: spec.min ?? "-∞", max: spec.max ?? "∞" }, at);
      }
    } else if (spec.type === "boolean") {
      if (typeof value !== "boolean") throw new AppError("invalid", "param.type", { param: name, expected: "boolean" }, at);
    } else if (typeof value !== "string" || value.length > (spec.maxLength ?? 200)) {
      throw new AppError("invalid", "param.type", { param: name, expected: `text ≤ ${spec.maxLength ?? 200}` }, at);
    }
    if (value !== spec.default) nonstandard = true;
  }
  return { nonstandard };
}
