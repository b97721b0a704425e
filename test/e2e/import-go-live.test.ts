// The dual run (双轨制, decision 0073) in a real browser: the admin sets go-live on the import screen; a
// sales user's dry run of a ledger that runs past go-live shows the orders that should have been entered
// in Lvyue (desktop and a 390 px phone), downloads them as Excel; the outcomes page pivots on go-live.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { inDays } from "../support/helpers.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

const csv = () =>
  [
    "订单号,客户名称,下单日期,金额,状态",
    `GL-1,苏州恒锐机电有限责任公司,${inDays(-40)},1200.00,已交货`,
    `GL-2,苏州恒锐机电有限责任公司,${inDays(-15)},800.00,待出库`,
    `GL-3,南京新客户有限公司,${inDays(-2)},500.00,在途`,
  ].join("\r\n");

describe.skipIf(!hasChromium)("go-live and the dual run on screen", () => {
  const app = useBrowserApp();

  it("lets the admin set go-live and a dual run of 10 days on the import screen (390 px)", async () => {
    const page = await app.signIn("admin", { width: 390, height: 844, path: "/imports" });
    const card = page.getByTestId("go-live-card");
    await card.waitFor();
    expect(await page.getByTestId("go-live-status").textContent()).toContain("尚未设定上线日期");
    await page.getByTestId("go-live-date").locator("input").click();
    await page.keyboard.type(inDays(-20));
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.getByTestId("go-live-days").locator("input").fill("10");
    await page.getByTestId("go-live-save").click();
    await page.getByText("上线日期已保存").waitFor();
    const saved = (await app.t.api("GET", "/api/settings/go-live")).body;
    expect(saved).toMatchObject({ goLiveOn: inDays(-20), dualRunDays: 10, dualRunEndsOn: inDays(-11) });
    await page.reload();
    await page
      .getByTestId("go-live-status")
      .getByText(`${inDays(-20)} 上线`)
      .waitFor();
    const wide = await page.evaluate(
      () => [...document.querySelectorAll("[data-testid=go-live-card] *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length,
    );
    expect(wide).toBe(0);
    await page.getByTestId("go-live-card").screenshot({ path: "/tmp/import-go-live-card-390.png" });
    await closePage(page);
  });

  for (const width of [1440, 390]) {
    it(`shows a sales user the reconciliation list and downloads it (${width} px)`, async () => {
      const page = await app.signIn("sales", { width, height: 900, path: "/imports" });
      // Sales reads the setting, does not change it.
      await page.getByTestId("go-live-status").waitFor();
      expect(await page.getByTestId("go-live-save").count()).toBe(0);
      await page.locator(".ant-upload input[type=file]").setInputFiles({ name: "双轨台账.csv", mimeType: "text/csv", buffer: Buffer.from(csv()) });
      await page.getByTestId("dry-run").click();
      const list = page.getByTestId("after-go-live");
      await list.waitFor();
      expect(await list.locator(".ant-card-head-title").textContent()).toBe("应在履约中录入的订单（2）");
      const rows = await list.locator("tbody tr.ant-table-row").allTextContents();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain("GL-2");
      expect(rows[0]).toContain("双轨期内");
      expect(rows[1]).toContain("GL-3");
      expect(rows[1]).toContain("双轨期后");
      expect(await page.getByTestId("count-valid").locator(".ant-statistic-content-value").textContent()).toBe("1");
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("[data-testid], .ant-card, .ant-alert")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => e.getAttribute("data-testid") ?? e.className.split(" ")[0]),
      );
      expect(wide).toEqual([]);
      await list.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/import-go-live-${width}.png`, fullPage: true });

      const download = page.waitForEvent("download");
      await page.getByTestId("download-reconciliation").click();
      const file = await download;
      expect(file.suggestedFilename()).toBe("对账_应录入履约_双轨台账.xlsx");
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await file.path());
      const sheet = book.worksheets[0];
      expect(sheet.getRow(2).getCell(2).value).toBe("GL-2");
      expect(sheet.getRow(3).getCell(2).value).toBe("GL-3");
      await closePage(page);
    });
  }

  it("opens the outcomes page with go-live as its pivot", async () => {
    const page = await app.signIn("admin", { path: "/management" });
    const picker = page.locator("[data-testid=pivot-picker] input, input[data-testid=pivot-picker]");
    await picker.waitFor();
    await expect.poll(() => picker.inputValue()).toBe(inDays(-20));
    // The comparison is drawn: the figures carry a before/after.
    await page.getByTestId("indicator-dwell").locator(".comparison").first().waitFor();
    await closePage(page);
  });
});
