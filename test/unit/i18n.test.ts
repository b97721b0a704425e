import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { langFromHeader, translate } from "../../src/core/i18n.js";

describe("translate", () => {
  it("fills params in Chinese", () => {
    expect(translate("zh", "field.required", { field: "customer" })).toBe("字段 customer 为必填项");
    expect(translate("zh", "param.range", { param: "width", min: 600, max: 1200 })).toBe("参数 width 必须在 600 到 1200 之间");
  });

  it("fills params in English", () => {
    expect(translate("en", "field.required", { field: "customer" })).toBe("Field customer is required");
    expect(translate("en", "order.stale_version", { current: 3, given: 2 })).toBe("The order was changed by someone else: current version 3, yours 2");
  });

  it("fills several params, and numbers as text", () => {
    expect(translate("en", "order.transition_not_allowed", { from: "draft", to: "shipped" })).toBe("An order cannot go from draft to shipped");
    expect(translate("zh", "order.transition_not_allowed", { from: "draft", to: "shipped" })).toBe("订单状态不能从 draft 变为 shipped");
    expect(translate("en", "request.too_large", { limit: 0 })).toBe("The request body is larger than the limit of 0 bytes");
  });

  it("messages without placeholders come out unchanged", () => {
    expect(translate("zh", "auth.required")).toBe("请先登录");
    expect(translate("en", "auth.required", { unused: "x" })).toBe("Please sign in");
  });

  it("a missing param leaves its placeholder visible", () => {
    expect(translate("en", "field.type", { field: "qty" })).toBe("Field qty must be {expected}");
    expect(translate("zh", "field.required")).toBe("字段 {field} 为必填项");
  });

  it("param values are inserted literally (no $-pattern expansion, no re-substitution)", () => {
    expect(translate("en", "field.required", { field: "$&$1" })).toBe("Field $&$1 is required");
    expect(translate("en", "field.type", { field: "{expected}", expected: "number" })).toBe("Field {expected} must be number");
  });

  it("AppError carries the English text as its message and renders either language in toBody", () => {
    const e = new AppError("invalid", "field.required", { field: "customer" }, "customer");
    expect(e.message).toBe("Field customer is required");
    expect(e.toBody("zh")).toEqual({ error: { code: "invalid", reason: "field.required", message: "字段 customer 为必填项", field: "customer" } });
    expect(e.toBody("en").error.message).toBe("Field customer is required");
    expect(new AppError("unauthenticated", "auth.required").toBody("en")).toEqual({
      error: { code: "unauthenticated", reason: "auth.required", message: "Please sign in" },
    });
  });
});

describe("langFromHeader", () => {
  it.each<[string | undefined, "zh" | "en"]>([
    ["en-US,en;q=0.9", "en"],
    ["en", "en"],
    ["EN-gb", "en"],
    [" en-US , zh", "en"],
    [undefined, "zh"],
    ["", "zh"],
    ["zh-CN", "zh"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh"],
    ["fr-FR,en;q=0.5", "zh"],
    ["*", "zh"],
  ])("%j → %s", (header, lang) => {
    expect(langFromHeader(header)).toBe(lang);
  });
});
