// The server names a field "lines.0.sku" (use-case checks) or "lines[0].qtyPer" (schema checks): one
// spelling here, so an error lands under the input it names; the ones no input claims go on top.
import { ApiError } from "../api/client";

export type FieldErrors = Record<string, string>;

export const normaliseField = (field: string) => field.replace(/\[(\d+)\]/g, ".$1");

export function toFieldErrors(e: unknown): FieldErrors {
  if (e instanceof ApiError && e.field) return { [normaliseField(e.field)]: e.message };
  return { "": (e as Error).message };
}

/** The message for an input: its own field, or a field inside it (lines.0.substitutes.1 → lines.0.substitutes). */
export function errorFor(errors: FieldErrors, key: string): string | undefined {
  const hit = Object.keys(errors).find((f) => f === key || f.startsWith(`${key}.`));
  return hit === undefined ? undefined : errors[hit];
}

/** Errors no input on the form claims (e.g. "version" when the version was released meanwhile). */
export function unclaimed(errors: FieldErrors, claimed: (field: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([f]) => !claimed(f))
    .map(([, m]) => m);
}
