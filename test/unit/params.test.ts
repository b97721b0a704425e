import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { checkParams, type ParamSchema, type ParamValues } from "../../src/orders/model/params.js";

const SCHEMA: ParamSchema = {
  color: { type: "enum", values: ["red", "blue", "green"], default: "red" },
  width: { type: "number", min: 100, max: 2000, default: 600, unit: "mm" },
  coated: { type: "boolean", default: false },
  label: { type: "text", maxLength: 10, default: "" },
};

/** Runs checkParams and returns the AppError it throws (failing the test if it does not throw one). */
function refusal(schema: ParamSchema, params: ParamValues, field = "lines[0].params"): AppError {
  try {
    checkParams("SKU-1", schema, params, field);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected checkParams to throw");
}

describe("checkParams: accepted values", () => {
  it("empty params against a schema with defaults is standard", () => {
    expect(checkParams("SKU-1", SCHEMA, {}, "p")).toEqual({ nonstandard: false });
  });

  it("empty schema and empty params", () => {
    expect(checkParams("SKU-1", {}, {}, "p")).toEqual({ nonstandard: false });
  });

  it("values equal to the defaults are standard", () => {
    expect(checkParams("SKU-1", SCHEMA, { color: "red", width: 600, coated: false, label: "" }, "p")).toEqual({ nonstandard: false });
  });

  it.each<[string, ParamValues]>([
    ["enum", { color: "blue" }],
    ["number", { width: 601 }],
    ["boolean", { coated: true }],
    ["text", { label: "x" }],
  ])("a %s value different from its default is nonstandard", (_, params) => {
    expect(checkParams("SKU-1", SCHEMA, params, "p")).toEqual({ nonstandard: true });
  });

  it("one differing value among defaults makes the whole set nonstandard", () => {
    expect(checkParams("SKU-1", SCHEMA, { color: "red", width: 600, coated: true }, "p")).toEqual({ nonstandard: true });
  });

  it("any supplied value for a param without default is nonstandard", () => {
    const schema: ParamSchema = { note: { type: "text" } };
    expect(checkParams("SKU-1", schema, { note: "" }, "p")).toEqual({ nonstandard: true });
    expect(checkParams("SKU-1", schema, {}, "p")).toEqual({ nonstandard: false });
  });

  it("number bounds are inclusive", () => {
    expect(checkParams("SKU-1", SCHEMA, { width: 100 }, "p").nonstandard).toBe(true);
    expect(checkParams("SKU-1", SCHEMA, { width: 2000 }, "p").nonstandard).toBe(true);
  });

  it("number with only one bound, or none", () => {
    const schema: ParamSchema = { a: { type: "number", min: 0 }, b: { type: "number", max: 0 }, c: { type: "number" } };
    expect(checkParams("S", schema, { a: 1e12, b: -1e12, c: -5.5 }, "p")).toEqual({ nonstandard: true });
  });

  it("text up to maxLength, and 200 characters by default", () => {
    expect(checkParams("S", SCHEMA, { label: "x".repeat(10) }, "p").nonstandard).toBe(true);
    const schema: ParamSchema = { t: { type: "text" } };
    expect(checkParams("S", schema, { t: "x".repeat(200) }, "p").nonstandard).toBe(true);
  });

  it("a required param with a default may be omitted", () => {
    const schema: ParamSchema = { size: { type: "enum", values: ["S", "M"], default: "M", required: true } };
    expect(checkParams("S", schema, {}, "p")).toEqual({ nonstandard: false });
  });

  it("a required param without default is accepted when given", () => {
    const schema: ParamSchema = { size: { type: "enum", values: ["S", "M"], required: true } };
    expect(checkParams("S", schema, { size: "S" }, "p")).toEqual({ nonstandard: true });
  });
});

describe("checkParams: refusals", () => {
  it("unknown param → invalid, field <field>.<name>", () => {
    const e = refusal(SCHEMA, { depth: 3 });
    expect(e.code).toBe("invalid");
    expect(e.messageKey).toBe("param.unknown");
    expect(e.params).toEqual({ sku: "SKU-1", param: "depth" });
    expect(e.field).toBe("lines[0].params.depth");
    expect(e.status).toBe(400);
  });

  it("unknown params are reported before a bad known param", () => {
    const e = refusal(SCHEMA, { color: "purple", zzz: 1 });
    expect(e.messageKey).toBe("param.unknown");
    expect(e.field).toBe("lines[0].params.zzz");
  });

  it("any param is unknown against an empty schema", () => {
    expect(refusal({}, { a: "b" }, "x").field).toBe("x.a");
  });

  // Regression: `name in schema` also saw Object.prototype members, letting such params through unchecked.
  it("a param named like an Object.prototype member is refused as unknown", () => {
    const e = refusal(SCHEMA, { constructor: "x" } as ParamValues);
    expect(e.messageKey).toBe("param.unknown");
    expect(e.field).toBe("lines[0].params.constructor");
  });

  it("enum outside its values", () => {
    const e = refusal(SCHEMA, { color: "purple" });
    expect(e).toMatchObject({ code: "invalid", messageKey: "param.enum", field: "lines[0].params.color" });
    expect(e.params).toEqual({ param: "color", allowed: "red, blue, green" });
  });

  it("enum matching is case-sensitive and type-strict", () => {
    expect(refusal(SCHEMA, { color: "Red" }).messageKey).toBe("param.enum");
    expect(refusal({ n: { type: "enum", values: ["1", "2"] } }, { n: 1 }).messageKey).toBe("param.enum");
  });

  it.each([99, 2001, -1, 99.999])("number %s outside min/max", (width) => {
    const e = refusal(SCHEMA, { width });
    expect(e).toMatchObject({ code: "invalid", messageKey: "param.range", field: "lines[0].params.width" });
    expect(e.params).toEqual({ param: "width", min: 100, max: 2000 });
  });

  it("open bounds are shown as infinities", () => {
    expect(refusal({ a: { type: "number", min: 0 } }, { a: -1 }).params).toEqual({ param: "a", min: 0, max: "∞" });
    expect(refusal({ a: { type: "number", max: 0 } }, { a: 1 }).params).toEqual({ param: "a", min: "-∞", max: 0 });
  });

  it.each<[string, string | number | boolean]>([
    ["string", "600"],
    ["boolean", true],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("number param given %s → param.type", (_, width) => {
    const e = refusal(SCHEMA, { width });
    expect(e).toMatchObject({ code: "invalid", messageKey: "param.type", field: "lines[0].params.width" });
    expect(e.params).toEqual({ param: "width", expected: "number" });
  });

  it.each<[string, string | number | boolean]>([
    ["string", "true"],
    ["number", 1],
  ])("boolean param given %s → param.type", (_, coated) => {
    const e = refusal(SCHEMA, { coated });
    expect(e).toMatchObject({ code: "invalid", messageKey: "param.type", field: "lines[0].params.coated" });
    expect(e.params).toEqual({ param: "coated", expected: "boolean" });
  });

  it.each<[string, string | number | boolean]>([
    ["number", 5],
    ["boolean", false],
    ["too long", "x".repeat(11)],
  ])("text param given %s → param.type", (_, label) => {
    const e = refusal(SCHEMA, { label });
    expect(e).toMatchObject({ code: "invalid", messageKey: "param.type", field: "lines[0].params.label" });
    expect(e.params).toEqual({ param: "label", expected: "text ≤ 10" });
  });

  it("text longer than the 200 default", () => {
    const e = refusal({ t: { type: "text" } }, { t: "x".repeat(201) });
    expect(e.params).toEqual({ param: "t", expected: "text ≤ 200" });
  });

  it("required without default and missing → param.required", () => {
    const schema: ParamSchema = { size: { type: "number", required: true, min: 1 } };
    const e = refusal(schema, {}, "lines[2].params");
    expect(e).toMatchObject({ code: "invalid", messageKey: "param.required", field: "lines[2].params.size" });
    expect(e.params).toEqual({ sku: "SKU-1", param: "size" });
  });

  it("a param explicitly set to undefined counts as missing", () => {
    const schema: ParamSchema = { size: { type: "boolean", required: true } };
    expect(refusal(schema, { size: undefined } as unknown as ParamValues).messageKey).toBe("param.required");
  });

  it("the message is rendered in English on the Error", () => {
    expect(refusal(SCHEMA, { color: "purple" }).message).toBe("Parameter color must be one of red, blue, green");
  });
});
