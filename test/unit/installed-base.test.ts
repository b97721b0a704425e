import fc from "fast-check";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { findCjkFont } from "../../src/core/cjk-font.js";
import { addMonths, checkImportRows, deliveredSerials, warrantyUntil } from "../../src/equipment/model/installed-base.js";
import { sniffPhoto } from "../../src/visits/model/photo-type.js";
import { CODE_PATTERN, newVerificationCode } from "../../src/visits/model/verification-code.js";
import { renderWarrantyCard } from "../../src/visits/render-warranty-card.js";

describe("serials of delivered units", () => {
  it("numbers units per SKU across lines, in line order, the same every time", () => {
    const lines = [
      { line_no: 2, sku: "TT-200", qty: 1 },
      { line_no: 1, sku: "PS-100", qty: 2 },
      { line_no: 3, sku: "PS-100", qty: 1 },
    ];
    const units = deliveredSerials("DH20261125001", lines);
    expect(units).toEqual([
      { serial: "PS-100-DH20261125001-1", sku: "PS-100", lineNo: 1 },
      { serial: "PS-100-DH20261125001-2", sku: "PS-100", lineNo: 1 },
      { serial: "TT-200-DH20261125001-1", sku: "TT-200", lineNo: 2 },
      { serial: "PS-100-DH20261125001-3", sku: "PS-100", lineNo: 3 },
    ]);
    expect(deliveredSerials("DH20261125001", [...lines].reverse())).toEqual(units);
  });

  it("gives as many unique serials as units", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ sku: fc.constantFrom("A1", "B2", "C3"), qty: fc.integer({ min: 1, max: 5 }) }), { maxLength: 6 }), (raw) => {
        const lines = raw.map((l, i) => ({ ...l, line_no: i + 1 }));
        const serials = deliveredSerials("DH20260101001", lines).map((u) => u.serial);
        expect(serials.length).toBe(lines.reduce((n, l) => n + l.qty, 0));
        expect(new Set(serials).size).toBe(serials.length);
      }),
    );
  });
});

describe("warranty dates", () => {
  it("adds calendar months, clamping to the end of shorter months", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-25", 12)).toBe("2027-11-25");
    expect(addMonths("2026-12-15", 2)).toBe("2027-02-15");
    expect(warrantyUntil("2026-03-01", null)).toBe("2027-03-01");
    expect(warrantyUntil("2026-03-01", 24)).toBe("2028-03-01");
    expect(warrantyUntil("2026-03-01", 0)).toBe("2026-03-01");
  });
});

describe("import rows", () => {
  const known = { skus: new Set(["PS-100"]), customers: new Set(["C-A1"]), serials: new Set(["S-OLD"]), orders: new Set(["DH20260101001"]) };
  it("reports each fault with its row number and field", () => {
    const rows = [
      { serial: "S-1", sku: "PS-100", customer: "C-A1", installedOn: "2025-01-01" },
      { serial: "S-1", sku: "XX", customer: "C-Z", installedOn: "2025-01-01", orderNo: "DH20990101001" },
      { serial: "S-OLD", sku: "PS-100", customer: "C-A1", installedOn: "2025-01-01", warrantyUntil: "2024-12-31" },
    ];
    expect(checkImportRows(rows, known)).toEqual([
      { row: 2, field: "sku", reason: "unknown item XX" },
      { row: 2, field: "customer", reason: "unknown customer C-Z" },
      { row: 2, field: "orderNo", reason: "unknown order DH20990101001" },
      { row: 2, field: "serial", reason: "serial S-1 repeats row 1" },
      { row: 3, field: "serial", reason: "serial S-OLD is already registered" },
      { row: 3, field: "warrantyUntil", reason: "before installedOn" },
    ]);
    expect(checkImportRows([rows[0]], known)).toEqual([]);
  });
});

describe("photo type by magic bytes", () => {
  it("knows JPEG, PNG and WebP, and nothing else, whatever the name says", () => {
    expect(sniffPhoto(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0]))).toBe("image/jpeg");
    expect(sniffPhoto(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffPhoto(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 "))).toBe("image/webp");
    for (const other of ["GIF89a", "%PDF-1.7", "RIFF\x10\x00\x00\x00WAVEfmt ", "<svg>", "", "\xff\xd8"])
      expect(sniffPhoto(Buffer.from(other, "latin1"))).toBeNull();
  });
});

describe("verification codes", () => {
  it("are 16 unambiguous characters in groups of four, different each time", () => {
    const codes = Array.from({ length: 200 }, () => newVerificationCode());
    for (const c of codes) expect(c).toMatch(CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
    expect(newVerificationCode(new Uint8Array(10))).toBe("0000-0000-0000-0000");
    expect(newVerificationCode(new Uint8Array(10).fill(255))).toBe("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  });
});

describe("warranty card PDF", () => {
  const card = {
    code: "ABCD-EFGH-JKMN-PQRS",
    serial: "PS-100-DH20261125001-1",
    model: { sku: "PS-100", name: "压力传感器 PS-100" },
    customer: "苏州恒锐机电有限公司",
    site: "苏州",
    visitedOn: "2026-11-25",
    engineer: "engineering",
    validFrom: "2026-11-25",
    validUntil: "2027-05-25",
    parts: [{ sku: "PM-CHIP", name: "压阻芯片", qty: 1, validUntil: "2027-05-25" }],
    verifyUrl: "https://lvyue.example/w/ABCD-EFGH-JKMN-PQRS",
  };
  const text = async (pdf: Buffer) => (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;

  it.skipIf(!findCjkFont())("renders Chinese and English with a CJK font", async () => {
    const out = await text(await renderWarrantyCard(card));
    for (const s of ["电子保修卡", "Electronic warranty card", card.code, card.serial, "压阻芯片", "2027-05-25"]) expect(out).toContain(s);
  });

  it("falls back to English only, and says so, without a CJK font", async () => {
    const out = await text(await renderWarrantyCard(card, null));
    for (const s of ["Electronic warranty card", card.code, card.serial, "PM-CHIP", "No CJK font"]) expect(out).toContain(s);
    expect(out).not.toContain("电子保修卡");
  });

  it("finds no font when LVYUE_CJK_FONT names a missing file", () => {
    expect(findCjkFont({ LVYUE_CJK_FONT: "/nonexistent/font.ttc" })).toBeNull();
  });
});
