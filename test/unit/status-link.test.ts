import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, renderRefusalPage, renderStatusPage } from "../../src/status-links/model/status-page.js";
import { linkState, parseStatusToken, signStatusToken, verifyStatusToken } from "../../src/status-links/model/status-token.js";

const secret = new Uint8Array(32).fill(7);
const other = new Uint8Array(32).fill(8);

describe("status-link tokens", () => {
  it("verifies its own signature and refuses any change to id, signature, nonce or key", () => {
    const token = signStatusToken(secret, 42, "nonce-a");
    expect(parseStatusToken(token)?.id).toBe(42);
    expect(verifyStatusToken(secret, token, "nonce-a")).toBe(true);
    expect(verifyStatusToken(secret, token, "nonce-b")).toBe(false);
    expect(verifyStatusToken(other, token, "nonce-a")).toBe(false);
    expect(verifyStatusToken(secret, token.replace(/^42/, "43"), "nonce-a")).toBe(false);
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(verifyStatusToken(secret, token.slice(0, -1) + last, "nonce-a")).toBe(false);
  });

  it("any single-character change of a token fails verification", () => {
    const token = signStatusToken(secret, 7, "n");
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(..."ABCabc019-_."), (i, c) => {
        fc.pre(token[i] !== c);
        const forged = token.slice(0, i) + c + token.slice(i + 1);
        expect(verifyStatusToken(secret, forged, "n")).toBe(false);
      }),
    );
  });

  it("refuses things not shaped like a token", () => {
    for (const s of ["", "abc", "1.", ".x", "0.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1.short", "1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"]) {
      expect(parseStatusToken(s)).toBeNull();
      expect(verifyStatusToken(secret, s, "n")).toBe(false);
    }
  });

  it("a link is active until it expires or is revoked", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    expect(linkState({ revoked_at: null, expires_at: new Date("2026-11-26T00:00:00Z") }, now)).toBe("active");
    expect(linkState({ revoked_at: null, expires_at: now }, now)).toBe("expired");
    expect(linkState({ revoked_at: new Date("2026-11-25T09:00:00Z"), expires_at: new Date("2027-01-01T00:00:00Z") }, now)).toBe("revoked");
  });
});

describe("status page", () => {
  const data = {
    orderNo: "DH20261125001",
    status: "shipped",
    requestedDate: "2026-12-01",
    promisedDate: "2026-12-03",
    deliveredOn: null,
    lines: [{ name: "压力传感器 <PS-100>", qty: 3 }],
    shipments: [{ carrier: "顺丰", trackingNo: "SF1234567890", shippedOn: "2026-11-30" }],
    updatedAt: "2026-11-30 10:00 (UTC+8)",
  };

  it("shows the stage, promised date and tracking, in Chinese or English, escaping every value", () => {
    const zh = renderStatusPage(data, "zh", "/s/x");
    expect(zh).toContain('<dd id="stage" data-status="shipped">已发货</dd>');
    expect(zh).toContain("2026-12-03");
    expect(zh).toContain("SF1234567890");
    expect(zh).toContain("压力传感器 &lt;PS-100&gt;");
    expect(zh).not.toContain("<PS-100>");
    const en = renderStatusPage(data, "en", "/s/x");
    expect(en).toContain(">Shipped</dd>");
    expect(en).toContain("Shipment tracking");
    expect(en).toContain('href="/s/x?lang=zh"');
  });

  it("says 'not set yet' without a promise, and omits tracking before shipping", () => {
    const en = renderStatusPage({ ...data, status: "in_production", promisedDate: null, shipments: [] }, "en", "/s/x");
    expect(en).toContain('<dd id="promised">Not set yet</dd>');
    expect(en).not.toContain("Shipment tracking");
  });

  it("refusal pages name no order", () => {
    for (const kind of ["invalid", "gone"] as const) {
      const html = renderRefusalPage(kind, "zh");
      expect(html).not.toMatch(/DH\d+/);
      expect(html).toContain('id="refusal"');
    }
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
