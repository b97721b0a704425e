// Security headers (@fastify/helmet): a CSP the web app works under, no framing, nosniff; HSTS and a
// Secure session cookie only over TLS, which behind a proxy is believed only when LVYUE_TRUST_PROXY says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";

let direct: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  direct = await startTestApp({ seed: false });
  proxied = await startTestApp({ seed: false, config: { trustProxy: "127.0.0.1" } });
}, 180_000);
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

const signIn = (t: TestApp, headers: Record<string, string> = {}) =>
  t.api("POST", "/api/auth/login", { as: "anonymous", body: { username: "sales", password: TEST_PASSWORD }, headers });

describe("security headers", () => {
  it("every answer carries the CSP, no framing and nosniff", async () => {
    const res = await direct.api("GET", "/api/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("no HSTS and no Secure cookie over plain HTTP, even if a client claims https without a trusted proxy", async () => {
    const res = await signIn(direct, { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
  });

  it("behind a trusted TLS proxy: HSTS and a Secure session cookie", async () => {
    const res = await signIn(proxied, { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    const plain = await signIn(proxied);
    expect(plain.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
  });
});
