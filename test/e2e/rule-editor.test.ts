// The no-code rule editor in a real browser: a rule built with clicks is stored as JSONLogic and applies.
import { describe, expect, it } from "vitest";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";
import { chooseOption } from "./support/choose-option.js";

describe.skipIf(!hasChromium)("the rule editor in headless Chromium", () => {
  const app = useBrowserApp();

  it("builds 'customer grade = B → add tag' with clicks; the next order of a grade-B customer gets the tag", async () => {
    const page = await app.signIn("admin", { path: "/rules" });
    await page.getByTestId("new-rule").click();
    const editor = page.getByTestId("condition-editor");
    await editor.waitFor();
    await page.fill("#name", "B级客户打标签");

    await editor.getByRole("button", { name: "+ 条件", exact: true }).click();
    await chooseOption(page, editor.locator(".rule-fields"), "客户等级");
    await chooseOption(page, editor.locator(".rule-value"), "B");
    expect(await editor.getByTestId("condition-json").textContent()).toContain('{"==":[{"var":"customer.grade"},"B"]}');

    await chooseOption(page, page.locator("#actions_0_type"), "添加标签");
    await page.fill("#actions_0_tag", "B级");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    await page.getByText("已保存规则（版本 1）").waitFor();

    const rules = await app.t.api("GET", "/api/rules");
    const rule = rules.body.rules.find((r: { name: string }) => r.name === "B级客户打标签");
    expect(JSON.stringify(rule.condition)).toContain('{"==":[{"var":"customer.grade"},"B"]}');
    expect(rule.actions).toEqual([{ type: "add_tag", tag: "B级" }]);
    expect(rule.trigger).toEqual({ event: "order.created" });

    const b = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(b.body.tags).toContain("B级");
    const a = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(a.body.tags).not.toContain("B级");
    await closePage(page);
  });

  it("shows the server's reason, naming the field, when a rule is refused", async () => {
    const page = await app.signIn("admin", { path: "/rules" });
    await page.getByTestId("new-rule").click();
    await page.getByTestId("condition-editor").waitFor();
    await page.fill("#name", "B级客户打标签");
    await chooseOption(page, page.locator("#actions_0_type"), "添加标签");
    await page.fill("#actions_0_tag", "重复");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    const error = page.getByTestId("rule-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("[name]");
    await closePage(page);
  });
});
