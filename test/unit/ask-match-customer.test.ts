import { describe, expect, it } from "vitest";
import { matchCustomer } from "../../src/ask/model/match-customer.js";

const customers = [
  { code: "C0001", name: "宁波永威流体设备有限公司" },
  { code: "C0002", name: "宁波永达机电有限公司" },
  { code: "C0003", name: "苏州恒锐机电股份有限公司" },
  { code: "C0004", name: "杭州恒锐仪表有限公司" },
  { code: "C0005", name: "Acme Sensors Co., Ltd." },
];

describe("which customer a question names", () => {
  it("finds a customer by the short name people say", () => {
    expect(matchCustomer("宁波永威的订单", customers)).toEqual({ kind: "one", customer: customers[0] });
    expect(matchCustomer("永威流体有几个订单逾期", customers)).toEqual({ kind: "one", customer: customers[0] });
    expect(matchCustomer("苏州恒锐机电股份有限公司的订单", customers)).toEqual({ kind: "one", customer: customers[2] });
    expect(matchCustomer("orders of acme sensors", customers)).toEqual({ kind: "one", customer: customers[4] });
  });

  it("prefers the longest piece: 苏州恒锐 is one customer although 恒锐 is in two names", () => {
    expect(matchCustomer("苏州恒锐的订单", customers)).toMatchObject({ kind: "one", customer: { code: "C0003" } });
  });

  it("names every customer that fits equally, so the answer can ask which one", () => {
    expect(matchCustomer("恒锐机电仪表", customers)).toMatchObject({ kind: "one", customer: { code: "C0003" } });
    const several = matchCustomer("宁波永的订单", [...customers, { code: "C0006", name: "宁波永威阀门有限公司" }]);
    expect(several).toEqual({ kind: "none" });
    const tie = matchCustomer("宁波永威的订单", [...customers, { code: "C0006", name: "宁波永威阀门有限公司" }]);
    expect(tie).toMatchObject({ kind: "several", said: "宁波永威" });
    expect(tie.kind === "several" && tie.customers.map((c) => c.code)).toEqual(["C0001", "C0006"]);
  });

  it("does not take a legal form or a short word for a name", () => {
    expect(matchCustomer("有限公司的订单", customers)).toEqual({ kind: "none" });
    expect(matchCustomer("今天还能接多少单", customers)).toEqual({ kind: "none" });
    expect(matchCustomer("宁波的订单", customers)).toEqual({ kind: "none" });
  });
});
