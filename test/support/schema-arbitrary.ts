// fast-check arbitraries from the JSON Schemas of /openapi.json (generated from every route's zod
// schema): mostly values the schema accepts, laced with the inputs that break servers (control
// characters, lone surrogates, traversal, huge numbers, wrong types), and real ids where a field is
// named like one, so requests reach the use cases and not only the validator.
import fc from "fast-check";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped here
export type Schema = Record<string, any>;

const NASTY = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\ud800",
  "\udfff",
  "%00",
  "../../etc/passwd",
  "..%2f..%2f",
  "' or 1=1 --",
  "\\",
  '"',
  "😀",
  "𠮷",
  "\u202e",
  " ",
  "",
  "9".repeat(40),
  "1e309",
  "-0",
  "NaN",
  "2026-02-30",
];

const nasty = fc.constantFrom(...NASTY);

/** Values of a field named like a real entity's id, so requests find something. */
export type Known = Record<string, readonly unknown[]>;

function laced(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: valid, weight: 5 },
    {
      arbitrary: fc.tuple(valid, nasty, fc.nat()).map(([v, n, i]) => {
        const at = i % (v.length + 1);
        return v.slice(0, at) + n + v.slice(at);
      }),
      weight: 2,
    },
    { arbitrary: nasty, weight: 1 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 12 }), weight: 1 },
  );
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 300);
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    const matching = fc.stringMatching(re).filter((s) => s.length >= min && s.length <= max);
    return fc.oneof({ arbitrary: matching, weight: 3 }, { arbitrary: fc.string({ maxLength: max }), weight: 1 });
  }
  const unit = fc.oneof(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), fc.constantFrom("中", "文", "-", "_", " "));
  return fc.string({ minLength: min, maxLength: Math.min(max, 60), unit });
}

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.01) : -1e6);
  const max = schema.maximum ?? 1e6;
  const inRange = integer
    ? fc.integer({ min: Math.ceil(Math.max(min, -2_000_000_000)), max: Math.floor(Math.min(max, 2_000_000_000)) })
    : fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ arbitrary: inRange, weight: 6 }, { arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e300), weight: 1 });
}

/** An arbitrary for a value the schema describes (`name`: the property or parameter's name). */
export function arbitraryOf(schema: Schema | undefined, known: Known = {}, name = "", depth = 0): fc.Arbitrary<unknown> {
  const core = generatedValue(schema ?? {}, known, name, depth);
  const wrong = fc.jsonValue({ maxDepth: 1 });
  const real = known[name];
  if (real?.length) return fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: core, weight: 3 }, { arbitrary: wrong, weight: 1 });
  return fc.oneof({ arbitrary: core, weight: 12 }, { arbitrary: wrong, weight: 1 });
}

function generatedValue(schema: Schema, known: Known, name: string, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.jsonValue({ maxDepth: 1 });
  if (schema.nullable) return fc.oneof(fc.constant(null), generatedValue({ ...schema, nullable: false }, known, name, depth));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length)
    return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 6 }, { arbitrary: laced(fc.constantFrom(...schema.enum.map(String))), weight: 1 });
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length) return fc.oneof(...alternatives.map((s: Schema) => generatedValue(s, known, name, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) return generatedValue(schema.allOf[0], known, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return laced(stringOf(schema));
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(arbitraryOf(schema.items, known, name.replace(/s$/, ""), depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case "object":
      return objectOf(schema, known, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: Schema, known: Known, depth: number): fc.Arbitrary<unknown> {
  const props: Record<string, Schema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) model[key] = arbitraryOf(sub, known, key, depth + 1);
  const fixed = fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
  const extraSchema = typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
  const extra =
    extraSchema || !Object.keys(props).length
      ? fc.dictionary(laced(fc.string({ minLength: 1, maxLength: 12 })), arbitraryOf(extraSchema, known, "", depth + 1), { maxKeys: 3 })
      : fc.oneof(
          { arbitrary: fc.constant({}), weight: 9 },
          { arbitrary: fc.dictionary(laced(fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 1 }), weight: 1 },
        );
  return fc.tuple(extra, fixed).map(([a, b]) => ({ ...a, ...(b as object) }));
}
