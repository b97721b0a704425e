// An engineering change in a real browser: engineering raises an ECN from a BOM diff, decides the
// affected orders, approves and releases it; the planner's board then shows the order it switched.
// The ECN screen is checked at 1440 px and on a 390 px phone (nothing scrolls sideways).
import { describe, expect, it } from "vitest";
import { inDays } from "../support/helpers.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";
import { chooseOption } from "./support/choose-option.js";
import { layoutProblems } from "./support/layout-check.js";

describe.skipIf(!hasChromium)("an engineering change in headless Chromium", () => {
  const app = useBrowserApp();

  it("creates an ECN from a BOM diff, decides the affected orders, releases it; the planner's board shows the changed order", async () => {
    const t = app.t;
    const eng = async (method: string, path: string, body?: unknown) => {
      const res = await t.api(method, path, { as: "engineering", body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    await eng("POST", "/api/items", { sku: "EE-OLD", name: "旧型密封圈", kind: "purchased", leadTimeDays: 1 });
    await eng("POST", "/api/items", { sku: "EE-NEW", name: "新型密封圈", kind: "purchased", leadTimeDays: 60 });
    await eng("POST", "/api/items", { sku: "EE-PS", name: "压力变送器 E 型", kind: "finished", unitPrice: "800.00" });
    await t.database.db.insertInto("inventory_balances").values({ sku: "EE-OLD", location: "WH-MAIN", on_hand: "200", reserved: "0" }).execute();
    await eng("POST", "/api/items/EE-PS/bom-versions", { lines: [{ sku: "EE-OLD", qtyPer: "2" }], effectiveFrom: "2025-01-01" });
    await eng("POST", "/api/items/EE-PS/bom-versions/1/release", {});
    await eng("POST", "/api/items/EE-PS/routing-versions", {
      operations: [{ seq: 10, workCentre: "WC-ASM", runHoursPerUnit: "0.02" }],
      effectiveFrom: "2025-01-01",
    });
    await eng("POST", "/api/items/EE-PS/routing-versions/1/release", {});
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    const place = async (days: number) =>
      (await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "EE-PS", qty: 4 }], requestedDate: inDays(days) } })).body
        .orderNo as string;
    const early = await place(10);
    const late = await place(45);
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    // Engineering drafted the next version: the new seal instead of the old one.
    await eng("POST", "/api/items/EE-PS/bom-versions", { lines: [{ sku: "EE-NEW", qtyPer: "2" }], note: "改用新型密封圈" });

    const page = await app.signIn("engineering");
    try {
      await page.getByTestId("new-ecn").click();
      await page.getByTestId("new-ecn-page").waitFor();
      await chooseOption(page, page.getByTestId("ecn-item"), "EE-PS 压力变送器 E 型", { search: "EE-PS" });
      // The diff against the version in force (V1 → V2).
      await page.getByTestId("ecn-lines").getByText("EE-NEW").waitFor();
      await page.getByTestId("ecn-lines").getByText("EE-OLD").waitFor();
      await page.getByTestId("ecn-title").fill("密封圈改型");
      await page.getByTestId("ecn-date").fill(inDays(20));
      await page.getByTestId("ecn-create").click();
      await page.getByTestId("ecn-page").waitFor();
      await page.waitForURL(/\/engineering\/ecns\/ECN-/);
      const ecnNo = page.url().split("/").at(-1)!;
      await page.getByText("评审中").first().waitFor();
      await page.getByTestId(`impact-${early}/1`).waitFor();
      await page.getByTestId(`impact-${late}/1`).waitFor();
      await page.screenshot({ path: "test-results/ecn-review-1440.png", fullPage: true });
      // The board lists it in progress with the rows waiting for a decision.
      await page.getByText("返回看板").click();
      await page.getByTestId("ecns-in-progress").getByTestId(`waiting-${late}/1`).waitFor();
      await page.getByTestId("ecns-in-progress").getByRole("link", { name: ecnNo }).click();
      await page.getByTestId(`impact-${late}/1`).waitFor();

      // Release before deciding: refused, naming the rows.
      await page.getByTestId("ecn-approved").click();
      await page.getByTestId("ecn-release").click();
      await page.getByTestId("ecn-problem").getByText(`${late}/1`).waitFor();

      // The suggestions (earlier order keeps V1, the later one switches), saved as decisions.
      await page.getByTestId("accept-suggested").click();
      await page.getByTestId("save-decisions").click();
      await page.getByText("全部已决定").first().waitFor();
      await page.getByTestId("ecn-release").click();
      await page.getByText("已发布").first().waitFor();
      const decisions = await t.database.db.selectFrom("ecn_decisions").select(["ref", "decision"]).where("ecn_no", "=", ecnNo).orderBy("ref").execute();
      expect(Object.fromEntries(decisions.map((d) => [d.ref, d.decision]))).toEqual({
        [`${early}/1`]: "keep",
        [`${late}/1`]: "switch",
        "STOCK/EE-OLD": "keep",
      });

      // The item's versions: V1 superseded, V2 released, and the diff between them.
      await page.getByTestId("item-versions-link").click();
      const boms = page.getByTestId("versions-bom");
      await boms.getByText("已被取代").waitFor();
      await boms.getByText("生效中").waitFor();
      await boms.getByTestId("ecn-lines").getByText("EE-NEW").waitFor();

      const phone = await app.signIn("engineering", { width: 390, height: 844, path: `/engineering/ecns/${ecnNo}` });
      await phone.getByTestId(`impact-${late}/1`).waitFor();
      expect(await layoutProblems(phone)).toEqual([]);
      await phone.screenshot({ path: "test-results/ecn-released-390.png", fullPage: true });
      await phone.goto(`${t.url}/engineering/items/EE-PS`);
      await phone.getByTestId("versions-bom").getByTestId("ecn-lines").waitFor();
      expect((await layoutProblems(phone)).filter((p) => p.kind === "page-overflow")).toEqual([]);
      await phone.screenshot({ path: "test-results/item-versions-390.png", fullPage: true });
      await phone.goto(`${t.url}/board/engineering`);
      await phone.getByTestId("ecns-recent").getByText(ecnNo).waitFor();
      expect((await layoutProblems(phone)).filter((p) => p.kind === "page-overflow")).toEqual([]);
      await phone.screenshot({ path: "test-results/engineering-board-390.png", fullPage: true });
      await closePage(phone);
    } finally {
      await closePage(page);
    }

    const planner = await app.signIn("planner");
    try {
      const changed = planner.getByTestId("ecn-changed");
      await changed.getByText(late).waitFor();
      expect(await changed.getByText(early).count()).toBe(0);
      await planner.screenshot({ path: "test-results/planner-ecn-changed-1440.png", fullPage: true });
    } finally {
      await closePage(planner);
    }
  });
});
