import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../src/core/errors.js";
import { fieldPath, validationToAppError } from "../../src/core/http/validation-errors.js";

type Issue = Parameters<typeof validationToAppError>[0];

const issue = (keyword: string, instancePath: string, params: Record<string, unknown> = {}, message = "msg"): Issue => ({
  keyword,
  instancePath,
  message,
  params,
});

/** The same shape fastify-type-provider-zod builds from a zod issue (createValidationError). */
function fromZod(schema: z.ZodType, value: unknown): Issue {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a validation failure");
  const { path, code, message, ...rest } = result.error.issues[0];
  return { keyword: code, instancePath: `/${path.join("/")}`, message, params: { ...rest } };
}

describe("fieldPath", () => {
  it("joins names with dots and indexes with brackets", () => {
    expect(fieldPath(["lines", 0, "qty"])).toBe("lines[0].qty");
    expect(fieldPath(["lines", 12, "params", "width"])).toBe("lines[12].params.width");
    expect(fieldPath(["a", "b", "c"])).toBe("a.b.c");
    expect(fieldPath(["m", 0, 1])).toBe("m[0][1]");
  });

  it("treats numeric strings (from an instancePath) as indexes", () => {
    expect(fieldPath(["lines", "3", "sku"])).toBe("lines[3].sku");
  });

  it("edge cases", () => {
    expect(fieldPath([])).toBe("");
    expect(fieldPath(["customer"])).toBe("customer");
    expect(fieldPath([0])).toBe("[0]");
    expect(fieldPath([0, "sku"])).toBe("[0].sku");
    expect(fieldPath(["1a"])).toBe("1a");
  });
});

describe("validationToAppError", () => {
  it("always yields an invalid AppError (HTTP 400)", () => {
    const e = validationToAppError(issue("anything", "/x"), "body");
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("invalid");
    expect(e.status).toBe(400);
  });

  describe("field naming", () => {
    it("uses the instance path", () => {
      expect(validationToAppError(issue("custom", "/lines/0/qty"), "body").field).toBe("lines[0].qty");
    });

    it("falls back to the context, then to 'body', at the root", () => {
      expect(validationToAppError(issue("custom", ""), "querystring").field).toBe("querystring");
      expect(validationToAppError(issue("custom", "/"), "params").field).toBe("params");
      expect(validationToAppError(issue("custom", ""), undefined).field).toBe("body");
    });

    it("headers keep their dotted names without index brackets", () => {
      expect(validationToAppError(issue("custom", "/if-match"), "headers").field).toBe("if-match");
      expect(validationToAppError(issue("custom", "/x-list/0"), "headers").field).toBe("x-list.0");
    });
  });

  describe("invalid_type", () => {
    it("missing (received undefined) → field.required", () => {
      const e = validationToAppError(issue("invalid_type", "/customer", { expected: "string" }, "Invalid input: expected string, received undefined"), "body");
      expect(e).toMatchObject({ code: "invalid", messageKey: "field.required", field: "customer" });
      expect(e.params).toEqual({ field: "customer" });
    });

    it("wrong type → field.type with the expected type", () => {
      const e = validationToAppError(issue("invalid_type", "/lines/1/qty", { expected: "number" }, "Invalid input: expected number, received string"), "body");
      expect(e).toMatchObject({ code: "invalid", messageKey: "field.type", field: "lines[1].qty" });
      expect(e.params).toEqual({ field: "lines[1].qty", expected: "number" });
    });

    it("wrong type without an expected param", () => {
      expect(validationToAppError(issue("invalid_type", "/a", {}, "Invalid input"), "body").params).toEqual({ field: "a", expected: "?" });
    });
  });

  it("invalid_value → field.enum listing the allowed values", () => {
    const e = validationToAppError(issue("invalid_value", "/to", { values: ["draft", "confirmed"] }), "body");
    expect(e).toMatchObject({ messageKey: "field.enum", field: "to" });
    expect(e.params).toEqual({ field: "to", allowed: "draft, confirmed" });
    expect(validationToAppError(issue("invalid_value", "/to"), "body").params).toEqual({ field: "to", allowed: "?" });
  });

  describe("too_small / too_big", () => {
    it.each(["number", "bigint"])("%s origin → field.too_small / field.too_big", (origin) => {
      const small = validationToAppError(issue("too_small", "/lines/0/qty", { origin, minimum: 1 }), "body");
      expect(small).toMatchObject({ messageKey: "field.too_small", field: "lines[0].qty" });
      expect(small.params).toEqual({ field: "lines[0].qty", min: "1" });
      const big = validationToAppError(issue("too_big", "/lines/0/qty", { origin, maximum: 100000 }), "body");
      expect(big).toMatchObject({ messageKey: "field.too_big", field: "lines[0].qty" });
      expect(big.params).toEqual({ field: "lines[0].qty", max: "100000" });
    });

    it.each(["string", "array", "set", undefined])("%s origin → field.too_short / field.too_long", (origin) => {
      const small = validationToAppError(issue("too_small", "/lines", { origin, minimum: 1 }), "body");
      expect(small).toMatchObject({ messageKey: "field.too_short", field: "lines" });
      expect(small.params).toEqual({ field: "lines", min: "1" });
      const big = validationToAppError(issue("too_big", "/note", { origin, maximum: 500 }), "body");
      expect(big).toMatchObject({ messageKey: "field.too_long", field: "note" });
      expect(big.params).toEqual({ field: "note", max: "500" });
    });
  });

  it("invalid_format → field.format, preferring the format name over the pattern", () => {
    expect(validationToAppError(issue("invalid_format", "/email", { format: "email", pattern: "/.../" }), "body").params).toEqual({
      field: "email",
      format: "email",
    });
    expect(validationToAppError(issue("invalid_format", "/d", { pattern: "^\\d+$" }), "body").params).toEqual({ field: "d", format: "^\\d+$" });
    const e = validationToAppError(issue("invalid_format", "/d"), "body");
    expect(e).toMatchObject({ messageKey: "field.format", field: "d" });
    expect(e.params).toEqual({ field: "d", format: "?" });
  });

  describe("unrecognized_keys", () => {
    it("at the root, the field is the unknown key itself", () => {
      const e = validationToAppError(issue("unrecognized_keys", "", { keys: ["extra", "more"] }), "body");
      expect(e).toMatchObject({ messageKey: "field.unknown", field: "extra" });
      expect(e.params).toEqual({ field: "extra" });
      expect(validationToAppError(issue("unrecognized_keys", "/", { keys: ["x"] }), undefined).field).toBe("x");
      expect(validationToAppError(issue("unrecognized_keys", "", { keys: ["page"] }), "querystring").field).toBe("page");
    });

    it("nested, the field is the object's path plus the key", () => {
      const e = validationToAppError(issue("unrecognized_keys", "/lines/0", { keys: ["colour"] }), "body");
      expect(e).toMatchObject({ messageKey: "field.unknown", field: "lines[0].colour" });
      expect(e.params).toEqual({ field: "lines[0].colour" });
    });

    it("without keys", () => {
      expect(validationToAppError(issue("unrecognized_keys", "/a"), "body").field).toBe("a.?");
    });
  });

  it("any other keyword → field.invalid carrying the message", () => {
    const e = validationToAppError(issue("custom", "/requestedDate", {}, "Not a date"), "body");
    expect(e).toMatchObject({ messageKey: "field.invalid", field: "requestedDate" });
    expect(e.params).toEqual({ field: "requestedDate", detail: "Not a date" });
    expect(e.toBody("en").error.message).toBe("Field requestedDate is invalid: Not a date");
  });
});

describe("validationToAppError on real zod issues", () => {
  const Line = z.strictObject({ sku: z.string().min(1).max(40), qty: z.number().int().min(1).max(100_000) });
  const Body = z.strictObject({
    customer: z.string(),
    lines: z.array(Line).min(1).max(3),
    to: z.enum(["draft", "confirmed"]).optional(),
    email: z.email().optional(),
  });
  const ok = { customer: "C1", lines: [{ sku: "A", qty: 1 }] };

  it("missing field", () => {
    const e = validationToAppError(fromZod(Body, { lines: ok.lines }), "body");
    expect(e).toMatchObject({ messageKey: "field.required", field: "customer" });
  });

  it("wrong type", () => {
    const e = validationToAppError(fromZod(Body, { ...ok, customer: 5 }), "body");
    expect(e).toMatchObject({ messageKey: "field.type", field: "customer", params: { field: "customer", expected: "string" } });
  });

  it("missing nested field", () => {
    const e = validationToAppError(fromZod(Body, { ...ok, lines: [{ sku: "A", qty: 1 }, { sku: "B" }] }), "body");
    expect(e).toMatchObject({ messageKey: "field.required", field: "lines[1].qty" });
  });

  it("enum", () => {
    const e = validationToAppError(fromZod(Body, { ...ok, to: "shipped" }), "body");
    expect(e).toMatchObject({ messageKey: "field.enum", params: { field: "to", allowed: "draft, confirmed" } });
  });

  it("number and array bounds", () => {
    expect(validationToAppError(fromZod(Body, { ...ok, lines: [{ sku: "A", qty: 0 }] }), "body")).toMatchObject({
      messageKey: "field.too_small",
      field: "lines[0].qty",
      params: { min: "1" },
    });
    expect(validationToAppError(fromZod(Body, { ...ok, lines: [] }), "body")).toMatchObject({ messageKey: "field.too_short", field: "lines" });
    expect(validationToAppError(fromZod(Body, { ...ok, lines: Array(4).fill(ok.lines[0]) }), "body")).toMatchObject({
      messageKey: "field.too_long",
      field: "lines",
      params: { max: "3" },
    });
    expect(validationToAppError(fromZod(Body, { ...ok, lines: [{ sku: "x".repeat(41), qty: 1 }] }), "body")).toMatchObject({
      messageKey: "field.too_long",
      field: "lines[0].sku",
    });
  });

  it("format", () => {
    expect(validationToAppError(fromZod(Body, { ...ok, email: "nope" }), "body")).toMatchObject({
      messageKey: "field.format",
      field: "email",
      params: { format: "email" },
    });
  });

  it("unknown keys, at the root and nested", () => {
    expect(validationToAppError(fromZod(Body, { ...ok, extra: 1 }), "body")).toMatchObject({ messageKey: "field.unknown", field: "extra" });
    expect(validationToAppError(fromZod(Body, { ...ok, lines: [{ sku: "A", qty: 1, colour: "red" }] }), "body")).toMatchObject({
      messageKey: "field.unknown",
      field: "lines[0].colour",
    });
  });
});
