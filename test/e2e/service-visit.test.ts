// The engineer's phone (390×844): a photographed nameplate's QR code finds the unit; a visit with a photo
// gives a warranty card whose PDF downloads; bad photos are refused with a clear message, storing nothing.
import { readFile } from "node:fs/promises";
import { PDFParse } from "pdf-parse";
import type { Page } from "playwright-core";
import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { VISIT_DEFAULT_RULES } from "../../src/rules/visit-default-rules.js";
import { rowCounts } from "../support/helpers.js";
import { postVisit, TINY_PNG } from "../support/visits.js";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

const SERIAL = "E2E-PS100-0001";
const PHONE = { width: 390, height: 844 };
const STORED = ["service_visits", "visit_photos", "visit_parts", "warranty_cards", "replenishment_requests", "equipment_events"] as const;

/** A nameplate as a camera sees it: a plate with the model printed and a QR code, rendered and photographed in Chromium. */
async function nameplatePhoto(page: Page, text: string): Promise<Buffer> {
  const qr = await QRCode.toDataURL(text, { margin: 2, width: 220 });
  const plate = await page.context().newPage();
  await plate.setViewportSize({ width: 640, height: 420 });
  await plate.setContent(`<body style="margin:0;background:#8a8f96;display:flex;align-items:center;justify-content:center;height:100vh">
    <div style="background:#d9dde2;border:3px solid #555;border-radius:10px;padding:18px 24px;display:flex;gap:20px;font-family:sans-serif;transform:rotate(-4deg)">
      <div><div style="font-size:22px;font-weight:bold">压力传感器 PS-100</div><div>0–1.6 MPa · 24 V DC</div><div>S/N ${SERIAL}</div></div>
      <img src="${qr}" width="160" height="160"></div></body>`);
  const shot = await plate.screenshot({ type: "png" });
  await plate.close();
  return shot;
}

describe.skipIf(!hasChromium)("service visit on a phone", () => {
  const app = useBrowserApp();

  beforeAll(async () => {
    const { t } = app;
    await installDefaultRules(t.database.db, VISIT_DEFAULT_RULES);
    const imported = await t.api("POST", "/api/equipment/import", {
      as: "service",
      body: { rows: [{ serial: SERIAL, sku: "PS-100", customer: "C-A1", site: "苏州工业园区", installedOn: "2025-09-01" }] },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    // An earlier repair, so the model has usual spares.
    const earlier = await postVisit(
      t,
      SERIAL,
      { parts: JSON.stringify([{ sku: "PM-CHIP", qty: 1 }]), notes: "首次维修" },
      { bytes: TINY_PNG, type: "image/png" },
    );
    expect(earlier.status).toBe(201);
  });

  it("a photographed nameplate's QR code brings up the unit, its history, spares, compatible models and a proposal", async () => {
    const page = await app.signIn("engineering", { ...PHONE, path: "/service/lookup" });
    await page
      .getByTestId("nameplate-input")
      .setInputFiles({ name: "nameplate.png", mimeType: "image/png", buffer: await nameplatePhoto(page, `SN:${SERIAL};MODEL:PS-100`) });
    await expect.poll(() => page.getByTestId("unit-serial").textContent(), { timeout: 15_000 }).toBe(SERIAL);
    expect(await page.getByTestId("scan-result").textContent()).toContain(SERIAL);
    expect(await page.getByTestId("repair-history").textContent()).toContain("首次维修");
    expect(await page.getByTestId("usual-spares").textContent()).toContain("PM-CHIP");
    await expect.poll(() => page.getByTestId("proposal").textContent()).toContain("压阻芯片");
    // Engineers see the proposal; sales or service place it.
    expect(await page.getByTestId("proposal-place").count()).toBe(0);
    // Nothing in the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId("go-visit").click();
    await page.getByTestId("visit-form").waitFor();
    await closePage(page);
  });

  it("sales turn the proposal into an order with one button", async () => {
    const page = await app.signIn("sales", { ...PHONE, path: "/service/lookup" });
    await page.getByTestId("unit-search").locator("input").fill(SERIAL);
    await page.getByTestId("unit-search").locator("input").press("Enter");
    await page.getByTestId("proposal-place").click();
    const placed = (await page.getByTestId("proposal-order").textContent()) ?? "";
    const orderNo = placed.match(/DH\d{11}/)?.[0];
    const order = await app.t.api("GET", `/api/orders/${orderNo}`, { as: "sales" });
    expect(order.body).toMatchObject({ customer: "C-A1", lines: [{ sku: "PM-CHIP", qty: 1 }] });
    await closePage(page);
  });

  it("a picture without a code says so", async () => {
    const page = await app.signIn("engineering", { ...PHONE, path: "/service/visit" });
    await page.getByTestId("nameplate-input").setInputFiles({ name: "blank.png", mimeType: "image/png", buffer: TINY_PNG });
    await expect.poll(() => page.getByTestId("scan-result").textContent(), { timeout: 15_000 }).toContain("没有识别出二维码或条码");
    await closePage(page);
  });

  it("bad photos are refused with a clear message and store nothing; a good visit gives the warranty card PDF", async () => {
    const { t } = app;
    const page = await app.signIn("engineering", { ...PHONE, path: `/service/visit?serial=${SERIAL}` });
    await page.getByTestId("visit-form").waitFor();
    await page.getByTestId("part-PM-CHIP").check();
    await page.getByTestId("part-free-sku").fill("PM-HOUSING");
    await page.getByTestId("part-free-add").click();
    await page.getByTestId("visit-notes").fill("更换芯片与壳体");
    const before = await rowCounts(t.database.db, STORED);

    const photo = page.getByTestId("photo-input");
    const refusals: [{ name: string; mimeType: string; buffer: Buffer }, string][] = [
      [{ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") }, "“report.pdf”不是 JPEG、PNG 或 WebP 图片"],
      [{ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(6 * 1024 * 1024, 0xff) }, "超过 5 MB 上限"],
      [{ name: "empty.png", mimeType: "image/png", buffer: Buffer.alloc(0) }, "空文件"],
    ];
    for (const [file, message] of refusals) {
      await photo.setInputFiles(file);
      expect(await page.getByTestId("photo-error").textContent()).toContain(message);
      await page.getByTestId("visit-submit").click();
      expect(await page.getByTestId("visit-error").textContent()).toContain("请拍一张现场照片");
    }
    // Named .png but not an image: the server judges by content and says so.
    await photo.setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("this is not an image") });
    await page.getByTestId("visit-submit").click();
    await expect.poll(() => page.getByTestId("visit-error").textContent()).toContain("必须是 JPEG、PNG 或 WebP 图片");
    expect(await rowCounts(t.database.db, STORED)).toEqual(before);

    await photo.setInputFiles({ name: "work.png", mimeType: "image/png", buffer: await nameplatePhoto(page, SERIAL) });
    await page.getByTestId("visit-submit").click();
    const link = page.getByTestId("warranty-link");
    await link.waitFor({ timeout: 15_000 });
    const visit = await t.database.db.selectFrom("service_visits").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    const parts = await t.database.db.selectFrom("visit_parts").select(["sku", "qty"]).where("visit_id", "=", visit.id).orderBy("sku").execute();
    expect(parts).toEqual([
      { sku: "PM-CHIP", qty: 1 },
      { sku: "PM-HOUSING", qty: 1 },
    ]);
    const code = (await t.database.db.selectFrom("warranty_cards").select("code").where("visit_id", "=", visit.id).executeTakeFirstOrThrow()).code;
    expect(await page.getByTestId("visit-result").textContent()).toContain(code);

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
    for (const expected of [code, SERIAL, "PM-CHIP", "PM-HOUSING"]) expect(text).toContain(expected);

    // The lifecycle now shows both visits.
    await expect.poll(() => page.getByTestId("lifecycle-visit").count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await closePage(page);
  });
});
