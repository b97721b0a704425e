// The Content-Security-Policy (src/core/http/defences.ts) checked in real Chromium: the built app's main
// pages, the API docs and a customer's status page load with no violation reported, neither as a
// `securitypolicyviolation` event nor as a console error.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, hasChromium, useBrowserApp } from "./support/browser.js";

const PAGES = [
  "/board/admin",
  "/orders",
  "/rules",
  "/imports",
  "/management",
  "/master/customers",
  "/master/stock",
  "/master/users",
  "/master/calendar",
  "/shop-floor",
  "/service/lookup",
];

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportCsp", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return seen;
}

describe.skipIf(!hasChromium)("the Content-Security-Policy in Chromium", () => {
  const app = useBrowserApp();

  it("lets every main page, the API docs and a status page load without a violation", { timeout: 120_000 }, async () => {
    const page = await app.signIn("admin");
    const violations = await watchViolations(page);
    try {
      const csp = (await page.goto(`${app.t.url}/orders`))?.headers()["content-security-policy"];
      expect(csp).toContain("default-src 'self'");
      for (const path of PAGES) {
        // Not "networkidle": the live-update stream stays open on every signed-in page.
        await page.goto(`${app.t.url}${path}`);
        await page.waitForFunction(() => (document.querySelector("#root")?.childElementCount ?? 0) > 0);
        await page.waitForTimeout(300);
        expect(violations, path).toEqual([]);
      }
      await page.goto(`${app.t.url}/docs`);
      await page.waitForSelector(".swagger-ui .info", { timeout: 20_000 });
      expect(violations, "/docs").toEqual([]);
      const created = await app.t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1 }] } });
      const link = await app.t.api("POST", `/api/orders/${created.body.orderNo}/status-link`, { as: "service", body: {} });
      await page.goto(link.body.url);
      await page.waitForLoadState("load");
      expect(violations, "status page").toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it("does report a violation when a page breaks the policy (the check can fail)", async () => {
    const page = await app.signIn("admin");
    const violations = await watchViolations(page);
    try {
      await page.goto(`${app.t.url}/orders`);
      await page.evaluate(() => {
        const s = document.createElement("script");
        s.src = "https://cdn.example.com/x.js";
        document.body.appendChild(s);
      });
      await expect.poll(() => violations.length, { timeout: 5000 }).toBeGreaterThan(0);
    } finally {
      await closePage(page);
    }
  });
});
