// The import screen's questions in a real browser, on a phone and in English: a GBK CSV that lost its
// ¥ signs is said once with an "import anyway" button, and a ledger status the importer does not know
// is chosen once and re-checked (decision 0066); a short customer name is proposed as an existing customer,
// confirmed once, and found by that spelling from then on (decision 0072).
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";
import { chooseOption } from "./support/choose-option.js";

const CSV = [
  "订单号,客户名称,下单日期,金额,状态",
  'EW-1,常州精测自动化有限公司,2025-05-01,"¥49,318.70",返修',
  "EW-2,常州精测自动化有限公司,2025-05-02,¥1200.00,在途",
  "EW-3,常州精测自动化有限公司,2025-05-03,¥300.00,返修",
].join("\r\n");

describe.skipIf(!hasChromium)("the import screen asks about lost ¥ signs and unknown statuses", () => {
  const app = useBrowserApp();

  for (const lang of ["zh-CN", "en-US"] as const) {
    it(`answers both questions on a 390 px phone (${lang})`, async () => {
      const page = await app.signIn("sales", { lang, width: 390, height: 844, path: "/imports" });
      await page.locator(".ant-upload input[type=file]").setInputFiles({ name: "五月.csv", mimeType: "text/csv", buffer: iconv.encode(CSV, "gbk") });
      await page.getByTestId("dry-run").click();
      const lost = page.getByTestId("lost-yen");
      await lost.waitFor();
      expect(await lost.textContent()).toContain(lang === "zh-CN" ? "丢失了 ¥ 符号" : "lost its ¥ signs");
      expect(await page.getByTestId("count-waiting").locator(".ant-statistic-content-value").textContent()).toBe("3");
      await page.screenshot({ path: `/tmp/import-words-${lang}-1.png`, fullPage: true });
      await page.getByTestId("lost-yen-anyway").click();
      await page.getByTestId("lost-yen-on").waitFor();

      const words = page.getByTestId("unknown-words");
      await words.waitFor();
      expect(await page.getByTestId("unknown-word").count()).toBe(1);
      expect(await page.getByTestId("unknown-word").textContent()).toContain("返修");
      expect(await page.getByTestId("count-valid").locator(".ant-statistic-content-value").textContent()).toBe("1");
      await chooseOption(page, words.locator(".ant-select"), lang === "zh-CN" ? "已交货" : "Delivered");
      await page.getByTestId("apply-words").click();
      await words.waitFor({ state: "detached" });
      expect(await page.getByTestId("count-valid").locator(".ant-statistic-content-value").textContent()).toBe("3");
      // What is wider than the phone, by test id or class (empty when nothing is).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("[data-testid], .ant-card, .ant-alert, .ant-segmented")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => e.getAttribute("data-testid") ?? e.className.split(" ")[0]),
      );
      expect(wide).toEqual([]);
      await page.screenshot({ path: `/tmp/import-words-${lang}-2.png`, fullPage: true });
      await closePage(page);
    });
  }

  it("proposes an existing customer for a short name; one click saves the alias and the file is checked again", async () => {
    const page = await app.signIn("sales", { width: 390, height: 844, path: "/imports" });
    const csv = ["订单号,客户名称,下单日期,金额,状态", "AL-1,常州精测,2025-05-01,1200.00,已交货", "AL-2,常州精测,2025-05-02,300.00,已交货"].join("\r\n");
    await page.locator(".ant-upload input[type=file]").setInputFiles({ name: "简称.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("dry-run").click();
    const matches = page.getByTestId("customer-matches");
    await matches.waitFor();
    const proposal = matches.locator("[data-testid^=proposal-LG-]");
    expect(await proposal.textContent()).toContain("常州精测自动化有限公司");
    await matches.screenshot({ path: "/tmp/import-alias-1.png" });
    await proposal.getByTestId("proposal-confirm").click();
    await matches.getByText("按别名").waitFor();
    expect(await matches.textContent()).toContain("C-C1");
    expect(await proposal.count()).toBe(0);
    const saved = await app.t.api("GET", "/api/customers/C-C1/aliases", { as: "sales" });
    expect(saved.body.aliases.map((a: { alias: string }) => a.alias)).toEqual(["常州精测"]);
    await matches.screenshot({ path: "/tmp/import-alias-2.png" });
    const wide = await page.evaluate(
      () => [...document.querySelectorAll("[data-testid=customer-matches] *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length,
    );
    expect(wide).toBe(0);
    await closePage(page);
  });
});
