import { describe, expect, it } from "vitest";
import { proposeCustomers } from "../../src/customers/model/propose-customers.js";

const CUSTOMERS = [
  { code: "C0001", name: "嘉兴富峰能源科技有限公司" },
  { code: "C0002", name: "宁波永威精密机械有限公司" },
  { code: "C0003", name: "苏州富峰电子有限公司" },
  { code: "C0004", name: "上海恒力液压股份有限公司" },
];

describe("proposeCustomers", () => {
  it("proposes the full name for a short one, most likely first", () => {
    const [first, ...rest] = proposeCustomers("嘉兴富峰能源", CUSTOMERS);
    expect(first).toMatchObject({ code: "C0001", by: "short_name" });
    expect(first.confidence).toBeGreaterThan(0.8);
    expect(rest.every((p) => p.confidence < first.confidence)).toBe(true);
  });

  it("finds an abbreviation that keeps some characters in order", () => {
    expect(proposeCustomers("宁波永威机械", CUSTOMERS)[0]).toMatchObject({ code: "C0002", by: "abbreviation" });
  });

  it("finds a typo in a name of the same length, with a legal form spelled differently", () => {
    expect(proposeCustomers("嘉兴富锋能源科技有限责任公司", CUSTOMERS)[0]).toMatchObject({ code: "C0001", by: "spelling" });
  });

  it("proposes nothing for an unrelated name, an exact name or a single character", () => {
    expect(proposeCustomers("广州白云电器", CUSTOMERS)).toEqual([]);
    expect(proposeCustomers("嘉兴富峰能源科技有限公司", CUSTOMERS).map((p) => p.code)).not.toContain("C0001");
    expect(proposeCustomers("富", CUSTOMERS)).toEqual([]);
  });

  it("keeps at most the number asked for", () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ code: `X${i}`, name: `富峰${i}号能源有限公司` }));
    expect(proposeCustomers("富峰", many, 3)).toHaveLength(3);
  });
});
