import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES as SERVER_LIMIT } from "../../src/visits/model/photo-type.js";
import { readNameplate } from "../../web/src/service/nameplate.js";
import { MAX_PHOTO_BYTES, photoProblem } from "../../web/src/service/photo-check.js";

describe("what a nameplate code says", () => {
  it.each([
    ["PS-100-DH20260218001-1", { serial: "PS-100-DH20260218001-1" }],
    ["  OLD-0001 \n", { serial: "OLD-0001" }],
    ["SN:E2E-PS100-0001;MODEL:PS-100", { serial: "E2E-PS100-0001" }],
    ["型号：PS-100，序列号：SN-77", { serial: "SN-77" }],
    ["S/N=AB12 | model=TT-200", { serial: "AB12" }],
    ["MODEL: TT-200", { model: "TT-200" }],
    ["https://plant.example/n?sn=PS-100-9&model=PS-100", { serial: "PS-100-9" }],
    ["https://plant.example/n?model=PS-100", { model: "PS-100" }],
  ])("%s", (text, expected) => expect(readNameplate(text)).toEqual(expected));

  it.each(["", "   ", "hello world", "https://plant.example/about", "SN:bad serial with spaces", "colour: red"])("names nothing: %j", (text) =>
    expect(readNameplate(text)).toBeNull(),
  );
});

describe("a photo checked before it is sent", () => {
  it("names the problem: empty, too large, not a JPEG/PNG/WebP", () => {
    expect(photoProblem({ size: 0, type: "image/png" })).toBe("empty");
    expect(photoProblem({ size: 5 * 1024 * 1024 + 1, type: "image/jpeg" })).toBe("too_large");
    expect(photoProblem({ size: 10, type: "image/gif" })).toBe("type");
    expect(photoProblem({ size: 10, type: "" })).toBe("type");
    expect(photoProblem({ size: 5 * 1024 * 1024, type: "image/webp" })).toBeNull();
    // The server has the last word; the two limits must agree.
    expect(MAX_PHOTO_BYTES).toBe(SERVER_LIMIT);
  });
});
