// Turns the first schema-validation issue into our error shape: which field, and why, in words.
import { AppError } from "../errors.js";

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** ["lines", 0, "qty"] → "lines[0].qty" */
export function fieldPath(segments: (string | number)[]): string {
  return segments.reduce<string>((path, seg) => {
    if (/^\d+$/.test(String(seg))) return `${path}[${seg}]`;
    return path ? `${path}.${seg}` : String(seg);
  }, "");
}

export function validationToAppError(issue: ValidationIssue, context: string | undefined): AppError {
  const segments = issue.instancePath.split("/").filter(Boolean);
  let field = fieldPath(segments) || context || "body";
  if (context === "headers") field = segments.join(".") || "headers";
  const p = issue.params;
  switch (issue.keyword) {
    case "invalid_type":
      if (/received undefined/.test(issue.message)) return new AppError("invalid", "field.required", { field }, field);
      return new AppError("invalid", "field.type", { field, expected: String(p.expected ?? "?") }, field);
    case "invalid_value":
      return new AppError("invalid", "field.enum", { field, allowed: (p.values as unknown[] | undefined)?.join(", ") ?? "?" }, field);
    case "too_small":
      return p.origin === "number" || p.origin === "bigint"
        ? new AppError("invalid", "field.too_small", { field, min: String(p.minimum) }, field)
        : new AppError("invalid", "field.too_short", { field, min: String(p.minimum) }, field);
    case "too_big":
      return p.origin === "number" || p.origin === "bigint"
        ? new AppError("invalid", "field.too_big", { field, max: String(p.maximum) }, field)
        : new AppError("invalid", "field.too_long", { field, max: String(p.maximum) }, field);
    case "invalid_format":
      return new AppError("invalid", "field.format", { field, format: String(p.format ?? p.pattern ?? "?") }, field);
    case "unrecognized_keys": {
      const key = (p.keys as string[] | undefined)?.[0] ?? "?";
      const unknown = field === (context ?? "body") ? key : `${field}.${key}`;
      return new AppError("invalid", "field.unknown", { field: unknown }, unknown);
    }
    default:
      return new AppError("invalid", "field.invalid", { field, detail: issue.message }, field);
  }
}
