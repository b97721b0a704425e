// BOM versions authored in a real browser: engineering opens an item from the board, drafts the next BOM
// version from the one in force with a changed quantity, sees the server's refusal under the line it names,
// saves, reads the diff against the released version, and releases the draft after a confirm; the API then
// reports it released and refuses to edit it. Checked at 1440 px and on a 390 px phone.
import { describe, expect, it } from "vitest";
import { inDays } from "../support/helpers.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";
import { chooseOption } from "./support/choose-option.js";
import { layoutProblems } from "./support/layout-check.js";

describe.skipIf(!hasChromium)("BOM and routing versions authored in headless Chromium", () => {
  const app = useBrowserApp();

  it("drafts a BOM version with a changed quantity, shows the diff, releases it; the released version is read only", async () => {
    const t = app.t;
    const eng = async (method: string, path: string, body?: unknown) => {
      const res = await t.api(method, path, { as: "engineering", body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    await eng("POST", "/api/items", { sku: "VA-HOUSING", name: "不锈钢壳体", kind: "purchased" });
    await eng("POST", "/api/items", { sku: "VA-SEAL", name: "氟橡胶密封圈", kind: "purchased" });
    await eng("POST", "/api/items", { sku: "VA-SEAL2", name: "丁腈密封圈", kind: "purchased" });
    await eng("POST", "/api/items", { sku: "VA-VALVE", name: "球阀 VA 型", kind: "finished", unitPrice: "1200.00" });
    await eng("POST", "/api/items/VA-VALVE/bom-versions", {
      lines: [
        { sku: "VA-HOUSING", qtyPer: "1" },
        { sku: "VA-SEAL", qtyPer: "2", substitutes: ["VA-SEAL2"] },
      ],
      effectiveFrom: "2025-01-01",
      note: "首版",
    });
    await eng("POST", "/api/items/VA-VALVE/bom-versions/1/release", {});

    const page = await app.signIn("engineering");
    try {
      // From the board: open the item, then a new draft prefilled from V1.
      await page.getByTestId("open-item").click();
      await page.keyboard.type("VA-VALVE");
      await page.locator(".ant-select-item-option", { hasText: "VA-VALVE" }).click();
      await page.getByTestId("item-versions-page").waitFor();
      await page.getByTestId("new-draft-bom").click();
      await page.getByTestId("version-editor").waitFor();
      const qty = page.getByTestId("line-qty-1");
      await expect.poll(() => qty.inputValue()).toMatch(/^2(\.0*)?$/);
      await qty.fill("3");
      await page.getByTestId("version-effective").fill(inDays(7));
      await page.getByTestId("version-note").fill("密封圈改为 3 个");

      // A second line with a component already listed: the server refuses it under that line's component.
      await page.getByTestId("add-row").click();
      await chooseOption(page, page.getByTestId("line-sku-2"), "VA-HOUSING 不锈钢壳体", { search: "VA-HOUSING" });
      await page.keyboard.press("Escape");
      await page.getByTestId("version-save").click();
      await page.getByTestId("bom-line-2").getByTestId("field-error").getByText("VA-HOUSING 重复列出").waitFor();
      await page.screenshot({ path: "test-results/version-editor-error-1440.png", fullPage: true });
      expect(await page.getByTestId("bom-line-1").getByTestId("field-error").count()).toBe(0);
      await page.getByTestId("bom-line-2").getByRole("button", { name: "删除" }).click();

      await page.getByTestId("version-save").click();
      await page.getByTestId("editor-saved").getByText("草稿 V2 已保存").waitFor();
      await page.waitForURL(/\/engineering\/items\/VA-VALVE\/bom\/2$/);
      await page.getByTestId("version-status").getByText("草稿").waitFor();
      await page.screenshot({ path: "test-results/version-editor-1440.png", fullPage: true });

      // The draft in the diff against the released version.
      await page.getByText("返回物料版本").click();
      const boms = page.getByTestId("versions-bom");
      await boms.getByTestId("ecn-lines").getByText("用量").waitFor();
      await boms.getByTestId("ecn-lines").getByText("VA-SEAL", { exact: true }).waitFor();
      await page.screenshot({ path: "test-results/item-versions-draft-1440.png", fullPage: true });

      // Release after the confirm.
      await boms.getByTestId("open-bom-2").click();
      await page.getByTestId("version-release").click();
      await page.locator(".ant-popconfirm:visible .ant-btn-primary").click();
      await page.getByTestId("version-status").getByText("生效中").waitFor();
      expect(await page.getByTestId("version-save").count()).toBe(0);
      expect(await page.getByTestId("line-qty-1").isDisabled()).toBe(true);

      // A routing draft: one operation on a work centre picked from the list.
      await page.goto(`${t.url}/engineering/items/VA-VALVE/routing/new`);
      await chooseOption(page, page.getByTestId("op-centre-0"), /^WC-ASM/);
      await page.getByTestId("op-run-0").fill("abc");
      await page.getByTestId("version-save").click();
      await page.getByTestId("operation-0").getByTestId("field-error").waitFor();
      await page.getByTestId("op-run-0").fill("0.25");
      await page.getByTestId("version-save").click();
      await page.getByTestId("editor-saved").getByText("草稿 V1 已保存").waitFor();
    } finally {
      await closePage(page);
    }

    const item = await eng("GET", "/api/items/VA-VALVE");
    expect(item.bomVersions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, "superseded"],
      [2, "released"],
    ]);
    const v2 = await eng("GET", "/api/items/VA-VALVE/bom?version=2");
    expect(v2.bom.lines.map((l: { sku: string; qtyPer: string }) => [l.sku, Number(l.qtyPer)])).toEqual([
      ["VA-HOUSING", 1],
      ["VA-SEAL", 3],
    ]);
    expect(v2.bom.lines[1].substitutes).toEqual(["VA-SEAL2"]);
    const routing = await eng("GET", "/api/items/VA-VALVE/bom?routingVersion=1");
    expect(routing.routing.status).toBe("draft");
    expect(
      routing.routing.operations.map((o: { seq: number; workCentre: string; runHoursPerUnit: string }) => [o.seq, o.workCentre, Number(o.runHoursPerUnit)]),
    ).toEqual([[10, "WC-ASM", 0.25]]);
    const refused = await t.api("PUT", "/api/items/VA-VALVE/bom-versions/2", { as: "engineering", body: { lines: [{ sku: "VA-SEAL", qtyPer: "9" }] } });
    expect(refused.status).toBe(422);

    const phone = await app.signIn("engineering", { width: 390, height: 844, path: "/engineering/items/VA-VALVE/bom/new" });
    try {
      await phone.getByTestId("bom-line-1").waitFor();
      expect(await layoutProblems(phone)).toEqual([]);
      await phone.screenshot({ path: "test-results/version-editor-390.png", fullPage: true });
      await phone.goto(`${t.url}/engineering/items/VA-VALVE/routing/new`);
      await phone.getByTestId("operation-0").waitFor();
      expect(await layoutProblems(phone)).toEqual([]);
      await phone.screenshot({ path: "test-results/routing-editor-390.png", fullPage: true });
      await phone.goto(`${t.url}/engineering/items/VA-VALVE`);
      await phone.getByTestId("versions-bom").getByTestId("ecn-lines").waitFor();
      expect((await layoutProblems(phone)).filter((p) => p.kind === "page-overflow")).toEqual([]);
      await phone.goto(`${t.url}/board/engineering`);
      await phone.getByTestId("open-item").waitFor();
      expect((await layoutProblems(phone)).filter((p) => p.kind === "page-overflow")).toEqual([]);
      await phone.screenshot({ path: "test-results/engineering-board-open-item-390.png", fullPage: true });
    } finally {
      await closePage(phone);
    }
  });
});
